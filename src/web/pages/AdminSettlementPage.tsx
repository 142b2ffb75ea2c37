import { useState } from 'react';
import type { ChainInfo, EpochView } from '../../shared/chainApi.ts';
import { ChainOffNotice } from '../chain/ChainOffNotice.tsx';
import { isChainOff, loadChain } from '../chain/chainLoad.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatDateTime, formatToken, shortAddress, TOKEN_SYMBOL } from '../lib/format.ts';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';

/** The platform token by its symbol, a partner token by its role, anything else by its address. */
function tokenName(address: string, chain: ChainInfo | undefined): string {
  const a = address.toLowerCase();
  if (chain && a === chain.contracts.token.toLowerCase()) return TOKEN_SYMBOL;
  if (chain?.contracts.partnerToken && a === chain.contracts.partnerToken.toLowerCase()) return 'partner';
  return shortAddress(address);
}

function EpochRow({ epoch, chain }: { epoch: EpochView; chain: ChainInfo | undefined }) {
  const totals = Object.entries(epoch.totals);
  return (
    <tr data-epoch={epoch.epoch}>
      <td className="num mono">#{epoch.epoch}</td>
      <td>
        <span className={`status epoch-${epoch.status}`}>{epoch.status}</span>
      </td>
      <td className="num">{epoch.leafCount.toLocaleString()}</td>
      <td>
        {totals.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          totals.map(([token, wei]) => (
            <div key={token} className="nowrap" title={token}>
              {formatToken(wei, tokenName(token, chain))}
            </div>
          ))
        )}
      </td>
      <td className="muted nowrap">{formatDateTime(epoch.createdAt)}</td>
      <td className="muted nowrap">
        {epoch.acceptedAt
          ? formatDateTime(epoch.acceptedAt)
          : epoch.acceptableAt
            ? `acceptable ${formatDateTime(epoch.acceptableAt)}`
            : '—'}
      </td>
    </tr>
  );
}

/** Admins watch settlement epochs and can run a round or relay every pending claim now. */
export function AdminSettlementPage() {
  const { me } = useSession();
  const loaded = useAsync(() => loadChain(() => apiClient.settlement()), []);
  const chain = useAsync(() => apiClient.chainInfo(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  if (me && !me.isAdmin)
    return (
      <div className="page">
        <Alert title="Administrators only">Settlement is run by the platform’s administrators.</Alert>
      </div>
    );

  async function act(name: string, work: () => Promise<string>) {
    setBusy(name);
    setMessage(null);
    try {
      setMessage({ tone: 'success', text: await work() });
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  }

  const data = loaded.data;
  const epochs = data && !isChainOff(data) ? data.epochs : [];

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Settlement</h1>
          <p className="muted">
            Each round accrues approved rewards past the hold period, opens an epoch, releases them from the
            project escrows, proposes the epoch’s Merkle root and accepts it after the challenge window.
          </p>
        </div>
        <div className="row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null || isChainOff(data)}
            onClick={() =>
              void act('run', async () => {
                const r = await apiClient.runSettlement();
                loaded.reload();
                return `${r.step ?? 'done'}${r.detail ? `: ${r.detail}` : ''}`;
              })
            }
          >
            {busy === 'run' ? 'Running…' : 'Run settlement now'}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy !== null || isChainOff(data)}
            onClick={() =>
              void act('relay', async () => {
                const r = await apiClient.relayAll();
                loaded.reload();
                return `Relayed ${r.claims} claim${r.claims === 1 ? '' : 's'} in ${r.txs.length} transaction${r.txs.length === 1 ? '' : 's'}.`;
              })
            }
          >
            {busy === 'relay' ? 'Relaying…' : 'Relay all claims'}
          </button>
        </div>
      </header>
      {message && (
        <Alert tone={message.tone} title={message.tone === 'error' ? 'That did not go through' : 'Done'}>
          {message.text}
        </Alert>
      )}
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
      {loaded.loading && !data ? (
        <Loading />
      ) : isChainOff(data) ? (
        <ChainOffNotice message={data.chainOff} />
      ) : epochs.length === 0 ? (
        !loaded.error && (
          <EmptyState icon="box" title="No epochs yet">
            <p>The first round that finds approved rewards past the hold period opens epoch 1.</p>
          </EmptyState>
        )
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th className="num">Epoch</th>
                <th>Status</th>
                <th className="num">Leaves</th>
                <th>Totals</th>
                <th>Created</th>
                <th>Accepted</th>
              </tr>
            </thead>
            <tbody>
              {epochs.map((e) => (
                <EpochRow key={e.epoch} epoch={e} chain={chain.data} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
