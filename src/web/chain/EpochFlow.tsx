import type { EpochView, RewardsView } from '../../shared/chainApi.ts';
import { formatDateTime, formatDuration, formatRelative } from '../lib/format.ts';

const OPEN_STATUS: Record<EpochView['status'], string> = {
  releasing: 'releasing approved rewards from the project escrows',
  built: 'its Merkle root is built and about to be proposed on chain',
  proposed: 'its root is proposed on chain and waits out the challenge window',
  accepted: 'accepted',
  revoked: 'revoked by the operator; its rewards go into the next epoch',
};

/** How an approved answer's reward reaches the wallet, and where the epochs stand now. */
export function EpochFlow({ rewards }: { rewards: RewardsView }) {
  const { lastEpoch, openEpoch, holdSeconds } = rewards;
  const steps = [
    { key: 'approved', title: 'Approved', text: 'A reviewer or the quality pass approves your answer.' },
    {
      key: 'hold',
      title: 'Hold period',
      text: `The reward waits ${formatDuration(holdSeconds)} in case the approval is overturned.`,
    },
    {
      key: 'epoch',
      title: 'Epoch',
      text: 'Settled rewards go into the next epoch’s Merkle root, proposed on chain.',
    },
    { key: 'accepted', title: 'Root accepted', text: 'After the challenge window the root is accepted.' },
    { key: 'claim', title: 'Claim', text: 'You claim with your wallet, or free through the relayer.' },
  ];
  return (
    <section className="card panel" aria-label="How rewards are paid">
      <h2>How rewards are paid</h2>
      <ol className="flow">
        {steps.map((s, i) => (
          <li key={s.key} className="flow-step">
            <span className="flow-number" aria-hidden>
              {i + 1}
            </span>
            <div>
              <strong>{s.title}</strong>
              <p className="muted small">{s.text}</p>
            </div>
          </li>
        ))}
      </ol>
      <dl className="facts">
        <div>
          <dt>Last accepted epoch</dt>
          <dd data-testid="last-epoch">
            {lastEpoch ? (
              <>
                #{lastEpoch.epoch}
                {lastEpoch.acceptedAt && (
                  <span className="muted small"> · accepted {formatDateTime(lastEpoch.acceptedAt)}</span>
                )}
              </>
            ) : (
              <span className="muted">none yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Open epoch</dt>
          <dd data-testid="open-epoch">
            {openEpoch ? (
              <>
                #{openEpoch.epoch}{' '}
                <span className={`status epoch-${openEpoch.status}`}>{openEpoch.status}</span>
                <span className="muted small"> · {OPEN_STATUS[openEpoch.status]}</span>
                {openEpoch.acceptableAt && (
                  <span className="line small">
                    {new Date(openEpoch.acceptableAt).getTime() <= Date.now()
                      ? 'Can be accepted now; the next settlement round accepts it.'
                      : `Can be accepted ${formatRelative(openEpoch.acceptableAt)} (${formatDateTime(openEpoch.acceptableAt)}).`}
                  </span>
                )}
              </>
            ) : (
              <span className="muted">none: the next round opens one when rewards are due</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
