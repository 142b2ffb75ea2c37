import { useEffect, useState } from 'react';
import type { SybilFlagEntry } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatDateTime, shortAddress } from '../lib/format.ts';
import { FLAG_LABELS } from '../lib/qualityNames.ts';
import { Link, useLocation } from '../lib/router.tsx';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';

const FILTERS = [
  { id: 'open', label: 'Open' },
  { id: 'confirmed', label: 'Confirmed' },
  { id: 'cleared', label: 'Cleared' },
  { id: 'all', label: 'All' },
] as const;
type Filter = (typeof FILTERS)[number]['id'];
type Ruling = 'confirmed' | 'cleared';

const EMPTY: Record<Filter, string> = {
  open: 'No open flags',
  confirmed: 'No confirmed flags',
  cleared: 'No cleared flags',
  all: 'No flags yet',
};

function Contributor({ address, name }: { address: string; name?: string | null }) {
  return (
    <Link to={`/u/${address}`} className={name ? undefined : 'mono'} title={address}>
      {name ?? shortAddress(address)}
    </Link>
  );
}

/** One flag: what was detected and on what evidence, with the admin's ruling. */
function FlagCard({
  flag,
  busy,
  error,
  onRule,
}: {
  flag: SybilFlagEntry;
  busy: boolean;
  error: string | undefined;
  onRule: (status: Ruling) => void;
}) {
  return (
    <li className={`card flag flag-${flag.status}`} data-testid="flag">
      <div className="flag-head">
        <span className="badge badge-flag">{FLAG_LABELS[flag.kind]}</span>
        <span className="muted small" title="How sure the detector is">
          score {flag.score.toFixed(2)}
        </span>
        <span className={`status flag-status-${flag.status}`}>{flag.status}</span>
        <span className="muted small grow align-right">{formatDateTime(flag.createdAt)}</span>
      </div>
      <p className="flag-evidence">{flag.evidence}</p>
      <dl className="facts flag-facts">
        <div>
          <dt>Contributor</dt>
          <dd>
            <Contributor address={flag.user.address} name={flag.user.displayName} />
          </dd>
        </div>
        <div>
          <dt>Project</dt>
          <dd>{flag.project.name}</dd>
        </div>
        <div>
          <dt>Answers</dt>
          <dd>
            {flag.answers.toLocaleString()} · {flag.rejectedAsSpam.toLocaleString()} rejected as spam
          </dd>
        </div>
        {flag.peers.length > 0 && (
          <div>
            <dt>Answers alike with</dt>
            <dd className="peers">
              {flag.peers.map((p) => (
                <Contributor key={p.id} address={p.address} />
              ))}
            </dd>
          </div>
        )}
      </dl>
      {error && <Alert>{error}</Alert>}
      <div className="row end">
        {flag.status !== 'cleared' && (
          <button type="button" className="btn" disabled={busy} onClick={() => onRule('cleared')}>
            Clear
          </button>
        )}
        {flag.status !== 'confirmed' && (
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() => onRule('confirmed')}
          >
            Confirm spam
          </button>
        )}
      </div>
    </li>
  );
}

/** Admins review the contributors the quality pass flagged as spammers or colluders. */
export function AdminFlagsPage() {
  const { me } = useSession();
  const { search } = useLocation();
  const filter: Filter = FILTERS.find((f) => f.id === search.get('status'))?.id ?? 'open';
  const loaded = useAsync(() => apiClient.flags(filter), [filter]);
  const [flags, setFlags] = useState<SybilFlagEntry[]>([]);
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (loaded.data) setFlags(loaded.data.flags);
  }, [loaded.data]);

  async function rule(flag: SybilFlagEntry, status: Ruling) {
    // Shown at once; put back if the server says no.
    setFlags((list) => list.map((f) => (f.id === flag.id ? { ...f, status } : f)));
    setBusy((s) => new Set(s).add(flag.id));
    setErrors(({ [flag.id]: _, ...rest }) => rest);
    try {
      const ruled = await apiClient.resolveFlag(flag.id, status);
      setFlags((list) => list.map((f) => (f.id === flag.id ? ruled : f)));
    } catch (e) {
      setFlags((list) => list.map((f) => (f.id === flag.id ? flag : f)));
      setErrors((all) => ({
        ...all,
        [flag.id]: `Could not ${status === 'confirmed' ? 'confirm' : 'clear'}: ${errorMessage(e)}`,
      }));
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(flag.id);
        return next;
      });
    }
  }

  if (me && !me.isAdmin)
    return (
      <div className="page">
        <Alert title="Administrators only">Spam flags are reviewed by the platform’s administrators.</Alert>
      </div>
    );

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Spam flags</h1>
          <p className="muted">
            Contributors the quality pass suspects of random clicking, constant answers or copying each other.
            Confirming keeps their answers out of labels and pay; clearing sends them back to the quality
            pass.
          </p>
        </div>
      </header>
      <nav className="tabs" aria-label="Flag status">
        {FILTERS.map((f) => (
          <Link
            key={f.id}
            to={f.id === 'open' ? '/admin/flags' : `/admin/flags?status=${f.id}`}
            className={f.id === filter ? 'tab active' : 'tab'}
            aria-current={f.id === filter ? 'page' : undefined}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {loaded.error && (
        <Alert
          action={
            <button type="button" className="btn" onClick={loaded.reload}>
              Retry
            </button>
          }
        >
          {loaded.error}
        </Alert>
      )}
      {loaded.loading ? (
        <Loading />
      ) : flags.length === 0 && !loaded.error ? (
        <EmptyState icon="check" title={EMPTY[filter]}>
          <p>The quality pass flags contributors whose answers look random, constant or copied.</p>
        </EmptyState>
      ) : (
        <ul className="flags">
          {flags.map((f) => (
            <FlagCard
              key={f.id}
              flag={f}
              busy={busy.has(f.id)}
              error={errors[f.id]}
              onRule={(status) => void rule(f, status)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
