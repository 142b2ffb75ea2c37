import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { polygonConsensus } from './polygonConsensus.ts';
import { polygonIou } from './polygonIou.ts';

const square = (x: number, y: number, s: number, label = 'car') => ({
  label,
  points: [
    { x, y },
    { x: x + s, y },
    { x: x + s, y: y + s },
    { x, y: y + s },
  ],
});
const triangle = (x: number, y: number, s: number, label = 'car') => ({
  label,
  points: [
    { x, y },
    { x: x + s, y },
    { x, y: y + s },
  ],
});

describe('polygonConsensus', () => {
  it('keeps the medoid of a cluster all three workers drew and drops an outline only one drew', () => {
    const w1 = square(0.1, 0.1, 0.2);
    const w2 = square(0.11, 0.1, 0.2);
    const w3 = square(0.12, 0.1, 0.2);
    const result = polygonConsensus([
      { worker: 'w1', polygons: [w1, square(0.6, 0.6, 0.2)] },
      { worker: 'w2', polygons: [w2] },
      { worker: 'w3', polygons: [w3] },
    ]);
    expect(result.workerCount).toBe(3);
    expect(result.polygons).toHaveLength(1);
    const [p] = result.polygons;
    // The middle outline overlaps both others most: it is the cluster's representative.
    expect(p!.points).toEqual(w2.points);
    expect(p!.label).toBe('car');
    expect(p!.workers).toEqual(['w1', 'w2', 'w3']);
    const mean = (polygonIou(w2.points, w1.points) + polygonIou(w2.points, w3.points)) / 2;
    expect(p!.meanIou).toBeCloseTo(mean, 12);
    expect(p!.confidence).toBeCloseTo(mean, 12);
  });

  it('keeps a cluster drawn by exactly half the workers, with confidence scaled by support', () => {
    const result = polygonConsensus([
      { worker: 'a', polygons: [triangle(0.2, 0.2, 0.3)] },
      { worker: 'b', polygons: [] },
    ]);
    expect(result.polygons).toHaveLength(1);
    expect(result.polygons[0]!.confidence).toBe(0.5);
    expect(result.polygons[0]!.meanIou).toBe(1);
  });

  it('clusters by the outlines’ own overlap, not their bounding boxes', () => {
    // Same bounding box, but the two triangles are the square's opposite halves: IoU 0.
    const lower = triangle(0.1, 0.1, 0.4);
    const upper = {
      label: 'car',
      points: [
        { x: 0.5, y: 0.1 },
        { x: 0.5, y: 0.5 },
        { x: 0.1, y: 0.5 },
      ],
    };
    const result = polygonConsensus([
      { worker: 'a', polygons: [lower] },
      { worker: 'b', polygons: [upper] },
    ]);
    expect(result.polygons.map((p) => p.workers)).toEqual([['a'], ['b']]);
  });

  it('never puts two polygons of one worker, or two labels, in one cluster', () => {
    const result = polygonConsensus([
      { worker: 'a', polygons: [square(0.1, 0.1, 0.2), square(0.11, 0.1, 0.2)] },
      { worker: 'b', polygons: [square(0.1, 0.1, 0.2, 'bus')] },
    ]);
    expect(result.polygons.map((p) => [p.label, p.workers, p.points[0]!.x])).toEqual([
      ['bus', ['b'], 0.1],
      ['car', ['a'], 0.1],
      ['car', ['a'], 0.11],
    ]);
  });

  it('uses average linkage, so a chain of overlaps does not merge both ends', () => {
    // IoU(p, q) = IoU(q, r) = 0.538 but IoU(p, r) = 0.25: r would lower the cluster's mean below 0.5.
    const result = polygonConsensus([
      { worker: 'p', polygons: [square(0, 0, 0.2)] },
      { worker: 'q', polygons: [square(0.06, 0, 0.2)] },
      { worker: 'r', polygons: [square(0.12, 0, 0.2)] },
    ]);
    expect(result.polygons).toHaveLength(1);
    expect(result.polygons[0]!.workers).toEqual(['p', 'q']);
  });

  it('returns nothing for no answers or no polygons, and refuses thresholds out of range', () => {
    expect(polygonConsensus([]).polygons).toEqual([]);
    expect(polygonConsensus([{ worker: 'a', polygons: [] }]).polygons).toEqual([]);
    expect(() => polygonConsensus([], { iouThreshold: 0 })).toThrow(DomainError);
    expect(() => polygonConsensus([], { minSupport: 2 })).toThrow(/minSupport/);
  });
});
