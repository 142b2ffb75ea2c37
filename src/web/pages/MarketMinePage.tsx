import { SendStatus } from '../chain/SendStatus.tsx';
import { useWalletSend } from '../chain/useWalletSend.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { GatewayCallsCard } from '../gateway/GatewayCallsCard.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatDate, formatToken, shortAddress } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';

/**
 * "My purchases" (the licenses I bought), "Gateway calls" (what I called through the metered gateway, with
 * receipts) and "My earnings from ownership" (claimable per token, with Claim).
 */
export function MarketMinePage() {
  const purchases = useAsync(() => apiClient.myPurchases(), []);
  const earnings = useAsync(() => apiClient.myEarnings(), []);
  const send = useWalletSend();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>My purchases &amp; earnings</h1>
          <p className="muted">
            Licenses your wallet bought, the gateway calls you made, and the revenue of what you own or
            co-own.
          </p>
        </div>
        <Link to="/market" className="btn">
          Marketplace
        </Link>
      </header>

      <div className="stack">
        <section className="card panel" aria-label="My purchases">
          <h2>My purchases</h2>
          {purchases.error && <Alert>{purchases.error}</Alert>}
          {purchases.loading && !purchases.data ? (
            <Loading />
          ) : !purchases.data?.purchases.length ? (
            <EmptyState icon="compass" title="No licenses yet">
              <p>
                Buy one from an asset’s page on the <Link to="/market">marketplace</Link>.
              </p>
            </EmptyState>
          ) : (
            <table className="table" data-testid="purchases">
              <thead>
                <tr>
                  <th>Asset</th>
                  <th className="num">Paid</th>
                  <th>Until</th>
                  <th>Status</th>
                  <th>Transaction</th>
                </tr>
              </thead>
              <tbody>
                {purchases.data.purchases.map((p) => (
                  <tr key={p.txHash + p.chainAssetId}>
                    <td>
                      {p.asset ? (
                        <Link to={`/assets/${p.asset.id}`}>{p.asset.name}</Link>
                      ) : (
                        `asset #${p.chainAssetId}`
                      )}
                    </td>
                    <td className="num">{formatToken(p.priceWei, p.symbol, p.decimals)}</td>
                    <td>{p.expiresAt ? formatDate(p.expiresAt) : 'never ends'}</td>
                    <td>{p.active ? 'active' : 'expired'}</td>
                    <td className="mono small" title={p.txHash}>
                      {shortAddress(p.txHash)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <GatewayCallsCard />

        <section className="card panel" aria-label="My earnings from ownership">
          <h2>My earnings from ownership</h2>
          {earnings.error && <Alert>{earnings.error}</Alert>}
          <SendStatus send={send} />
          {earnings.loading && !earnings.data ? (
            <Loading />
          ) : !earnings.data?.assets.length ? (
            <EmptyState icon="compass" title="You own no share of anything on sale">
              <p>Register a model, or work on community projects whose datasets are registered.</p>
            </EmptyState>
          ) : (
            <table className="table" data-testid="earnings">
              <thead>
                <tr>
                  <th>Asset</th>
                  <th>Share</th>
                  <th className="num">Credited to holders</th>
                  <th className="num">Claimed</th>
                  <th className="num">Claimable</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {earnings.data.assets.flatMap((e) =>
                  e.tokens.map((t, i) => (
                    <tr key={e.asset.id + t.token}>
                      <td>{i === 0 && <Link to={`/assets/${e.asset.id}`}>{e.asset.name}</Link>}</td>
                      <td>
                        {i === 0 &&
                          (e.role === 'owner'
                            ? 'sole owner'
                            : `${((Number(e.weight) / Number(e.totalWeight)) * 100).toFixed(2)}% co-owner`)}
                      </td>
                      <td className="num">{formatToken(t.creditedWei, t.symbol, t.decimals)}</td>
                      <td className="num">{formatToken(t.claimedWei, t.symbol, t.decimals)}</td>
                      <td className="num">
                        <strong>{formatToken(t.claimableWei, t.symbol, t.decimals)}</strong>
                      </td>
                      <td>
                        {i === 0 && e.tokens.some((x) => x.claimableWei !== '0') && (
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            disabled={send.busy !== null}
                            onClick={() =>
                              void send.run(
                                'Claim',
                                () => apiClient.revenueClaimCalls(e.asset.id),
                                earnings.reload,
                              )
                            }
                          >
                            Claim
                          </button>
                        )}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
