import { describe, expect, it } from 'vitest';
import { type AnnotationInput, annotationSchema, type Modality } from '../../shared/methods.ts';
import { labelStudioResult } from '../export/labelStudioResult.ts';
import { type ItemRules, parseItems } from './parseItems.ts';

const rules = (annotation: AnnotationInput, modality: Modality): ItemRules => ({
  annotation: annotationSchema.parse(annotation),
  modality,
});
const boxes = rules({ method: 'bbox', config: { labels: [{ value: 'car', label: 'Car' }] } }, 'image');
const IMAGE = `/blobs/${'ab'.repeat(32)}`;

describe('parseItems: Label Studio ground truth', () => {
  it('takes an annotation marked ground_truth as the gold answer, exactly as exported', () => {
    const answer = { boxes: [{ x: 0.12345678901234568, y: 0.29, w: 0.3, h: 0.4, label: 'car' }] };
    const result = labelStudioResult('bbox', answer, { toName: 'image', idPrefix: '1' });
    const text = JSON.stringify([
      { id: 1, data: { image: IMAGE }, annotations: [{ id: 5, result, ground_truth: true }] },
      { id: 2, data: { image: IMAGE }, annotations: [{ id: 6, result, ground_truth: false }] },
    ]);
    const [first, second] = parseItems(text, 'labelstudio', boxes);
    expect(first?.gold).toEqual(answer);
    expect(second?.gold).toBeNull();
  });

  it('refuses a ground-truth annotation it cannot read, or one the project would refuse, naming the task', () => {
    const wrongType = JSON.stringify([
      {
        data: { image: IMAGE },
        annotations: [{ ground_truth: true, result: [{ type: 'choices', value: { choices: ['a'] } }] }],
      },
    ]);
    expect(() => parseItems(wrongType, 'labelstudio', boxes)).toThrow(
      'task 1: the ground-truth annotation cannot be read: a bbox answer has rectanglelabels regions, not choices',
    );
    const result = labelStudioResult(
      'bbox',
      { boxes: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.2, label: 'boat' }] },
      { toName: 'image', idPrefix: '1' },
    );
    const badLabel = JSON.stringify([
      { data: { image: IMAGE }, annotations: [{ ground_truth: true, result }] },
    ]);
    expect(() => parseItems(badLabel, 'labelstudio', boxes)).toThrow(
      /task 1: "gold" is not a valid answer: label must be one of: car/,
    );
  });
});
