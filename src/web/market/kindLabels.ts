import type { AssetKind, AssetRelation } from '../../shared/api.ts';

export const KIND_LABELS: Record<AssetKind, string> = { dataset: 'Dataset', model: 'Model', agent: 'Agent' };
export const RELATION_LABELS: Record<AssetRelation, string> = {
  derived_from: 'derived from',
  trained_on: 'trained on',
  fine_tuned_from: 'fine-tuned from',
};
