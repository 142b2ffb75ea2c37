import { ASSET_RELATIONS, type AssetRelation, MAX_PARENTS } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { useAsync } from '../lib/useAsync.ts';
import { RELATION_LABELS } from './kindLabels.ts';

/** The parents picked so far: how the new asset came from each, by parent asset id. */
export type ChosenParents = Record<string, AssetRelation>;

/** The registration body's `parents` from the picker's choice. */
export function parentsOf(chosen: ChosenParents): { assetId: string; relation: AssetRelation }[] {
  return Object.entries(chosen).map(([assetId, relation]) => ({ assetId, relation }));
}

/**
 * The lineage part of a registration form: the marketplace's registered assets to tick as parents, each with how
 * the new one came from it. Shared by the model/agent and the community dataset forms so both name parents alike.
 */
export function ParentsPicker({
  value,
  onChange,
  defaultRelation = 'trained_on',
  disabled,
}: {
  value: ChosenParents;
  onChange: (v: ChosenParents) => void;
  /** The relation a newly ticked parent starts with; a dataset is more often derived from one than trained on it. */
  defaultRelation?: AssetRelation;
  disabled?: boolean;
}) {
  const assets = useAsync(() => apiClient.assets({ limit: 100 }), []);
  const list = assets.data?.assets ?? [];
  const full = Object.keys(value).length >= MAX_PARENTS;
  return (
    <fieldset className="stack" disabled={disabled}>
      <legend>Parents (what it came from)</legend>
      {list.length > 0 && (
        <p className="muted small">
          Tick up to {MAX_PARENTS}. Every license sold sends its “Share to parents” to them in equal parts;
          with none ticked, nothing is sent.
        </p>
      )}
      {assets.error && <Alert>{assets.error}</Alert>}
      {assets.data && list.length === 0 && <p className="muted">Nothing registered to derive from.</p>}
      {list.map((a) => (
        <div key={a.id} className="row">
          <label className="row">
            <input
              type="checkbox"
              checked={a.id in value}
              disabled={full && !(a.id in value)}
              onChange={(e) => {
                const next = { ...value };
                if (e.target.checked) next[a.id] = defaultRelation;
                else delete next[a.id];
                onChange(next);
              }}
            />
            {a.name}
          </label>
          {a.id in value && (
            <select
              aria-label={`How it came from ${a.name}`}
              value={value[a.id]}
              onChange={(e) => onChange({ ...value, [a.id]: e.target.value as AssetRelation })}
            >
              {ASSET_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {RELATION_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </div>
      ))}
    </fieldset>
  );
}
