import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { boxConsensus } from './boxConsensus.ts';

const box = (x: number, y: number, w: number, h: number, label = 'car') => ({ x, y, w, h, label });

describe('boxConsensus', () => {
  it('averages a cluster drawn by all three workers and drops a box only one drew', () => {
    const result = boxConsensus([
      { worker: 'w1', boxes: [box(0.1, 0.1, 0.2, 0.2), box(0.6, 0.6, 0.2, 0.2)] },
      { worker: 'w2', boxes: [box(0.12, 0.1, 0.2, 0.2)] },
      { worker: 'w3', boxes: [box(0.1, 0.12, 0.2, 0.2)] },
    ]);
    expect(result.workerCount).toBe(3);
    expect(result.boxes).toHaveLength(1);
    const [b] = result.boxes;
    expect(b!.x).toBeCloseTo(0.32 / 3, 12);
    expect(b!.y).toBeCloseTo(0.32 / 3, 12);
    expect(b!.w).toBeCloseTo(0.2, 12);
    expect(b!.h).toBeCloseTo(0.2, 12);
    expect(b!.label).toBe('car');
    expect(b!.workers).toEqual(['w1', 'w2', 'w3']);
    // IoUs with the mean box: 0.87696 (w1) and 0.82186 (w2, w3); support 3/3.
    expect(b!.meanIou).toBeCloseTo(0.8402266193, 9);
    expect(b!.confidence).toBeCloseTo(0.8402266193, 9);
  });

  it('keeps a cluster drawn by exactly half the workers, with confidence scaled by support', () => {
    const result = boxConsensus([
      { worker: 'a', boxes: [box(0.2, 0.2, 0.3, 0.3)] },
      { worker: 'b', boxes: [] },
    ]);
    expect(result.boxes).toHaveLength(1);
    expect(result.boxes[0]!.confidence).toBe(0.5);
    expect(result.boxes[0]!.meanIou).toBe(1);
  });

  it('never puts two boxes of one worker, or two labels, in one cluster', () => {
    const result = boxConsensus([
      { worker: 'a', boxes: [box(0.1, 0.1, 0.2, 0.2), box(0.11, 0.1, 0.2, 0.2)] },
      { worker: 'b', boxes: [box(0.1, 0.1, 0.2, 0.2, 'bus')] },
    ]);
    // Sorted by y, then x, then label: the bus and a's first car share a corner.
    expect(result.boxes.map((b) => [b.label, b.workers, b.x])).toEqual([
      ['bus', ['b'], 0.1],
      ['car', ['a'], 0.1],
      ['car', ['a'], 0.11],
    ]);
  });

  it('uses average linkage, so a chain of overlaps does not merge both ends', () => {
    // IoU(p, q) = IoU(q, r) = 0.538 but IoU(p, r) = 0.25: r would lower the cluster's mean below 0.5.
    const result = boxConsensus([
      { worker: 'p', boxes: [box(0, 0, 0.2, 0.2)] },
      { worker: 'q', boxes: [box(0.06, 0, 0.2, 0.2)] },
      { worker: 'r', boxes: [box(0.12, 0, 0.2, 0.2)] },
    ]);
    expect(result.boxes).toHaveLength(1);
    expect(result.boxes[0]!.workers).toEqual(['p', 'q']);
    expect(result.boxes[0]!.x).toBeCloseTo(0.03, 12);
  });

  it('lists boxes top to bottom, then left to right', () => {
    const result = boxConsensus([
      { worker: 'a', boxes: [box(0.5, 0.5, 0.1, 0.1), box(0.1, 0.5, 0.1, 0.1), box(0.7, 0.1, 0.1, 0.1)] },
    ]);
    expect(result.boxes.map((b) => [b.x, b.y])).toEqual([
      [0.7, 0.1],
      [0.1, 0.5],
      [0.5, 0.5],
    ]);
  });

  it('returns nothing for no answers or no boxes', () => {
    expect(boxConsensus([]).boxes).toEqual([]);
    expect(boxConsensus([{ worker: 'a', boxes: [] }]).boxes).toEqual([]);
  });

  it('refuses a threshold outside (0, 1]', () => {
    expect(() => boxConsensus([], { iouThreshold: 0 })).toThrow(DomainError);
    expect(() => boxConsensus([], { minSupport: 2 })).toThrow(/minSupport/);
  });
});
