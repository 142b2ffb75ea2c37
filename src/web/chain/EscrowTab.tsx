import { useState } from 'react';
import type { Project } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatToken } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { ChainOffNotice } from './ChainOffNotice.tsx';
import { isChainOff, loadChain } from './chainLoad.ts';
import { type EscrowToken, EscrowTokenCard } from './EscrowTokenCard.tsx';
import { FundForm, type FundPreset } from './FundForm.tsx';
import { SendStatus } from './SendStatus.tsx';
import { useWalletSend } from './useWalletSend.ts';

/** A project's escrow on chain: what the requester put in, what the work so far takes, funding and refunds. */
export function EscrowTab({ project }: { project: Project }) {
  const loaded = useAsync(() => loadChain(() => apiClient.escrow(project.id)), [project.id]);
  const send = useWalletSend();
  const [preset, setPreset] = useState<FundPreset | null>(null);
  const data = loaded.data;

  if (loaded.loading && !data) return <Loading />;
  if (isChainOff(data)) return <ChainOffNotice message={data.chainOff} />;
  if (!data)
    return (
      <Alert
        title="Could not read the escrow"
        action={
          <button type="button" className="btn" onClick={loaded.reload}>
            Retry
          </button>
        }
      >
        {loaded.error}
      </Alert>
    );

  const funded = data.tokens.some((t) => BigInt(t.fundedWei) > 0n);
  const busy = send.busy !== null;

  function fund(token: EscrowToken, amountWei: bigint) {
    void send.run(
      `Funded ${formatToken(amountWei, token.symbol, token.decimals)}`,
      () =>
        apiClient.fundCalls(
          project.id,
          amountWei.toString(),
          token.role === 'partner' ? token.token : undefined,
        ),
      loaded.reload,
    );
  }

  function refund(token: EscrowToken) {
    if (!window.confirm(`Refund what is left of the ${token.symbol} escrow? Work paid in it stops.`)) return;
    void send.run(
      `Refunded ${token.symbol}`,
      () => apiClient.refundCalls(project.id, token.role === 'partner' ? token.token : undefined),
      loaded.reload,
    );
  }

  const form = (
    <section className="card panel" aria-label="Fund">
      <h2>Fund this project</h2>
      <p className="muted small">
        Your wallet sends two transactions: one lets the escrow take the tokens, the next moves them in. Enter
        the amount in tokens, like 250 or 12.5.
      </p>
      <FundForm tokens={data.tokens} busy={busy} preset={preset} onFund={fund} />
      <SendStatus send={send} />
    </section>
  );

  return (
    <div className="stack escrow-tab">
      {loaded.error && <Alert tone="warning">Could not refresh: {loaded.error}</Alert>}
      {!funded ? (
        <EmptyState icon="lock" title="Not funded yet">
          <p>
            Rewards are paid from an escrow contract on chain. You put in tokens; the platform releases them
            to contributors only for approved work, and what is left comes back to you after the deadline.
            Contributors get items only while the escrow covers their reward.
          </p>
          <ul className="plain">
            {data.tokens.map((t) => (
              <li key={t.token}>
                Every item at its overlap costs{' '}
                <strong>{formatToken(t.fullCostWei, t.symbol, t.decimals)}</strong> (
                {formatToken(t.rewardPerItemWei, t.symbol, t.decimals)} per answer).
              </li>
            ))}
          </ul>
          <p className="mono small hash">Escrow contract {data.escrow}</p>
        </EmptyState>
      ) : (
        <div className="grid">
          {data.tokens.map((t) => (
            <EscrowTokenCard
              key={t.token}
              token={t}
              onFundRest={(wei) => setPreset({ token: t.token, wei, at: Date.now() })}
              refund={{ busy, onRefund: () => refund(t) }}
            />
          ))}
        </div>
      )}
      {form}
    </div>
  );
}
