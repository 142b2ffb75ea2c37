import { useState } from 'react';
import type { LedgerCheck } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';

/** Download links for the answers, and a check of the project's hash-chained ledger. */
export function ExportPanel({ projectId }: { projectId: string }) {
  const [check, setCheck] = useState<LedgerCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setCheck(await apiClient.verifyLedger(projectId));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card panel">
      <h2>Export and provenance</h2>
      <p className="muted small">Every answer with its item, contributor and ledger entry.</p>
      <div className="row">
        <a className="btn" href={apiClient.exportUrl(projectId, 'jsonl')} download>
          Download JSONL
        </a>
        <a className="btn" href={apiClient.exportUrl(projectId, 'csv')} download>
          Download CSV
        </a>
        <button type="button" className="btn" onClick={() => void verify()} disabled={busy}>
          {busy ? 'Verifying…' : 'Verify ledger'}
        </button>
      </div>
      {error && <Alert>{error}</Alert>}
      {check &&
        (check.ok ? (
          <Alert tone="success" title="The ledger is intact">
            {check.entries.toLocaleString()} entr{check.entries === 1 ? 'y' : 'ies'} chain correctly
            {check.head && (
              <>
                ; head <code className="hash">{check.head}</code>
              </>
            )}
            .
          </Alert>
        ) : (
          <Alert title="The ledger does not verify">
            {check.problem
              ? `Entry #${check.problem.seq}: ${check.problem.reason}`
              : 'The server reported a problem without details.'}
          </Alert>
        ))}
    </section>
  );
}
