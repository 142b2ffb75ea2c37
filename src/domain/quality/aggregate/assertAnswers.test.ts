import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { assertAnswers } from './assertAnswers.ts';

const valid = {
  items: Int32Array.of(0, 1),
  workers: Int32Array.of(0, 0),
  labels: Int32Array.of(1, 0),
  nItems: 2,
  nWorkers: 1,
  nClasses: 2,
};

describe('assertAnswers', () => {
  it('accepts answers inside their counts', () => {
    expect(() => assertAnswers(valid)).not.toThrow();
  });

  it('refuses columns of different lengths', () => {
    expect(() => assertAnswers({ ...valid, labels: Int32Array.of(1) })).toThrow(/differ in length/);
  });

  it('refuses an index outside its count, naming the answer', () => {
    expect(() => assertAnswers({ ...valid, items: Int32Array.of(0, 2) })).toThrow(DomainError);
    expect(() => assertAnswers({ ...valid, items: Int32Array.of(0, 2) })).toThrow(/answer 1 .*item 2 of 2/);
    expect(() => assertAnswers({ ...valid, workers: Int32Array.of(-1, 0) })).toThrow(/worker -1 of 1/);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => assertAnswers({ ...valid, nItems: 2.5 })).toThrow(/nItems/);
    expect(() => assertAnswers({ ...valid, nClasses: 0 })).toThrow(/class/);
  });
});
