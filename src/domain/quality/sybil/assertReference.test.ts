import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { assertReference } from './assertReference.ts';

describe('assertReference', () => {
  const answers: CategoricalAnswers = {
    items: Int32Array.from([0, 1]),
    workers: Int32Array.from([0, 0]),
    labels: Int32Array.from([0, 1]),
    nItems: 2,
    nWorkers: 1,
    nClasses: 2,
  };

  it('accepts a class or -1 per item', () => {
    expect(() => assertReference(answers, Int32Array.from([1, -1]))).not.toThrow();
  });

  it('refuses a wrong length or a label outside the classes', () => {
    expect(() => assertReference(answers, Int32Array.from([0]))).toThrow(DomainError);
    expect(() => assertReference(answers, Int32Array.from([0, 2]))).toThrow(/item 1 is 2/);
    expect(() => assertReference(answers, Int32Array.from([-2, 0]))).toThrow(/item 0 is -2/);
  });
});
