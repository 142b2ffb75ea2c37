import { describe, expect, it } from 'vitest';
import { yoloDataYaml } from './yoloDataYaml.ts';
import { yoloLines } from './yoloLines.ts';

const classes = new Map([
  ['car', 0],
  ['roof', 1],
]);

describe('yoloLines', () => {
  it('writes boxes as class and normalized centre and size', () => {
    expect(yoloLines({ boxes: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.25, label: 'car' }] }, classes)).toEqual([
      '0 0.35 0.325 0.5 0.25',
    ]);
  });

  it('writes polygons in the segmentation format', () => {
    expect(
      yoloLines(
        {
          polygons: [
            {
              label: 'roof',
              points: [
                { x: 0.1, y: 0.1 },
                { x: 0.9, y: 0.1 },
                { x: 0.5, y: 1 / 3 },
              ],
            },
          ],
        },
        classes,
      ),
    ).toEqual(['1 0.1 0.1 0.9 0.1 0.5 0.333333']);
  });

  it('refuses an unknown label and names the classes in data.yaml', () => {
    expect(() => yoloLines({ boxes: [{ x: 0, y: 0, w: 1, h: 1, label: 'x' }] }, classes)).toThrow('"x"');
    expect(yoloDataYaml(['car', 'roof: red'])).toContain('nc: 2\nnames:\n  0: "car"\n  1: "roof: red"\n');
  });
});
