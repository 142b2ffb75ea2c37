import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaleDecimal } from './scaleDecimal.ts';

describe('scaleDecimal', () => {
  it('scales by powers of ten without floating-point noise', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(scaleDecimal(0.29, 2)).toBe(29);
    expect(scaleDecimal(29, -2)).toBe(0.29);
    expect(scaleDecimal(1e-7, 2)).toBe(1e-5);
    expect(scaleDecimal(0, 2)).toBe(0);
  });

  it('comes back to the same number for any coordinate of up to 15 significant digits', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (d) => {
        const x = Number(d.toPrecision(15));
        expect(scaleDecimal(scaleDecimal(x, 2), -2)).toBe(x);
      }),
      { numRuns: 5000 },
    );
  });
});
