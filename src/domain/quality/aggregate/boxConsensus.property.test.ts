import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../../shared/methods.ts';
import { boxConsensus, type WorkerBoxes } from './boxConsensus.ts';

// Averaged corners can land a rounding step outside the boxes they average ((0.1 + 0.1 + 0.1) / 3 > 0.1).
const ROUNDING = 1e-12;

/** A box on a coarse grid, so workers' boxes overlap, coincide or miss each other often. */
const box: fc.Arbitrary<Box> = fc
  .record({
    x: fc.integer({ min: 0, max: 8 }),
    y: fc.integer({ min: 0, max: 8 }),
    w: fc.integer({ min: 1, max: 4 }),
    h: fc.integer({ min: 1, max: 4 }),
    label: fc.constantFrom('car', 'person'),
    jitter: fc.double({ min: 0, max: 0.02, noNaN: true }),
  })
  .map(({ x, y, w, h, label, jitter }) => ({
    x: x / 10 + jitter,
    y: y / 10,
    w: Math.min(w / 10, 1 - x / 10 - jitter),
    h: Math.min(h / 10, 1 - y / 10),
    label,
  }));

const workers: fc.Arbitrary<WorkerBoxes[]> = fc
  .array(fc.array(box, { maxLength: 5 }), { minLength: 1, maxLength: 6 })
  .map((lists) => lists.map((boxes, w) => ({ worker: `w${w}`, boxes })));

const options = fc.record({
  iouThreshold: fc.double({ min: 0.05, max: 1, noNaN: true }),
  minSupport: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('boxConsensus, over arbitrary workers and boxes', () => {
  it('merges boxes inside the hull of the boxes its workers drew, with confidence and IoU in [0, 1]', () => {
    fc.assert(
      fc.property(workers, options, (answers, opts) => {
        const { boxes, workerCount } = boxConsensus(answers, opts);
        expect(workerCount).toBe(answers.length);
        const used = new Map<string, number>();
        for (const b of boxes) {
          const drawn = answers.flatMap((a) =>
            b.workers.includes(a.worker) ? a.boxes.filter((x) => x.label === b.label) : [],
          );
          // Every worker of the cluster drew a box of its label, and appears once.
          expect(new Set(b.workers).size).toBe(b.workers.length);
          for (const w of b.workers)
            expect(answers.find((a) => a.worker === w)!.boxes.some((x) => x.label === b.label)).toBe(true);
          expect(b.workers.length).toBeGreaterThan(0);
          expect(b.workers.length).toBeGreaterThanOrEqual(opts.minSupport * workerCount);
          expect(b.x).toBeGreaterThanOrEqual(Math.min(...drawn.map((d) => d.x)) - ROUNDING);
          expect(b.y).toBeGreaterThanOrEqual(Math.min(...drawn.map((d) => d.y)) - ROUNDING);
          expect(b.x + b.w).toBeLessThanOrEqual(Math.max(...drawn.map((d) => d.x + d.w)) + ROUNDING);
          expect(b.y + b.h).toBeLessThanOrEqual(Math.max(...drawn.map((d) => d.y + d.h)) + ROUNDING);
          expect(b.w).toBeGreaterThan(0);
          expect(b.h).toBeGreaterThan(0);
          for (const value of [b.confidence, b.meanIou]) {
            expect(Number.isFinite(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
          for (const w of b.workers) used.set(`${w}:${b.label}`, (used.get(`${w}:${b.label}`) ?? 0) + 1);
        }
        // No box of a worker sits in two clusters.
        for (const [key, count] of used) {
          const [w, label] = key.split(':');
          const own = answers.find((a) => a.worker === w)!.boxes.filter((x) => x.label === label).length;
          expect(count).toBeLessThanOrEqual(own);
        }
        // Top to bottom, then left to right.
        for (let k = 1; k < boxes.length; k++) {
          const p = boxes[k - 1]!;
          const q = boxes[k]!;
          expect(p.y < q.y || (p.y === q.y && p.x <= q.x)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives back each box, drawn by all, when every worker drew the same boxes', () => {
    const sameBoxes = fc.uniqueArray(box, { maxLength: 4, selector: (b) => `${b.x},${b.y}` });
    fc.assert(
      fc.property(sameBoxes, fc.integer({ min: 1, max: 5 }), (drawn, count) => {
        const answers = Array.from({ length: count }, (_, w) => ({ worker: `w${w}`, boxes: drawn }));
        const { boxes } = boxConsensus(answers);
        expect(boxes).toHaveLength(drawn.length);
        for (const b of boxes) {
          expect(b.workers).toHaveLength(count);
          // By all four sides: two drawn boxes may share a corner (x 0 and 5e-324) and differ only in size.
          const offset = (d: Box) =>
            Math.abs(d.x - b.x) + Math.abs(d.y - b.y) + Math.abs(d.w - b.w) + Math.abs(d.h - b.h);
          const source = drawn
            .filter((d) => d.label === b.label)
            .reduce((p, q) => (offset(q) < offset(p) ? q : p));
          expect(source.x).toBeCloseTo(b.x, 12);
          expect(source.y).toBeCloseTo(b.y, 12);
          expect(b.w).toBeCloseTo(source.w, 12);
          expect(b.h).toBeCloseTo(source.h, 12);
          expect(b.confidence).toBeCloseTo(1, 12);
        }
      }),
      {
        numRuns: 100,
        examples: [
          [
            [
              { x: 0, y: 0.8, w: 0.1, h: 0.1, label: 'person' },
              { x: 5e-324, y: 0.8, w: 0.2, h: 0.1, label: 'person' },
            ],
            3,
          ],
        ],
      },
    );
  });
});
