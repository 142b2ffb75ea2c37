import { useState } from 'react';
import { CopyButton } from '../chain/CopyButton.tsx';
import { Alert } from '../components/Alert.tsx';
import { DailyChart } from '../components/DailyChart.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatToken } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { GatewayBalanceCard } from './GatewayBalanceCard.tsx';
import { GatewayEndpointForm } from './GatewayEndpointForm.tsx';

const percent = (bps: number) => `${bps / 100}%`;
const USAGE_DAYS = 30;
const DAY_MS = 86_400_000;

/** The last `n` UTC days, oldest first, each with its value from `days` (which lists only days with calls), else 0. */
function lastDays<T extends { day: string }>(days: T[], n: number, value: (d: T) => number) {
  const byDay = new Map(days.map((d) => [d.day, value(d)]));
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(today - (n - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    return { day, value: byDay.get(day) ?? 0 };
  });
}

/**
 * A model's or agent's metered gateway on its page: where to call it (with a curl example), its pricing and
 * split; for its organization, the endpoint form and calls and revenue per day; the caller's prepaid balance.
 */
export function GatewayPanel({ assetId, owner }: { assetId: string; owner: boolean }) {
  const endpoint = useAsync(() => apiClient.gatewayEndpoint(assetId), [assetId]);
  const usage = useAsync(
    () => (owner ? apiClient.gatewayUsage(assetId, USAGE_DAYS) : Promise.resolve(null)),
    [assetId, owner],
  );
  const e = endpoint.data ?? null;
  // The form is long: it opens when the owner asks for it, not on every visit to the page.
  const [editing, setEditing] = useState(false);
  const base = `${window.location.origin}/api/gateway/${assetId}/v1`;
  const curl = `curl ${base}/chat/completions \\
  -H "Authorization: Bearer $CARAVAN_API_KEY" -H "Content-Type: application/json" \\
  -d '{"messages":[{"role":"user","content":"Hello"}],"max_tokens":256}'`;
  return (
    <>
      <section className="card panel" aria-label="Gateway" data-testid="gateway-panel">
        <h2>Metered gateway</h2>
        {endpoint.error ? (
          <Alert title="Could not load the gateway">{endpoint.error}</Alert>
        ) : e ? (
          <>
            <p>
              OpenAI-compatible base URL: <code className="mono">{base}</code> <CopyButton text={base} />
            </p>
            <pre className="mono small gateway-curl">{curl}</pre>
            <ul>
              <li>
                {formatToken(e.pricePerCallWei, 'CRV')} per call plus{' '}
                {formatToken(e.pricePer1kTokensWei, 'CRV')} per 1,000 tokens
              </li>
              <li>
                Split: developer {percent(e.split.developerBps)}, data providers{' '}
                {percent(e.split.dataProvidersBps)}, validators {percent(e.split.validatorsBps)}
              </li>
            </ul>
          </>
        ) : owner ? (
          <p className="muted">
            Not callable yet: connect an OpenAI-compatible upstream and set a price, and licensees can call it
            through Caravan, each call paid to you and to the people behind its training data.
          </p>
        ) : (
          <p className="muted">
            Its owner has not connected an endpoint yet, so it cannot be called through Caravan.
          </p>
        )}
        {owner &&
          (editing ? (
            <>
              <GatewayEndpointForm
                assetId={assetId}
                current={e}
                onSaved={() => {
                  setEditing(false);
                  endpoint.reload();
                }}
              />
              <div className="row">
                <button type="button" className="btn" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
            </>
          ) : (
            <div className="row">
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                {e ? 'Edit the endpoint' : 'Set up the gateway'}
              </button>
            </div>
          ))}
      </section>
      {owner && e && usage.data && (
        <section className="card panel" aria-label="Gateway usage">
          <h2>Usage, last {USAGE_DAYS} days</h2>
          <DailyChart
            daily={lastDays(usage.data.days, USAGE_DAYS, (d) => d.calls)}
            unit="calls"
            unitOne="call"
            emptyText="No calls yet"
          />
          <DailyChart
            daily={lastDays(
              usage.data.days,
              USAGE_DAYS,
              (d) => Number(BigInt(d.revenueWei) / 10n ** 12n) / 1e6,
            )}
            unit="CRV revenue"
            emptyText="No revenue yet"
          />
        </section>
      )}
      {e && <GatewayBalanceCard />}
    </>
  );
}
