import { describe, expect, it } from 'vitest';
import { agreementWithReference } from './agreementWithReference.ts';

describe('agreementWithReference', () => {
  it('counts judged answers and agreements per worker, skipping answers not judged', () => {
    const { judged, agreed } = agreementWithReference(
      {
        items: Int32Array.from([0, 1, 2, 0, 1, 2]),
        workers: Int32Array.from([0, 0, 0, 1, 1, 1]),
        labels: Int32Array.from([1, 0, 1, 1, 1, 0]),
        nItems: 3,
        nWorkers: 3,
        nClasses: 2,
      },
      Int32Array.from([1, 1, -1]),
      Uint8Array.from([1, 1, 0, 1, 1, 0]),
    );
    expect(Array.from(judged)).toEqual([2, 2, 0]);
    expect(Array.from(agreed)).toEqual([1, 2, 0]);
  });
});
