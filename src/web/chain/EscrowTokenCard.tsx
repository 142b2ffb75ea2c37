import type { EscrowView } from '../../shared/chainApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Meter } from '../components/Meter.tsx';
import { formatDateTime, formatToken, shortAddress } from '../lib/format.ts';
import { useSession } from '../lib/SessionProvider.tsx';
import { shareOf } from './chainLoad.ts';

export type EscrowToken = EscrowView['tokens'][number];

/** The amounts that decide whether work can go on: remaining = funded − refunded − committed. */
export function escrowNumbers(t: EscrowToken) {
  const funded = BigInt(t.fundedWei);
  const refunded = BigInt(t.refundedWei);
  const committed = BigInt(t.committedWei);
  const released = BigInt(t.releasedWei);
  const reward = BigInt(t.rewardPerItemWei);
  const fullCost = BigInt(t.fullCostWei);
  const remaining = funded - refunded - committed;
  /** What is still missing to pay for every item at its overlap. */
  const shortOfFull = fullCost - (funded - refunded);
  /** What a refund would return: the contract keeps only what it already released. */
  const refundable = funded - refunded - released;
  return { funded, refunded, committed, released, reward, fullCost, remaining, shortOfFull, refundable };
}

/** One token's escrow: what was funded, paid out and promised, and whether work is paused for lack of funds. */
export function EscrowTokenCard({
  token,
  onFundRest,
  refund,
}: {
  token: EscrowToken;
  onFundRest: (wei: bigint) => void;
  refund: { busy: boolean; onRefund: () => void };
}) {
  const n = escrowNumbers(token);
  const { me } = useSession();
  const otherFunder =
    token.requester !== null &&
    me !== null &&
    me !== undefined &&
    token.requester.toLowerCase() !== me.address.toLowerCase();
  const amount = (wei: bigint) => formatToken(wei, token.symbol, token.decimals);
  const deadlinePassed = token.deadline !== null && new Date(token.deadline).getTime() <= Date.now();
  return (
    <section className="card panel" aria-label={`Escrow in ${token.symbol}`} data-token={token.role}>
      <div className="panel-head">
        <h2>
          {token.symbol}{' '}
          <span className="badge badge-quiet">{token.role === 'platform' ? 'platform' : 'partner'}</span>
        </h2>
        <span className="mono muted small hash" title="Token contract">
          {token.token}
        </span>
      </div>
      <dl className="stats escrow-stats">
        <div className="stat" data-stat="Funded">
          <dt>Funded</dt>
          <dd>{amount(n.funded)}</dd>
        </div>
        <div className="stat" data-stat="Released">
          <dt>Released to rewards</dt>
          <dd>{amount(n.released)}</dd>
        </div>
        <div className="stat" data-stat="Refunded">
          <dt>Refunded</dt>
          <dd>{amount(n.refunded)}</dd>
        </div>
        <div className="stat" data-stat="Committed">
          <dt>Committed</dt>
          <dd>{amount(n.committed)}</dd>
          <span className="muted small">what answers so far may cost</span>
        </div>
        <div className="stat" data-stat="Full cost">
          <dt>Full cost</dt>
          <dd>{amount(n.fullCost)}</dd>
          <span className="muted small">items × overlap × {amount(n.reward)}</span>
        </div>
        <div className="stat" data-stat="Remaining">
          <dt>Remaining</dt>
          <dd className={n.remaining < n.reward ? 'text-danger' : undefined}>{amount(n.remaining)}</dd>
        </div>
      </dl>
      <div className="escrow-meter">
        <span className="muted small">Committed of funded</span>
        <Meter
          share={n.funded > 0n ? Math.min(1, shareOf(n.committed, n.funded - n.refunded)) : null}
          label={`${token.symbol} committed of funded`}
        />
      </div>
      {n.reward > 0n && n.remaining < n.reward && (
        <Alert tone="warning" title="Work is paused">
          Work is paused until you fund at least {amount(n.reward - n.remaining)} more: what is left does not
          cover one more item’s reward ({amount(n.reward)}).
        </Alert>
      )}
      {otherFunder && (
        <Alert tone="info">
          This escrow was funded from <span className="mono">{shortAddress(token.requester ?? '')}</span>:
          only that wallet can add to it or take the refund.
        </Alert>
      )}
      <div className="row">
        {n.shortOfFull > 0n && (
          <button type="button" className="btn btn-small" onClick={() => onFundRest(n.shortOfFull)}>
            Fill in the rest of the full cost ({amount(n.shortOfFull)})
          </button>
        )}
        {token.deadline && (
          <span className="muted small grow">
            Refundable {deadlinePassed ? 'since' : 'from'} {formatDateTime(token.deadline)}
          </span>
        )}
        {deadlinePassed && n.refundable > 0n && (
          <button type="button" className="btn" disabled={refund.busy} onClick={refund.onRefund}>
            Refund what is left ({amount(n.refundable)})
          </button>
        )}
      </div>
    </section>
  );
}
