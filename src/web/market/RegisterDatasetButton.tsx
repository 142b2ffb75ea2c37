import { useState } from 'react';
import type { Dataset } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { Link } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { type ChosenParents, ParentsPicker, parentsOf } from './ParentsPicker.tsx';
import { DEFAULT_TERMS, readTerms, TermsFields } from './TermsFields.tsx';

/**
 * "Register on the marketplace" for a published dataset's requester (nothing once it is registered): license terms
 * and the assets it came from, then the platform registers the dataset on chain and commits its co-owners' shares.
 */
export function RegisterDatasetButton({
  dataset,
  onRegistered,
}: {
  dataset: Dataset;
  onRegistered: () => void;
}) {
  const chain = useAsync(() => apiClient.chainInfo(), []);
  // Only the project's requesters (and admins) can open it, and only they may register its dataset.
  const manages = useAsync(
    () =>
      apiClient.getProject(dataset.projectId).then(
        () => true,
        () => false,
      ),
    [dataset.projectId],
  );
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ ...DEFAULT_TERMS, parentSharePercent: '0' });
  const [parents, setParents] = useState<ChosenParents>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [assetId, setAssetId] = useState<string | null>(null);
  if (assetId)
    return (
      <Alert tone="success">
        On the marketplace: <Link to={`/assets/${assetId}`}>open its page</Link>.
      </Alert>
    );
  if (!manages.data || (dataset.assetId && !assetId)) return null;
  if (!open)
    return (
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        Register on the marketplace
      </button>
    );
  const currency = chain.data?.contracts.token;
  async function submit() {
    if (!currency) return;
    const read = readTerms(draft, currency);
    if ('issue' in read) return setError(read.issue);
    setBusy(true);
    setError(null);
    try {
      const r = await apiClient.registerDataset(dataset.id, {
        terms: read.terms,
        parents: parentsOf(parents),
      });
      setAssetId(r.asset.id);
      onRegistered();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="card panel stack"
      aria-label="Register on the marketplace"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>Register on the marketplace</h2>
      <p className="muted small">
        The platform registers “{dataset.name}” on chain and commits its co-owners’ shares once: every license
        sold pays them by their shares.
      </p>
      <TermsFields value={draft} onChange={setDraft} symbol="CRV" disabled={busy} />
      <ParentsPicker value={parents} onChange={setParents} defaultRelation="derived_from" disabled={busy} />
      {error && <Alert>{error}</Alert>}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy || !currency}>
          {busy ? 'Registering…' : 'Register'}
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
