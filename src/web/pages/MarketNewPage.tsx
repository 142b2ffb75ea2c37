import { useState } from 'react';
import { MODALITIES, type Modality } from '../../shared/methods.ts';
import { SendStatus } from '../chain/SendStatus.tsx';
import { useWalletSend } from '../chain/useWalletSend.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { Link, navigate } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { type ChosenParents, ParentsPicker, parentsOf } from '../market/ParentsPicker.tsx';
import { DEFAULT_TERMS, readTerms, TermsFields } from '../market/TermsFields.tsx';

/** A simple form to register your organization's model or agent: name, description, terms and parents. */
export function MarketNewPage() {
  const chain = useAsync(() => apiClient.chainInfo(), []);
  const send = useWalletSend();
  const [kind, setKind] = useState<'model' | 'agent'>('model');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [modality, setModality] = useState<Modality>('text');
  const [tags, setTags] = useState('');
  const [contentHash, setContentHash] = useState('');
  const [terms, setTerms] = useState(DEFAULT_TERMS);
  const [chosen, setChosen] = useState<ChosenParents>({});
  const [issue, setIssue] = useState<string | null>(null);

  function submit() {
    const currency = chain.data?.contracts.token;
    if (!currency) return;
    const read = readTerms(terms, currency);
    if ('issue' in read) return setIssue(read.issue);
    setIssue(null);
    let id = '';
    void send.run(
      'Register',
      async () => {
        const r = await apiClient.registerAsset({
          kind,
          name,
          description,
          modality,
          tags: tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
          contentHash: contentHash.trim(),
          terms: read.terms,
          parents: parentsOf(chosen),
        });
        id = r.asset.id;
        return r;
      },
      () => navigate(`/assets/${id}`),
    );
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Register a model or agent</h1>
          <p className="muted">
            Your wallet registers it on chain and becomes its owner; it joins the marketplace once the
            registration is mined. Community datasets are registered from their dataset’s page.
          </p>
        </div>
        <Link to="/market" className="btn">
          Marketplace
        </Link>
      </header>
      <form
        className="card panel stack"
        aria-label="Register an asset"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid-3">
          <Field label="Type" issues={[]}>
            <select value={kind} onChange={(e) => setKind(e.target.value as 'model' | 'agent')}>
              <option value="model">Model</option>
              <option value="agent">Agent</option>
            </select>
          </Field>
          <Field label="Modality" issues={[]}>
            <select value={modality} onChange={(e) => setModality(e.target.value as Modality)}>
              {MODALITIES.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </Field>
          <Field label="Tags" issues={[]} hint="comma-separated">
            <input value={tags} onChange={(e) => setTags(e.target.value)} />
          </Field>
        </div>
        <Field label="Name" issues={[]}>
          <input value={name} onChange={(e) => setName(e.target.value)} required minLength={3} />
        </Field>
        <Field label="Description" issues={[]}>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
        </Field>
        <Field
          label="Content hash"
          issues={[]}
          hint="0x and 64 hex digits: the hash of its weights or archive"
        >
          <input
            className="mono"
            value={contentHash}
            onChange={(e) => setContentHash(e.target.value)}
            required
          />
        </Field>
        <TermsFields value={terms} onChange={setTerms} symbol="CRV" disabled={send.busy !== null} />
        <ParentsPicker value={chosen} onChange={setChosen} disabled={send.busy !== null} />
        {issue && <Alert>{issue}</Alert>}
        <SendStatus send={send} />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={send.busy !== null || !chain.data}>
            Register with my wallet
          </button>
        </div>
      </form>
    </div>
  );
}
