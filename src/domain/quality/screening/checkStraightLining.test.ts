import { describe, expect, it } from 'vitest';
import { type AnnotationInput, annotationSchema } from '../../../shared/methods.ts';
import { screeningRules } from '../../../shared/screeningRules.ts';
import { checkStraightLining } from './checkStraightLining.ts';

const rules = screeningRules.parse({}).straightLining;
const annotation = (input: AnnotationInput) => annotationSchema.parse(input);
const choice = annotation({
  method: 'single_choice',
  config: {
    choices: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
});
const same = (n: number, answer = '{"choice":"yes"}') => Array.from({ length: n }, () => answer);

describe('checkStraightLining', () => {
  it('passes a run one short of runLength', () => {
    expect(checkStraightLining(rules, { annotation: choice, answers: same(9) }).outcome).toBe('pass');
  });

  it('flags a run of exactly runLength, quoting the answer', () => {
    const v = checkStraightLining(rules, { annotation: choice, answers: same(10) });
    expect(v.outcome).toBe('flag');
    expect(v.reason).toContain('last 10 answers were all {"choice":"yes"}');
  });

  it('counts only the run at the end', () => {
    const broken = [...same(20), '{"choice":"no"}'];
    expect(checkStraightLining(rules, { annotation: choice, answers: broken }).outcome).toBe('pass');
    const recovered = ['{"choice":"no"}', ...same(9)];
    expect(checkStraightLining(rules, { annotation: choice, answers: recovered }).outcome).toBe('pass');
  });

  it('passes no answers at all', () => {
    expect(checkStraightLining(rules, { annotation: choice, answers: [] }).outcome).toBe('pass');
  });

  it('skips methods with fewer than minChoices answers', () => {
    const strict = { ...rules, minChoices: 3 };
    const v = checkStraightLining(strict, { annotation: choice, answers: same(10) });
    expect(v.outcome).toBe('pass');
    expect(v.reason).toContain('2 answers, fewer than the 3');
    const pairwise = annotation({ method: 'pairwise', config: {} });
    expect(
      checkStraightLining(strict, { annotation: pairwise, answers: same(10, '{"winner":"a"}') }).outcome,
    ).toBe('flag');
    const noTie = annotation({ method: 'pairwise', config: { allowTie: false } });
    expect(
      checkStraightLining(strict, { annotation: noTie, answers: same(10, '{"winner":"a"}') }).outcome,
    ).toBe('pass');
  });

  it('counts rating steps as choices', () => {
    const rating = annotation({ method: 'rating', config: { min: 1, max: 2 } });
    const v = checkStraightLining(
      { ...rules, minChoices: 3 },
      { annotation: rating, answers: same(10, '{"value":1}') },
    );
    expect(v.outcome).toBe('pass');
    const five = annotation({ method: 'rating', config: {} });
    expect(checkStraightLining(rules, { annotation: five, answers: same(10, '{"value":3}') }).outcome).toBe(
      'flag',
    );
  });

  it('leaves open-ended methods alone', () => {
    const text = annotation({ method: 'free_text', config: {} });
    expect(
      checkStraightLining(rules, { annotation: text, answers: same(30, '{"text":"n/a"}') }).outcome,
    ).toBe('pass');
    const outlines = annotation({ method: 'polygon', config: { labels: [{ value: 'car', label: 'Car' }] } });
    const v = checkStraightLining(rules, { annotation: outlines, answers: same(30, '{"polygons":[]}') });
    expect(v.outcome).toBe('pass');
    expect(v.reason).toMatch(/open-ended/i);
  });
});
