import { describe, expect, it } from 'vitest';
import { cocoAnnotations } from './cocoAnnotations.ts';
import { cocoImage } from './cocoImage.ts';

const categoryIds = new Map([
  ['car', 1],
  ['roof', 2],
]);
const base = {
  imageId: 3,
  image: { width: 200, height: 100 },
  categoryIds,
  firstId: 10,
  answerId: '42',
  contributor: '0xabc',
};

describe('cocoAnnotations', () => {
  it('turns normalized boxes into pixel [x, y, w, h] with their area', () => {
    expect(cocoAnnotations({ boxes: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.25, label: 'car' }] }, base)).toEqual([
      {
        id: 10,
        image_id: 3,
        category_id: 1,
        bbox: [20, 20, 100, 25],
        segmentation: [],
        area: 2500,
        iscrowd: 0,
        caravan: { answer_id: '42', contributor: '0xabc' },
      },
    ]);
  });

  it('gives polygons their pixel segmentation, bounding box and shoelace area', () => {
    const [a] = cocoAnnotations(
      {
        polygons: [
          {
            label: 'roof',
            points: [
              { x: 0, y: 0 },
              { x: 0.5, y: 0 },
              { x: 0.5, y: 0.5 },
              { x: 0, y: 0.5 },
            ],
          },
        ],
      },
      base,
    );
    expect(a).toMatchObject({
      category_id: 2,
      bbox: [0, 0, 100, 50],
      segmentation: [[0, 0, 100, 0, 100, 50, 0, 50]],
      area: 5000,
    });
    const [t] = cocoAnnotations(
      {
        polygons: [
          {
            label: 'roof',
            points: [
              { x: 0, y: 0 },
              { x: 1, y: 0 },
              { x: 0, y: 1 },
            ],
          },
        ],
      },
      base,
    );
    expect(t?.area).toBe(10_000);
  });

  it('refuses a label the project does not have', () => {
    expect(() => cocoAnnotations({ boxes: [{ x: 0, y: 0, w: 1, h: 1, label: 'boat' }] }, base)).toThrow(
      '"boat"',
    );
  });

  it('names an image after the last part of its address', () => {
    expect(
      cocoImage({
        id: 1,
        itemId: '9',
        externalId: 'e',
        url: 'https://x.org/a/b/cat.jpg?s=1',
        width: 2,
        height: 3,
      }),
    ).toEqual({
      id: 1,
      file_name: 'cat.jpg',
      width: 2,
      height: 3,
      coco_url: 'https://x.org/a/b/cat.jpg?s=1',
      caravan: { item_id: '9', external_id: 'e' },
    });
  });
});
