import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/methods.ts';
import { type QualitySettingsInput, qualitySettings } from '../../../shared/qualitySettings.ts';
import { type PassAnswer, type PassFlag, type QualityPassInput, qualityPass } from './qualityPass.ts';

const yesNo: Annotation = {
  method: 'single_choice',
  config: {
    choices: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
};

let nextId = 1;
function answer(userId: string, itemId: string, choice: string, more: Partial<PassAnswer> = {}): PassAnswer {
  return {
    id: String(nextId++),
    itemId,
    userId,
    answer: { choice },
    status: 'pending',
    decidedBy: null,
    screenOutcome: 'pass',
    screening: [],
    isCorrect: null,
    isGold: false,
    ...more,
  };
}

function inputFor(answers: PassAnswer[]): QualityPassInput {
  const items = new Map<string, { needed: number | null; answerCount: number }>();
  for (const a of answers) {
    const item = items.get(a.itemId) ?? { needed: null, answerCount: 0 };
    item.answerCount++;
    items.set(a.itemId, item);
  }
  return {
    annotation: yesNo,
    settings: qualitySettings.parse({
      review: { enabled: false },
      aggregation: { method: 'mv', confidence: 0.6 },
    }),
    overlap: 3,
    items,
    answers,
    accuracy: new Map(),
    flags: [],
    judge: false,
  };
}

function run(
  answers: PassAnswer[],
  o: {
    settings?: QualitySettingsInput;
    overlap?: number;
    flags?: PassFlag[];
    needed?: Record<string, number>;
  } = {},
  annotation: Annotation = yesNo,
) {
  const items = new Map<string, { needed: number | null; answerCount: number }>();
  for (const a of answers)
    if (!a.isGold) {
      const item = items.get(a.itemId) ?? { needed: o.needed?.[a.itemId] ?? null, answerCount: 0 };
      item.answerCount++;
      items.set(a.itemId, item);
    }
  const input: QualityPassInput = {
    annotation,
    settings: qualitySettings.parse(o.settings ?? { aggregation: { method: 'mv', confidence: 0.6 } }),
    overlap: o.overlap ?? 3,
    items,
    answers,
    accuracy: new Map(),
    flags: o.flags ?? [],
    judge: false,
  };
  return qualityPass(input);
}
const decisionOf = (r: ReturnType<typeof run>, a: PassAnswer) => r.decisions.find((d) => d.answerId === a.id);

describe('qualityPass', () => {
  it('approves answers that agree with a settled label and rejects the outvoted one, with reasons', () => {
    const a = answer('u1', 'i1', 'yes');
    const b = answer('u2', 'i1', 'yes');
    const c = answer('u3', 'i1', 'no');
    const r = run([a, b, c]);
    expect(r.labels).toEqual([
      { itemId: 'i1', label: { choice: 'yes' }, confidence: 2 / 3, answerCount: 3, isFinal: true },
    ]);
    expect(decisionOf(r, a)).toMatchObject({
      status: 'approved',
      decidedBy: 'machine',
      consensusAgrees: true,
    });
    expect(decisionOf(r, c)).toMatchObject({
      status: 'rejected',
      decidedBy: 'machine',
      consensusAgrees: false,
    });
    expect(decisionOf(r, c)!.reason).not.toBe('');
  });

  it('leaves an item that is still collecting answers undecided', () => {
    const r = run([answer('u1', 'i1', 'yes')]);
    expect(r.decisions).toEqual([]);
    expect(r.labels[0]!.isFinal).toBe(false);
  });

  it('asks for one more answer where the label is unsure, up to maxOverlap', () => {
    const split = [answer('u1', 'i1', 'yes'), answer('u2', 'i1', 'no')];
    const settings = { aggregation: { method: 'mv' as const, confidence: 0.9, maxOverlap: 3 } };
    expect(run(split, { overlap: 2, settings }).needed).toEqual([{ itemId: 'i1', needed: 3 }]);
    const third = [...split, answer('u3', 'i1', 'yes')];
    const atMost = run(third, { overlap: 2, settings, needed: { i1: 3 } });
    expect(atMost.needed).toEqual([]);
    // Settled on the best guess for its answers, but not final: it never met the bar.
    expect(atMost.labels[0]!.isFinal).toBe(false);
    expect(atMost.decisions).toHaveLength(3);
  });

  it('stops asking early once the label is sure', () => {
    const r = run([answer('u1', 'i1', 'yes'), answer('u2', 'i1', 'yes')], {
      overlap: 5,
      settings: { aggregation: { method: 'mv', confidence: 0.9, minAnswers: 2 } },
    });
    expect(r.needed).toEqual([{ itemId: 'i1', needed: 2 }]);
    expect(r.labels[0]!.isFinal).toBe(true);
  });

  it('settles gold answers by their gold verdict and screening rejects by their reasons', () => {
    const right = answer('u1', 'g1', 'yes', { isGold: true, isCorrect: true });
    const wrong = answer('u2', 'g1', 'no', {
      isGold: true,
      isCorrect: false,
      screening: [{ rule: 'gold_wrong', outcome: 'reject', reason: 'The control answer differs.' }],
      screenOutcome: 'reject',
    });
    const copied = answer('u3', 'i1', 'yes', {
      screenOutcome: 'reject',
      screening: [{ rule: 'near_duplicate', outcome: 'reject', reason: 'Copied.' }],
    });
    const r = run([right, wrong, copied]);
    expect(decisionOf(r, right)).toMatchObject({ status: 'approved', decidedBy: 'gold' });
    expect(decisionOf(r, wrong)).toMatchObject({
      status: 'rejected',
      decidedBy: 'gold',
      reason: 'The control answer differs.',
    });
    expect(decisionOf(r, copied)).toMatchObject({
      status: 'rejected',
      decidedBy: 'screening',
      reason: 'Copied.',
    });
  });

  it('sends answers flagged by screening to review when review is on, and decides them when it is off', () => {
    const fast = answer('u1', 'i1', 'yes', {
      screenOutcome: 'flag',
      screening: [{ rule: 'too_fast', outcome: 'flag', reason: 'Too fast.' }],
    });
    const others = [answer('u2', 'i1', 'yes'), answer('u3', 'i1', 'yes')];
    expect(decisionOf(run([fast, ...others]), fast)).toMatchObject({ status: 'review', decidedBy: null });
    const off = run([fast, ...others], {
      settings: { review: { enabled: false }, aggregation: { method: 'mv' } },
    });
    expect(decisionOf(off, fast)).toMatchObject({ status: 'approved', decidedBy: 'machine' });
  });

  it('rejects the answers of flagged contributors, reverses what the machine approved, and leaves people’s rulings', () => {
    const flags: PassFlag[] = [
      { userId: 'spam', kind: 'random_clicker', status: 'open', evidence: 'Guessing.' },
    ];
    const pending = answer('spam', 'i1', 'no');
    const machineApproved = answer('spam', 'i2', 'yes', { status: 'approved', decidedBy: 'machine' });
    const reviewed = answer('spam', 'i3', 'yes', { status: 'approved', decidedBy: 'review' });
    const r = run([pending, machineApproved, reviewed, answer('u1', 'i1', 'yes')], { flags });
    expect(decisionOf(r, pending)).toMatchObject({
      status: 'rejected',
      decidedBy: 'sybil',
      reason: 'Guessing.',
    });
    expect(decisionOf(r, machineApproved)).toMatchObject({
      from: 'approved',
      status: 'rejected',
      decidedBy: 'sybil',
    });
    expect(decisionOf(r, reviewed)).toBeUndefined();
    // A cleared flag excludes no one.
    const cleared = run([pending], { flags: [{ ...flags[0]!, status: 'cleared' }] });
    expect(decisionOf(cleared, pending)).toBeUndefined();
  });

  it('stops contributors below the gold bar only once the evidence is clear', () => {
    const gold = (user: string, n: number, right: number) =>
      Array.from({ length: n }, (_, i) =>
        answer(user, `g${i}`, 'yes', { isGold: true, isCorrect: i < right }),
      );
    const work = answer('weak', 'i1', 'yes');
    const unlucky = answer('unlucky', 'i1', 'yes');
    const r = run([...gold('weak', 12, 3), ...gold('unlucky', 5, 3), work, unlucky]);
    expect(decisionOf(r, work)).toMatchObject({ status: 'rejected', decidedBy: 'gold' });
    expect(decisionOf(r, work)!.reason).toMatch(/3 of 12 control items/);
    expect(decisionOf(r, unlucky)?.decidedBy).not.toBe('gold');
  });

  it('decides an item’s answers by the label a person fixed, and asks it for no more', () => {
    const a = answer('u1', 'i1', 'yes');
    const b = answer('u2', 'i1', 'no');
    const r = run([a, b], { overlap: 3 }, yesNo);
    expect(r.decisions).toEqual([]); // two of three answers: still collecting
    const fixed = qualityPass({ ...inputFor([a, b]), fixed: new Map([['i1', { choice: 'no' }]]) });
    expect(fixed.decisions.find((d) => d.answerId === a.id)).toMatchObject({ status: 'rejected' });
    expect(fixed.decisions.find((d) => d.answerId === b.id)).toMatchObject({ status: 'approved' });
    expect(fixed.needed).toEqual([{ itemId: 'i1', needed: 2 }]);
    expect(fixed.labels).toEqual([]);
  });

  it('settles what a closed project has, without asking for more', () => {
    const a = answer('u1', 'i1', 'yes');
    const closed = qualityPass({ ...inputFor([a]), closed: true });
    expect(closed.needed).toEqual([]);
    expect(closed.decisions.find((d) => d.answerId === a.id)).toMatchObject({
      status: 'approved',
      decidedBy: 'machine',
    });
    expect(closed.labels[0]!.isFinal).toBe(false);
  });

  it('labels cohorts that each saw one class correctly with the default method', () => {
    // Workers 1–3 answered only the yes items, 4–6 only the no items, each mostly right: full Dawid-Skene can
    // explain the second cohort as "always says no to a yes" and call everything yes.
    const answers: PassAnswer[] = [];
    for (let i = 0; i < 20; i++) {
      const truth = i % 2 === 0 ? 'yes' : 'no';
      const cohort = i % 2 === 0 ? ['u1', 'u2', 'u3'] : ['u4', 'u5', 'u6'];
      cohort.forEach((u, k) => {
        const wrong = (i + k) % 7 === 0;
        answers.push(answer(u, `i${i}`, wrong ? (truth === 'yes' ? 'no' : 'yes') : truth));
      });
    }
    const input = { ...inputFor(answers), settings: qualitySettings.parse({ review: { enabled: false } }) };
    const labels = qualityPass(input).labels;
    const right = labels.filter(
      (l) => (l.label as { choice: string }).choice === (Number(l.itemId.slice(1)) % 2 === 0 ? 'yes' : 'no'),
    );
    expect(right.length).toBe(20);
  });

  it('is deterministic', () => {
    const answers = [answer('u1', 'i1', 'yes'), answer('u2', 'i1', 'no'), answer('u3', 'i1', 'yes')];
    expect(run(answers)).toEqual(run(answers));
  });
});
