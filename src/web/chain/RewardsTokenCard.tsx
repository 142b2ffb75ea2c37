import type { RewardsView } from '../../shared/chainApi.ts';
import { StackedBar } from '../components/StackedBar.tsx';
import { formatToken } from '../lib/format.ts';
import { shareOf } from './chainLoad.ts';

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
  const total = parts.reduce((sum, p) => sum + (p.wei > 0n ? p.wei : 0n), 0n);
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
      <StackedBar
        label={`${token.symbol} earnings by stage`}
        segments={parts.map(({ key, label, wei, tone }) => ({
          key,
          label,
          tone,
          // Widths come from shares of the total; the legend shows the exact token amounts.
          value: shareOf(wei > 0n ? wei : 0n, total),
          display: formatToken(wei, token.symbol, token.decimals),
        }))}
      />
    </section>
  );
}
