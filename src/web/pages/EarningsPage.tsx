import { useEffect, useState } from 'react';
import { ChainOffNotice } from '../chain/ChainOffNotice.tsx';
import { isChainOff, loadChain } from '../chain/chainLoad.ts';
import { EpochFlow } from '../chain/EpochFlow.tsx';
import { RewardsTokenCard } from '../chain/RewardsTokenCard.tsx';
import { SendStatus } from '../chain/SendStatus.tsx';
import { StakePanel } from '../chain/StakePanel.tsx';
import { useWalletSend } from '../chain/useWalletSend.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { TOKEN_SYMBOL } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';

const POLL_MS = 5000;

/** A contributor's rewards on chain, from approval to claim, with stake and tier badges. */
export function EarningsPage() {
  const [refreshKey, setRefreshKey] = useState(0);
  const loaded = useAsync(() => loadChain(() => apiClient.rewards()), [refreshKey]);
  const send = useWalletSend();
  const data = loaded.data;
  const rewards = data && !isChainOff(data) ? data : null;
  const epochOpen = rewards?.openEpoch != null;
  const { reload } = loaded;

  // An open epoch moves on by itself (proposed, then accepted): follow it until it closes.
  useEffect(() => {
    if (!epochOpen) return;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [epochOpen, reload]);

  const refresh = () => setRefreshKey((k) => k + 1);

  if (loaded.loading && !data) return <Loading />;

  const header = (
    <header className="page-header">
      <div>
        <h1>Earnings</h1>
        <p className="muted">
          Rewards for approved work are settled on chain in epochs; once an epoch’s root is accepted you claim
          them to your wallet.
        </p>
      </div>
      {epochOpen && (
        <span className="live" title="Refreshing every 5 seconds while an epoch is open">
          <span className="live-dot" aria-hidden /> epoch #{rewards?.openEpoch?.epoch} open
        </span>
      )}
    </header>
  );

  if (isChainOff(data))
    return (
      <div className="page">
        {header}
        <ChainOffNotice message={data.chainOff} />
      </div>
    );
  if (!rewards)
    return (
      <div className="page">
        {header}
        <Alert
          title="Could not read your earnings"
          action={
            <button type="button" className="btn" onClick={reload}>
              Retry
            </button>
          }
        >
          {loaded.error}
        </Alert>
      </div>
    );

  const earned = rewards.tokens.some(
    (t) => BigInt(t.accruingWei) + BigInt(t.inEpochWei) + BigInt(t.claimableWei) + BigInt(t.claimedWei) > 0n,
  );
  const claimable = rewards.tokens.some((t) => BigInt(t.claimableWei) > 0n);
  const platform = rewards.tokens.find((t) => t.role === 'platform');
  const busy = send.busy !== null;

  return (
    <div className="page">
      {header}
      {loaded.error && <Alert tone="warning">Could not refresh: {loaded.error}</Alert>}
      <div className="project-grid">
        <div className="stack">
          {earned ? (
            rewards.tokens.map((t) => <RewardsTokenCard key={t.token} token={t} />)
          ) : (
            <EmptyState icon="inbox" title="Nothing earned yet">
              <p>
                Approved answers earn the project’s reward per item. It accrues here, is settled in the next
                epoch and then becomes yours to claim.
              </p>
              <Link to="/tasks" className="btn btn-primary">
                Find a task
              </Link>
            </EmptyState>
          )}
          <section className="card panel" aria-label="Claim">
            <h2>Claim</h2>
            <p className="muted small">
              {claimable
                ? 'Your claimable rewards go to your address either way. The relayer pays the gas for you.'
                : 'Nothing is claimable yet: rewards become claimable when their epoch’s root is accepted.'}
            </p>
            <div className="row">
              <button
                type="button"
                className="btn btn-primary"
                disabled={!claimable || busy}
                onClick={() => void send.run('Claimed', () => apiClient.claimCalls(), refresh)}
              >
                Claim with my wallet
              </button>
              <button
                type="button"
                className="btn"
                disabled={!claimable || busy}
                onClick={() =>
                  void send.runServer(
                    'Claiming via the relayer',
                    async () => {
                      const r = await apiClient.relayClaim();
                      return `The relayer claimed ${r.claims} reward${r.claims === 1 ? '' : 's'} for you in ${r.txs.length} transaction${r.txs.length === 1 ? '' : 's'}.`;
                    },
                    refresh,
                  )
                }
              >
                Claim via relayer (free)
              </button>
            </div>
            <SendStatus send={send} />
          </section>
        </div>
        <div className="stack">
          <EpochFlow rewards={rewards} />
          <StakePanel
            symbol={platform?.symbol ?? TOKEN_SYMBOL}
            decimals={platform?.decimals ?? 18}
            refreshKey={refreshKey}
            onChanged={refresh}
          />
        </div>
      </div>
    </div>
  );
}
