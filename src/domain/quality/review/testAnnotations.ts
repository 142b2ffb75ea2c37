import { type Annotation, annotationSchema, type Method } from '../../../shared/methods.ts';

/** One parsed annotation per method, with the defaults a new project gets, for this folder's tests. */
export const testAnnotations = {
  single_choice: annotationSchema.parse({
    method: 'single_choice',
    config: {
      choices: [
        { value: 'cat', label: 'Cat' },
        { value: 'dog', label: 'Dog' },
        { value: 'bird', label: 'Bird' },
      ],
    },
  }),
  multi_choice: annotationSchema.parse({
    method: 'multi_choice',
    config: {
      choices: [
        { value: 'red', label: 'Red' },
        { value: 'green', label: 'Green' },
        { value: 'blue', label: 'Blue' },
        { value: 'gray', label: 'Gray' },
      ],
    },
  }),
  rating: annotationSchema.parse({ method: 'rating', config: {} }),
  pairwise: annotationSchema.parse({ method: 'pairwise', config: {} }),
  span: annotationSchema.parse({
    method: 'span',
    config: {
      labels: [
        { value: 'PER', label: 'Person' },
        { value: 'LOC', label: 'Place' },
      ],
    },
  }),
  bbox: annotationSchema.parse({
    method: 'bbox',
    config: {
      labels: [
        { value: 'car', label: 'Car' },
        { value: 'person', label: 'Person' },
      ],
    },
  }),
  polygon: annotationSchema.parse({
    method: 'polygon',
    config: {
      labels: [
        { value: 'car', label: 'Car' },
        { value: 'person', label: 'Person' },
      ],
    },
  }),
  transcription: annotationSchema.parse({ method: 'transcription', config: {} }),
  free_text: annotationSchema.parse({ method: 'free_text', config: {} }),
} satisfies Record<Method, Annotation>;
