import type { AssetDetail } from '../../shared/api.ts';
import { SendStatus } from '../chain/SendStatus.tsx';
import { useWalletSend } from '../chain/useWalletSend.ts';
import { apiClient } from '../lib/apiClient.ts';
import { formatCrv, formatDate } from '../lib/format.ts';

/** Buys (or extends) a license with the person's wallet: approve, then purchaseLicense at the current price. */
export function BuyButton({ detail, onBought }: { detail: AssetDetail; onBought: () => void }) {
  const send = useWalletSend();
  const { asset, license } = detail;
  const perpetual = license.held && license.expiresAt === null && !license.owner;
  if (asset.status !== 'registered')
    return <p className="muted">Not on sale until it is registered on chain.</p>;
  return (
    <div className="stack">
      {license.owner && <p data-testid="license-state">You own this asset: you may always use it.</p>}
      {!license.owner && license.held && (
        <p data-testid="license-state">
          You hold a license
          {license.expiresAt ? ` until ${formatDate(license.expiresAt)}` : ' that never ends'}.
        </p>
      )}
      {!perpetual && !license.owner && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={send.busy !== null}
          onClick={() => void send.run('Buy license', () => apiClient.purchaseCalls(asset.id), onBought)}
        >
          {license.held ? 'Extend license' : 'Buy license'} ·{' '}
          {asset.terms.priceWei === '0' ? 'free' : formatCrv(asset.terms.priceWei)}
        </button>
      )}
      <SendStatus send={send} />
    </div>
  );
}
