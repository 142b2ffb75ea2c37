import { useState } from 'react';
import { Alert } from '../components/Alert.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';

type RunResult = { decided: number; judged: number; judgeErrors: number };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Runs the quality pass on demand and says what it decided; `onDone` reloads what it changed. */
export function RunQualityButton({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await apiClient.runQuality(projectId));
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="run-quality">
      <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy}>
        {busy ? 'Running…' : 'Run quality pass now'}
      </button>
      {error && <Alert title="The quality pass failed">{error}</Alert>}
      {result && (
        <Alert tone={result.judgeErrors > 0 ? 'warning' : 'success'}>
          <span data-testid="quality-run-result">
            {result.decided === 0
              ? 'Nothing new to decide right now; pending answers wait until their items have enough answers.'
              : `Decided ${plural(result.decided, 'answer')}.`}
            {result.judged > 0 && ` The model judge checked ${plural(result.judged, 'answer')}.`}
            {result.judgeErrors > 0 &&
              ` The judge could not answer for ${plural(result.judgeErrors, 'answer')}; they wait for review.`}
          </span>
        </Alert>
      )}
    </div>
  );
}
