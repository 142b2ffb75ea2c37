import { type FormEvent, useState } from 'react';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { useSession } from '../lib/SessionProvider.tsx';
import { Alert } from './Alert.tsx';

/** Starts an organization for the signed-in person (projects and API keys belong to one), then refreshes the session. */
export function CreateOrgForm() {
  const { refresh } = useSession();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiClient.createOrg(name.trim());
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error && <Alert>{error}</Alert>}
      <form className="inline-form" onSubmit={submit} aria-label="Create an organization">
        <label className="field grow">
          <span>Organization name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Acme AI"
            minLength={2}
            maxLength={100}
            required
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy || name.trim().length < 2}>
          {busy ? 'Creating…' : 'Create organization'}
        </button>
      </form>
    </>
  );
}
