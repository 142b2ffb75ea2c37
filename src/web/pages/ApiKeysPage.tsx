import { type FormEvent, useState } from 'react';
import type { Me } from '../../shared/api.ts';
import { CopyButton } from '../chain/CopyButton.tsx';
import { Alert } from '../components/Alert.tsx';
import { CreateOrgForm } from '../components/CreateOrgForm.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Field } from '../components/Field.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { fieldIssues, issuesAt } from '../lib/fieldIssues.ts';
import { formatDate, formatDateTime, formatRelative } from '../lib/format.ts';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';

type Org = Me['orgs'][number];
type ApiKey = Awaited<ReturnType<typeof apiClient.listApiKeys>>['keys'][number];
type CreatedKey = Awaited<ReturnType<typeof apiClient.createApiKey>>;

/** How a key is recognised without its secret: `cvn_<prefix>_…`. */
const keyLabel = (k: ApiKey) => `cvn_${k.prefix}_…`;

/** One organization's keys: the live ones with Revoke, the one just created with its secret, and a create form. */
function OrgKeys({ org }: { org: Org }) {
  const keys = useAsync(() => apiClient.listApiKeys(org.id), [org.id]);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  // The API lists live keys only; the ones revoked here stay in the table, marked, until the page is left.
  const [revoked, setRevoked] = useState<ApiKey[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nameIssues, setNameIssues] = useState<string[]>([]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy('create');
    setError(null);
    setNameIssues([]);
    try {
      const key = await apiClient.createApiKey(org.id, name.trim());
      setCreated(key);
      setName('');
      keys.reload();
    } catch (e) {
      const issues = issuesAt(fieldIssues(e), 'name');
      if (issues.length) setNameIssues(issues);
      else setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function revoke(key: ApiKey) {
    if (
      !window.confirm(
        `Revoke “${key.name}” (${keyLabel(key)})? Scripts, the CLI and gateway calls using it are refused from now on. This cannot be undone.`,
      )
    )
      return;
    setBusy(key.id);
    setError(null);
    try {
      await apiClient.revokeApiKey(org.id, key.id);
      setRevoked((list) => [...list, key]);
      if (created?.id === key.id) setCreated(null);
      keys.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const live = keys.data?.keys ?? [];
  const rows = [
    ...live.map((k) => ({ key: k, revoked: false })),
    ...revoked.filter((r) => !live.some((k) => k.id === r.id)).map((k) => ({ key: k, revoked: true })),
  ].sort((a, b) => b.key.createdAt.localeCompare(a.key.createdAt));

  return (
    <section className="card panel" aria-label={`${org.name} API keys`}>
      <div className="panel-head">
        <h2>{org.name}</h2>
        <span className="badge badge-quiet">{org.role}</span>
      </div>
      {error && <Alert>{error}</Alert>}
      {created && (
        <Alert
          tone="success"
          title={`Your new key “${created.name}”`}
          action={<CopyButton text={created.key} />}
        >
          <p>
            Copy it now and keep it somewhere safe: <strong>it is shown only now</strong>. Caravan keeps only
            a hash of it.
          </p>
          <p>
            <code className="hash" data-testid="new-api-key">
              {created.key}
            </code>
          </p>
        </Alert>
      )}
      {keys.error && <Alert>{keys.error}</Alert>}
      <div className="stack">
        {keys.loading && !keys.data ? (
          <Loading />
        ) : rows.length === 0 ? (
          keys.data && <p className="muted">No keys yet: create the first one below.</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="api-keys">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Key</th>
                  <th>Created</th>
                  <th>Last used</th>
                  <th>Status</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rows.map(({ key, revoked: isRevoked }) => (
                  <tr key={key.id}>
                    <td>{key.name}</td>
                    <td>
                      <code>{keyLabel(key)}</code>
                    </td>
                    <td className="nowrap" title={formatDateTime(key.createdAt)}>
                      {formatDate(key.createdAt)}
                    </td>
                    <td className="nowrap">
                      {key.lastUsedAt ? (
                        <span title={formatDateTime(key.lastUsedAt)}>{formatRelative(key.lastUsedAt)}</span>
                      ) : (
                        <span className="muted">never</span>
                      )}
                    </td>
                    <td>
                      {isRevoked ? (
                        <span className="badge badge-danger">revoked</span>
                      ) : (
                        <span className="badge badge-success">live</span>
                      )}
                    </td>
                    <td className="num">
                      {!isRevoked && (
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          aria-label={`Revoke ${key.name}`}
                          disabled={busy !== null}
                          onClick={() => void revoke(key)}
                        >
                          {busy === key.id ? 'Revoking…' : 'Revoke'}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form onSubmit={create} aria-label={`Create a key for ${org.name}`}>
          <fieldset className="settings-group">
            <legend>Create a key</legend>
            <Field
              label="Key name"
              issues={nameIssues}
              hint={
                <>
                  What it is for, e.g. “CLI on my laptop”. A key acts for {org.name}: set it as{' '}
                  <code>CARAVAN_API_KEY</code> for the <code>caravan</code> CLI, or send it as{' '}
                  <code>Authorization: Bearer …</code> to call a model through the metered gateway.
                </>
              }
            >
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="CLI on my laptop"
                maxLength={100}
                autoComplete="off"
                required
              />
            </Field>
            <button type="submit" className="btn btn-primary" disabled={busy !== null || !name.trim()}>
              {busy === 'create' ? 'Creating…' : 'Create key'}
            </button>
          </fieldset>
        </form>
      </div>
    </section>
  );
}

/** Settings → API keys: each of the person's organizations with its keys, like Hugging Face's access tokens. */
export function ApiKeysPage() {
  const { me } = useSession();
  const orgs = me?.orgs ?? [];
  return (
    <div className="page narrow-page">
      <header className="page-header">
        <div>
          <h1>API keys</h1>
          <p className="muted">
            Keys let scripts act for your organization without a wallet: the <code>caravan</code> CLI, and
            licensed calls to models through the metered gateway. Treat each one like a password, and revoke
            it when it is no longer needed or may have leaked.
          </p>
        </div>
      </header>
      {orgs.length === 0 ? (
        <section className="card" aria-label="No organization">
          <EmptyState icon="lock" title="Create an organization first">
            <p>API keys belong to an organization. Start one for your team; you will be its owner.</p>
            <CreateOrgForm />
          </EmptyState>
        </section>
      ) : (
        <div className="stack">
          {orgs.map((org) => (
            <OrgKeys key={org.id} org={org} />
          ))}
        </div>
      )}
    </div>
  );
}
