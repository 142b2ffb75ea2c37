import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { majorityVote } from '../aggregate/majorityVote.ts';
import { detectColluders } from './detectColluders.ts';
import { scoreFlags } from './scoreFlags.ts';
import { sybilCrowd } from './sybilCrowd.ts';

/** 184 honest workers (accuracy 0.65–0.95), 10 guessers and a ring of 6 on 2000 items, five answers each. */
const CROWD = {
  nItems: 2000,
  nClasses: 4,
  answersPerItem: 5,
  honest: 184,
  randomClickers: 10,
  ringSize: 6,
  ringItemShare: 0.3,
} as const;

/** The crowd plus one new account per original that gives the original's answer on every item it answered. */
function withCopiers(answers: CategoricalAnswers, originals: readonly number[]): CategoricalAnswers {
  const extra = { items: [] as number[], workers: [] as number[], labels: [] as number[] };
  for (let a = 0; a < answers.items.length; a++) {
    const k = originals.indexOf(answers.workers[a]!);
    if (k < 0) continue;
    extra.items.push(answers.items[a]!);
    extra.workers.push(answers.nWorkers + k);
    extra.labels.push(answers.labels[a]!);
  }
  return {
    ...answers,
    items: Int32Array.from([...answers.items, ...extra.items]),
    workers: Int32Array.from([...answers.workers, ...extra.workers]),
    labels: Int32Array.from([...answers.labels, ...extra.labels]),
    nWorkers: answers.nWorkers + originals.length,
  };
}

describe('detectColluders', () => {
  it('finds a ring that gives one answer per item, as one group naming its members', () => {
    const crowd = sybilCrowd({ ...CROWD, seed: 31 });
    const flags = detectColluders(crowd.answers, majorityVote(crowd.answers).labels);
    const ring = [194, 195, 196, 197, 198, 199];
    expect(crowd.roles.flatMap((r, w) => (r === 'colluder' ? [w] : []))).toEqual(ring);
    expect(flags.map((f) => f.worker)).toEqual(ring);
    for (const f of flags) {
      expect(f.kind).toBe('colluder');
      expect(f.peers).toEqual(ring.filter((w) => w !== f.worker));
      expect(f.score).toBeGreaterThan(0.999);
      expect(f.evidence).toMatch(
        /^Disagreed with another account of its group on 0 of \d+ judged items both answered, where their agreement with the reference \(\d+% and \d+%\) predicts about \d+ disagreements, and \d+ of their shared answers are the same answer against the reference; one of 6 accounts that answer alike\.$/,
      );
    }
  });

  it('finds rings in realistic crowds, also when members sometimes answer on their own, and nobody else', () => {
    const score = scoreFlags(
      [31, 32, 33, 34].map((seed) => {
        const crowd = sybilCrowd({ ...CROWD, ringNoise: seed % 2 === 0 ? 0.2 : 0, hardItemShare: 0.2, seed });
        return {
          roles: crowd.roles,
          flags: detectColluders(crowd.answers, majorityVote(crowd.answers).labels),
        };
      }),
      'colluder',
    );
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.falsePositiveRate).toBeLessThanOrEqual(0.02);
  });

  it('leaves alone two honest experts who agree with the reference and with each other nearly always', () => {
    // Five workers answer all 500 items: two experts and three weaker workers.
    const crowd = sybilCrowd({
      nItems: 500,
      nClasses: 4,
      answersPerItem: 5,
      honest: 5,
      honestAccuracy: [0.7, 0.7],
      seed: 35,
    });
    const labels = crowd.answers.labels.slice();
    // Re-draw the answers of workers 0 and 1 at 95% (a Lehmer generator keeps it deterministic).
    let state = 7;
    const random = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    };
    for (let a = 0; a < labels.length; a++) {
      if (crowd.answers.workers[a]! > 1) continue;
      const y = crowd.truth[crowd.answers.items[a]!]!;
      labels[a] = random() < 0.95 ? y : (y + 1 + Math.floor(random() * 3)) % 4;
    }
    const answers = { ...crowd.answers, labels };
    const expert = [new Int32Array(500), new Int32Array(500)];
    for (let a = 0; a < labels.length; a++) {
      const w = answers.workers[a]!;
      if (w <= 1) expert[w]![answers.items[a]!] = labels[a]!;
    }
    const agree = expert[0]!.filter((l, i) => l === expert[1]![i]).length;
    // A rule on raw agreement would call them a pair.
    expect(agree / 500).toBeGreaterThan(0.85);
    expect(detectColluders(answers, crowd.truth, { minReferenceLead: 0 })).toEqual([]);
    expect(detectColluders(answers, majorityVote(answers).labels)).toEqual([]);
  });

  it('leaves alone honest workers who all stumble on the same hard items, and still finds the ring', () => {
    // 30 workers answer every item; 30% of items are hard, with one tempting wrong answer.
    const crowd = sybilCrowd({
      nItems: 1000,
      nClasses: 4,
      answersPerItem: 30,
      honest: 30,
      ringSize: 3,
      ringItemShare: 0.2,
      hardItemShare: 0.3,
      seed: 36,
    });
    for (const reference of [crowd.truth, majorityVote(crowd.answers).labels]) {
      const flags = detectColluders(crowd.answers, reference, {
        minReferenceLead: reference === crowd.truth ? 0 : 2,
      });
      expect(flags.map((f) => f.worker)).toEqual([30, 31, 32]);
    }
  });

  it('pairs an account that copies another with it, one group per copied worker', () => {
    const crowd = sybilCrowd({ ...CROWD, ringSize: 0, randomClickers: 0, seed: 37 });
    // Copy the two weakest honest workers: they make enough errors for copies to show.
    const weakest = [...crowd.accuracy.keys()]
      .sort((a, b) => crowd.accuracy[a]! - crowd.accuracy[b]!)
      .slice(0, 2);
    const answers = withCopiers(crowd.answers, weakest);
    const flags = detectColluders(answers, majorityVote(answers).labels);
    const copies = [crowd.answers.nWorkers, crowd.answers.nWorkers + 1];
    expect(flags.map((f) => [f.worker, ...(f.peers ?? [])])).toEqual(
      [
        [weakest[0]!, copies[0]!],
        [copies[0]!, weakest[0]!],
        [weakest[1]!, copies[1]!],
        [copies[1]!, weakest[1]!],
      ].sort((x, y) => x[0]! - y[0]!),
    );
  });

  it('gives the same flags when pair records are tallied in many small passes', () => {
    const crowd = sybilCrowd({ ...CROWD, hardItemShare: 0.2, seed: 38 });
    const reference = majorityVote(crowd.answers).labels;
    const flags = detectColluders(crowd.answers, reference);
    expect(flags).toHaveLength(6);
    expect(detectColluders(crowd.answers, reference, { maxPairRecords: 50 })).toEqual(flags);
  });

  it('needs minShared judged items in common', () => {
    const crowd = sybilCrowd({ ...CROWD, seed: 31 });
    const reference = majorityVote(crowd.answers).labels;
    expect(detectColluders(crowd.answers, reference, { minShared: 10_000 })).toEqual([]);
  });

  it('refuses bad options with a message naming them', () => {
    const { answers, truth } = sybilCrowd({ ...CROWD, nItems: 10, seed: 1 });
    expect(() => detectColluders(answers, truth, { minShared: 0 })).toThrow(DomainError);
    expect(() => detectColluders(answers, truth, { minSharedWrong: 1.5 })).toThrow(/minSharedWrong/);
    expect(() => detectColluders(answers, truth, { minRatio: 0.5 })).toThrow(/minRatio/);
    expect(() => detectColluders(answers, truth, { significance: 0 })).toThrow(/significance/);
    expect(() => detectColluders(answers, truth, { wrongMatchRate: 0 })).toThrow(/wrongMatchRate/);
    expect(() => detectColluders(answers, truth, { maxPairRecords: 0 })).toThrow(/maxPairRecords/);
  });
});
