import { CopyButton } from '../chain/CopyButton.tsx';
import { DailyChart } from '../components/DailyChart.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatToken } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { GatewayBalanceCard } from './GatewayBalanceCard.tsx';
import { GatewayEndpointForm } from './GatewayEndpointForm.tsx';

const percent = (bps: number) => `${bps / 100}%`;

/**
 * A model's or agent's metered gateway on its page: where to call it (with a curl example), its pricing and
 * split; for its organization, the endpoint form and calls and revenue per day; the caller's prepaid balance.
 */
export function GatewayPanel({ assetId, owner }: { assetId: string; owner: boolean }) {
  const endpoint = useAsync(() => apiClient.gatewayEndpoint(assetId).catch(() => null), [assetId]);
  const usage = useAsync(
    () => (owner ? apiClient.gatewayUsage(assetId, 30) : Promise.resolve(null)),
    [assetId, owner],
  );
  const e = endpoint.data ?? null;
  const base = `${window.location.origin}/api/gateway/${assetId}/v1`;
  const curl = `curl ${base}/chat/completions \\
  -H "Authorization: Bearer $CARAVAN_API_KEY" -H "Content-Type: application/json" \\
  -d '{"messages":[{"role":"user","content":"Hello"}],"max_tokens":256}'`;
  return (
    <>
      <section className="card panel" aria-label="Gateway" data-testid="gateway-panel">
        <h2>Metered gateway</h2>
        {e ? (
          <>
            <p>
              OpenAI-compatible base URL: <code className="mono">{base}</code> <CopyButton text={base} />
            </p>
            <pre className="mono small">{curl}</pre>
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
        ) : (
          <p className="muted">No endpoint yet{owner ? ': set one below.' : '.'}</p>
        )}
        {owner && <GatewayEndpointForm assetId={assetId} current={e} onSaved={endpoint.reload} />}
      </section>
      {owner && usage.data && (
        <section className="card panel" aria-label="Gateway usage">
          <h2>Usage, last 30 days</h2>
          <DailyChart
            daily={usage.data.days.map((d) => ({ day: d.day, value: d.calls }))}
            unit="calls"
            emptyText="No calls yet"
          />
          <DailyChart
            daily={usage.data.days.map((d) => ({
              day: d.day,
              value: Number(BigInt(d.revenueWei) / 10n ** 12n) / 1e6,
            }))}
            unit="CRV revenue"
            emptyText="No revenue yet"
          />
        </section>
      )}
      {e && <GatewayBalanceCard />}
    </>
  );
}
