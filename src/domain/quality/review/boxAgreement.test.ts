import { describe, expect, it } from 'vitest';
import { boxAgreement } from './boxAgreement.ts';

const box = (x: number, y: number, w: number, h: number, label = 'car') => ({ x, y, w, h, label });

describe('boxAgreement', () => {
  it('scores identical boxes 1, in any order', () => {
    const boxes = [box(0.1, 0.1, 0.2, 0.2), box(0.5, 0.5, 0.3, 0.3, 'person')];
    expect(boxAgreement(boxes, [...boxes].reverse())).toEqual({ score: 1, matched: 2, matchedIou: 1 });
  });

  it('gives the IoU of a single shifted box', () => {
    // Overlap 0.1 × 0.2 over a union of 0.06: IoU 1/3.
    const result = boxAgreement([box(0.1, 0.1, 0.2, 0.2)], [box(0.2, 0.1, 0.2, 0.2)]);
    expect(result.score).toBeCloseTo(1 / 3, 12);
    expect(result.matched).toBe(1);
  });

  it('lets a missed or an extra box pull the score down', () => {
    const one = [box(0.1, 0.1, 0.2, 0.2)];
    const two = [box(0.1, 0.1, 0.2, 0.2), box(0.6, 0.6, 0.2, 0.2)];
    expect(boxAgreement(one, two)).toEqual({ score: 0.5, matched: 1, matchedIou: 1 });
    expect(boxAgreement(two, one).score).toBe(0.5);
    expect(boxAgreement([], one)).toEqual({ score: 0, matched: 0, matchedIou: 0 });
  });

  it('never matches boxes of different labels, nor one box twice', () => {
    expect(boxAgreement([box(0.1, 0.1, 0.2, 0.2, 'dog')], [box(0.1, 0.1, 0.2, 0.2)]).score).toBe(0);
    // Two answer boxes on one reference box: only the better one matches, over the larger count of 2.
    const result = boxAgreement(
      [box(0.1, 0.1, 0.2, 0.2), box(0.11, 0.1, 0.2, 0.2)],
      [box(0.1, 0.1, 0.2, 0.2)],
    );
    expect(result.matched).toBe(1);
    expect(result.score).toBe(0.5);
  });

  it('counts two empty answers as full agreement', () => {
    expect(boxAgreement([], []).score).toBe(1);
  });
});
