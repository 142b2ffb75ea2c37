import { describe, expect, it } from 'vitest';
import { encodeAnswers } from '../aggregate/encodeAnswers.ts';
import { majorityVote } from '../aggregate/majorityVote.ts';
import { detectSybils } from './detectSybils.ts';
import { scoreFlags } from './scoreFlags.ts';
import { sybilCrowd } from './sybilCrowd.ts';

/**
 * 200 workers on 2000 items of four classes, five answers per item: 174 honest (accuracy 0.65–0.95), 10
 * guessers, 10 constant answerers and a ring of 6 that takes two slots on 30% of the items.
 */
const CROWD = {
  nItems: 2000,
  nClasses: 4,
  answersPerItem: 5,
  honest: 174,
  randomClickers: 10,
  constantAnswerers: 10,
  ringSize: 6,
  ringItemShare: 0.3,
} as const;
const SEEDS = [41, 42, 43, 44, 45];

describe('detectSybils', () => {
  it('finds the spammers of a realistic crowd against its majority vote, and few honest workers', () => {
    const runs = SEEDS.map((seed) => {
      const crowd = sybilCrowd({ ...CROWD, seed });
      return { roles: crowd.roles, flags: detectSybils(crowd.answers, majorityVote(crowd.answers).labels) };
    });
    const all = scoreFlags(runs);
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
    expect(all.falsePositiveRate).toBeLessThanOrEqual(0.02);
    expect(scoreFlags(runs, 'constant_answerer').recall).toBeGreaterThanOrEqual(0.9);
    expect(scoreFlags(runs, 'colluder').recall).toBeGreaterThanOrEqual(0.9);
    // About 35 judged answers each is little to tell a guesser from a weak honest worker.
    expect(scoreFlags(runs, 'random_clicker').recall).toBeGreaterThanOrEqual(0.7);
  });

  it('finds nearly every spammer against gold labels', () => {
    const runs = SEEDS.map((seed) => {
      const crowd = sybilCrowd({ ...CROWD, seed });
      return { roles: crowd.roles, flags: detectSybils(crowd.answers, crowd.truth, { minReferenceLead: 0 }) };
    });
    const all = scoreFlags(runs);
    expect(all.recall).toBeGreaterThanOrEqual(0.95);
    expect(all.falsePositiveRate).toBeLessThanOrEqual(0.02);
  });

  it('orders flags by worker and kind, and gives a constant answerer no random-clicker flag', () => {
    const crowd = sybilCrowd({ ...CROWD, seed: 41 });
    const flags = detectSybils(crowd.answers, crowd.truth, { minReferenceLead: 0 });
    const order = { constant_answerer: 0, random_clicker: 1, colluder: 2 };
    const keys = flags.map((f) => f.worker * 3 + order[f.kind]);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    const constant = flags.filter((f) => f.kind === 'constant_answerer').map((f) => f.worker);
    expect(constant.length).toBeGreaterThan(5);
    expect(flags.filter((f) => f.kind === 'random_clicker' && constant.includes(f.worker))).toEqual([]);
    // The ring guesses its shared answer, so its members are flagged both ways.
    const ring = flags.filter((f) => f.kind === 'colluder').map((f) => f.worker);
    expect(
      flags.filter((f) => f.kind === 'random_clicker' && ring.includes(f.worker)).length,
    ).toBeGreaterThan(0);
  });

  it('passes shared options on, and lets a detector’s own options win', () => {
    const crowd = sybilCrowd({ ...CROWD, seed: 42 });
    const names = ['cat', 'dog', 'bird', 'fish'];
    const flags = detectSybils(crowd.answers, crowd.truth, { minReferenceLead: 0, classNames: names });
    expect(flags.find((f) => f.kind === 'constant_answerer')?.evidence).toMatch(
      /^Gave "(cat|dog|bird|fish)" in/,
    );
    const chance = detectSybils(crowd.answers, crowd.truth, { minReferenceLead: 0, chanceAgreement: 0.1 });
    const clickers = chance.filter((f) => f.kind === 'random_clicker');
    expect(clickers.length).toBeGreaterThan(5);
    for (const f of clickers) expect(f.evidence).toContain('guessing would agree 10% of the time');
    const overridden = detectSybils(crowd.answers, crowd.truth, {
      minReferenceLead: 0,
      colluders: { minShared: 10_000 },
      randomClickers: { minReferenceLead: 0, minJudged: 10_000 },
    });
    expect(overridden.filter((f) => f.kind !== 'constant_answerer')).toEqual([]);
  });

  it('runs on answers encoded from strings, judged against their majority', () => {
    const triples = [];
    for (let i = 0; i < 40; i++) {
      const truth = i % 2 === 0 ? 'yes' : 'no';
      for (const worker of ['ann', 'bob', 'cy']) triples.push({ item: `i${i}`, worker, label: truth });
      triples.push({ item: `i${i}`, worker: 'lazy', label: 'yes' });
    }
    const { answers, workerIds } = encodeAnswers(triples);
    const flags = detectSybils(answers, majorityVote(answers).labels, { chanceAgreement: 0.5 });
    expect(flags.map((f) => [workerIds[f.worker], f.kind])).toEqual([['lazy', 'constant_answerer']]);
  });

  it('handles a million answers: 100,000 items, 5,000 workers, ten answers per item', () => {
    const crowd = sybilCrowd({
      nItems: 100_000,
      nClasses: 4,
      answersPerItem: 10,
      honest: 4900,
      randomClickers: 50,
      constantAnswerers: 30,
      ringSize: 20,
      ringItemShare: 0.05,
      ringPerItem: 3,
      seed: 46,
    });
    expect(crowd.answers.items).toHaveLength(1_000_000);
    const flags = detectSybils(crowd.answers, majorityVote(crowd.answers).labels);
    const score = scoreFlags([{ roles: crowd.roles, flags }]);
    expect(score.recall).toBe(1);
    expect(score.wronglyFlagged).toBe(0);
    const ring = flags.filter((f) => f.kind === 'colluder');
    expect(ring).toHaveLength(20);
    expect(new Set(ring.map((f) => f.peers?.length))).toEqual(new Set([19]));
  }, 20_000);
});
