import type { RewardsView } from '../../shared/chainApi.ts';
import { formatToken } from '../lib/format.ts';
import { TokenBar } from './TokenBar.tsx';

export type RewardToken = RewardsView['tokens'][number];

/** One token's earnings along the way to the wallet: accruing, in an epoch, claimable, claimed. */
export function RewardsTokenCard({ token }: { token: RewardToken }) {
  const parts = [
    {
      key: 'accruing',
      label: 'Accruing',
      wei: BigInt(token.accruingWei),
      tone: 'pending',
      hint: 'approved, in the hold period or waiting for the next epoch',
    },
    {
      key: 'in-epoch',
      label: 'In epoch',
      wei: BigInt(token.inEpochWei),
      tone: 'review',
      hint: 'root proposed on chain, not accepted yet',
    },
    {
      key: 'claimable',
      label: 'Claimable',
      wei: BigInt(token.claimableWei),
      tone: 'claimable',
      hint: 'ready to claim now',
    },
    {
      key: 'claimed',
      label: 'Claimed',
      wei: BigInt(token.claimedWei),
      tone: 'approved',
      hint: 'in your wallet',
    },
  ];
  return (
    <section className="card panel" aria-label={`Earnings in ${token.symbol}`} data-token={token.role}>
      <div className="panel-head">
        <h2>{token.symbol}</h2>
        <span className="badge badge-quiet">
          {token.role === 'platform' ? 'platform token' : 'partner token'}
        </span>
      </div>
      <dl className="stats">
        {parts.map((p) => (
          <div key={p.key} className="stat" data-stat={p.label}>
            <dt>{p.label}</dt>
            <dd>{formatToken(p.wei, token.symbol, token.decimals)}</dd>
            <span className="muted small">{p.hint}</span>
          </div>
        ))}
      </dl>
      <TokenBar
        label={`${token.symbol} earnings by stage`}
        symbol={token.symbol}
        decimals={token.decimals}
        segments={parts.map(({ key, label, wei, tone }) => ({ key, label, wei, tone }))}
      />
    </section>
  );
}
