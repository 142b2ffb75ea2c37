import type { CategoricalResult } from './categoricalResult.ts';
import { dawidSkene } from './dawidSkene.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { glad } from './glad.ts';
import { mace } from './mace.ts';
import { majorityVote } from './majorityVote.ts';
import { oneCoinDawidSkene } from './oneCoinDawidSkene.ts';
import { weightedMajorityVote } from './weightedMajorityVote.ts';

/** The categorical aggregation methods by their short names (as `caravan aggregate --method` takes them). */
export const CATEGORICAL_METHODS = {
  mv: { label: 'majority vote', run: majorityVote },
  wawa: { label: 'weighted majority vote (Wawa)', run: weightedMajorityVote },
  ds: { label: 'Dawid-Skene', run: (a: CategoricalAnswers) => dawidSkene(a) },
  onecoin: { label: 'one-coin Dawid-Skene', run: (a: CategoricalAnswers) => oneCoinDawidSkene(a) },
  glad: { label: 'GLAD', run: (a: CategoricalAnswers) => glad(a) },
  mace: { label: 'MACE', run: (a: CategoricalAnswers) => mace(a) },
} satisfies Record<string, { label: string; run: (a: CategoricalAnswers) => CategoricalResult }>;

export type CategoricalMethod = keyof typeof CATEGORICAL_METHODS;
