import { describe, expect, it } from 'vitest';
import { polygonAgreement } from './polygonAgreement.ts';

const square = (x: number, y: number, s: number, label = 'car') => ({
  label,
  points: [
    { x, y },
    { x: x + s, y },
    { x: x + s, y: y + s },
    { x, y: y + s },
  ],
});

describe('polygonAgreement', () => {
  it('scores identical polygons 1, in any order', () => {
    const polygons = [square(0.1, 0.1, 0.2), square(0.5, 0.5, 0.3, 'person')];
    const result = polygonAgreement(polygons, [...polygons].reverse());
    expect(result.score).toBeCloseTo(1, 12);
    expect(result.matched).toBe(2);
  });

  it('gives the IoU of a single shifted polygon', () => {
    // Overlap 0.1 × 0.2 over a union of 0.06: IoU 1/3.
    const result = polygonAgreement([square(0.1, 0.1, 0.2)], [square(0.2, 0.1, 0.2)]);
    expect(result.score).toBeCloseTo(1 / 3, 12);
    expect(result.matched).toBe(1);
  });

  it('lets a missed or an extra polygon pull the score down', () => {
    const one = [square(0.1, 0.1, 0.2)];
    const two = [square(0.1, 0.1, 0.2), square(0.6, 0.6, 0.2)];
    expect(polygonAgreement(one, two).score).toBeCloseTo(0.5, 12);
    expect(polygonAgreement(two, one).matched).toBe(1);
    expect(polygonAgreement([], one)).toEqual({ score: 0, matched: 0, matchedIou: 0 });
  });

  it('never matches polygons of different labels, nor one polygon twice', () => {
    expect(polygonAgreement([square(0.1, 0.1, 0.2, 'dog')], [square(0.1, 0.1, 0.2)]).score).toBe(0);
    const result = polygonAgreement([square(0.1, 0.1, 0.2), square(0.11, 0.1, 0.2)], [square(0.1, 0.1, 0.2)]);
    expect(result.matched).toBe(1);
    expect(result.score).toBeCloseTo(0.5, 12);
  });

  it('counts two empty answers as full agreement', () => {
    expect(polygonAgreement([], []).score).toBe(1);
  });
});
