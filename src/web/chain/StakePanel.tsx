import { Alert } from '../components/Alert.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatDateTime, formatToken } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { ChainOffNotice } from './ChainOffNotice.tsx';
import { isChainOff, loadChain } from './chainLoad.ts';
import { SendStatus } from './SendStatus.tsx';
import { StakeForm } from './StakeForm.tsx';
import { TierBadges } from './TierBadges.tsx';
import { useWalletSend } from './useWalletSend.ts';

/**
 * Stake locked in the vault (it unlocks projects that ask for it, and can be slashed for spam), the wallet's
 * balance, and the soulbound tier badges held on chain.
 */
export function StakePanel({
  symbol,
  decimals,
  refreshKey,
  onChanged,
}: {
  symbol: string;
  decimals: number;
  refreshKey: number;
  onChanged: () => void;
}) {
  const loaded = useAsync(() => loadChain(() => apiClient.stake()), [refreshKey]);
  const send = useWalletSend();
  const data = loaded.data;
  const amount = (wei: string | bigint) => formatToken(wei, symbol, decimals);

  if (loaded.loading && !data) return <Loading />;
  if (isChainOff(data)) return <ChainOffNotice message={data.chainOff} />;
  if (!data) return <Alert title="Could not read your stake">{loaded.error}</Alert>;

  const busy = send.busy !== null;
  const unlocking = BigInt(data.unlockingWei);
  const withdrawable =
    unlocking > 0n && data.unlockAt !== null && new Date(data.unlockAt).getTime() <= Date.now();
  // The page reloads this panel (and the earnings beside it) through refreshKey.
  const after = onChanged;

  return (
    <section className="card panel" aria-label="Stake and badges">
      <div className="panel-head">
        <h2>Stake &amp; badges</h2>
        <span className="mono muted small hash" title="Stake vault contract">
          {data.stakeVault}
        </span>
      </div>
      <dl className="stats">
        <div className="stat" data-stat="Locked">
          <dt>Locked</dt>
          <dd>{amount(data.lockedWei)}</dd>
        </div>
        <div className="stat" data-stat="Unlocking">
          <dt>Unlocking</dt>
          <dd>{amount(unlocking)}</dd>
          {unlocking > 0n && data.unlockAt && (
            <span className="small">
              <Countdown
                until={data.unlockAt}
                title={`Withdrawable from ${formatDateTime(data.unlockAt)}`}
                expiredLabel="Withdrawable now"
                onExpire={loaded.reload}
              />
            </span>
          )}
        </div>
        <div className="stat" data-stat="Wallet balance">
          <dt>Wallet balance</dt>
          <dd>{amount(data.balanceWei)}</dd>
        </div>
      </dl>
      <div className="stake-forms">
        <StakeForm
          label="Lock"
          button="Lock stake"
          symbol={symbol}
          decimals={decimals}
          hint={`From your wallet (${amount(data.balanceWei)})`}
          busy={busy}
          onSubmit={(wei) =>
            void send.run(`Locked ${amount(wei)}`, () => apiClient.stakeCalls('lock', wei.toString()), after)
          }
        />
        <StakeForm
          label="Unlock"
          button="Request unlock"
          symbol={symbol}
          decimals={decimals}
          hint={`Of your locked ${amount(data.lockedWei)}; withdrawable after the cooldown`}
          busy={busy}
          onSubmit={(wei) =>
            void send.run(
              `Asked to unlock ${amount(wei)}`,
              () => apiClient.stakeCalls('unlock', wei.toString()),
              after,
            )
          }
        />
        <div className="row">
          <button
            type="button"
            className="btn"
            disabled={busy || !withdrawable}
            onClick={() =>
              void send.run('Withdrew unlocked stake', () => apiClient.stakeCalls('withdraw'), after)
            }
          >
            Withdraw {unlocking > 0n ? amount(unlocking) : 'unlocked stake'}
          </button>
          {unlocking > 0n && !withdrawable && data.unlockAt && (
            <span className="muted small">from {formatDateTime(data.unlockAt)}</span>
          )}
        </div>
      </div>
      <SendStatus send={send} />
      <h3 className="small-heading">Tier badges</h3>
      <TierBadges held={data.badges.map((b) => b.tier)} />
      <p className="muted small">
        Badges are soulbound tokens the platform mints as you reach each tier; they cannot be transferred.
      </p>
    </section>
  );
}
