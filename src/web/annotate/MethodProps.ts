import type { Annotation, AnswerFor, ItemData, Method, Modality } from '../../shared/methods.ts';

/** The configuration of one annotation method. */
export type ConfigOf<M extends Method> = Extract<Annotation, { method: M }>['config'];

/** What every method component receives from the workspace. */
export type MethodProps<M extends Method> = {
  config: ConfigOf<M>;
  data: ItemData;
  modality: Modality;
  /** False while a dialog is open or an answer is being sent: shortcuts are ignored. */
  active: boolean;
  submitting: boolean;
  /** Hands the answer to the workspace, which validates and sends it. */
  onSubmit: (answer: AnswerFor<M>) => void;
  /** Shows a short hint in the workspace's message slot (e.g. "pick a choice first"). */
  onHint: (message: string) => void;
  /** An answer to start from instead of a blank one (a reviewer fixing an answer). */
  initial?: AnswerFor<M> | undefined;
};

/** Distinct, readable colors for labels, by position. */
export const LABEL_COLORS = [
  '#2f7de1',
  '#d9480f',
  '#2b8a3e',
  '#ae3ec9',
  '#e67700',
  '#0c8599',
  '#c2255c',
  '#5f3dc4',
  '#5c940d',
  '#495057',
] as const;

/** The color of the label at `index`. */
export function labelColor(index: number): string {
  return LABEL_COLORS[((index % LABEL_COLORS.length) + LABEL_COLORS.length) % LABEL_COLORS.length]!;
}
