import { type FormEvent, useState } from 'react';
import { ProofView } from '../chain/ProofView.tsx';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { Kbd } from '../components/Kbd.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { navigate } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';

/** Loads and shows one answer's proof. */
function AnswerProofSection({ answerId }: { answerId: string }) {
  const loaded = useAsync(() => apiClient.answerProof(answerId), [answerId]);
  if (loaded.loading && !loaded.data) return <Loading label="Checking the proof…" />;
  if (!loaded.data)
    return (
      <Alert
        title={`Could not check answer #${answerId}`}
        action={
          <button type="button" className="btn" onClick={loaded.reload}>
            Retry
          </button>
        }
      >
        {loaded.error}
      </Alert>
    );
  return (
    <>
      <div className="row end">
        <button type="button" className="btn btn-small" onClick={loaded.reload} disabled={loaded.loading}>
          {loaded.loading ? 'Checking…' : 'Check again'}
        </button>
      </div>
      <ProofView proof={loaded.data} />
    </>
  );
}

/** Anyone can check a contribution: its ledger entry, its Merkle proof, and the batch root anchored on chain. */
export function VerifyPage({ answerId }: { answerId?: string }) {
  const [text, setText] = useState(answerId ?? '');
  const [issue, setIssue] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = text.trim().replace(/^#/, '');
    if (!/^\d{1,18}$/.test(id)) {
      setIssue('Answer ids are whole numbers, like 42 (see your History page).');
      return;
    }
    setIssue(null);
    navigate(`/verify/${id}`);
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Verify a contribution</h1>
          <p className="muted">
            Every answer is an entry in its project’s hash-chained ledger. Entries are gathered into Merkle
            batches whose roots are anchored on chain, so anyone can check an answer was recorded and not
            changed since.
          </p>
        </div>
      </header>
      <form className="inline-form" onSubmit={submit} aria-label="Verify an answer">
        <Field label="Answer id" issues={issue ? [issue] : []}>
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="e.g. 42"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus={!answerId}
          />
        </Field>
        <button type="submit" className="btn btn-primary">
          Verify <Kbd>Enter</Kbd>
        </button>
      </form>
      {answerId && <AnswerProofSection key={answerId} answerId={answerId} />}
    </div>
  );
}
