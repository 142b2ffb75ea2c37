import type { GatewayBalance, GatewayCall, GatewayEndpointView, GatewayUsage } from '../shared/gatewayApi.ts';
import type { GatewayBalanceView } from '../usecases/gateway/gatewayBalance.ts';
import { gatewayBaseUrl } from '../usecases/gateway/gatewayBaseUrl.ts';
import type { AssetRow, GatewayCallRow, GatewayEndpointRow, GatewayUsageDay } from '../usecases/ports.ts';

// Presenters of the metered gateway: every field that leaves, and never the upstream's key.

export const presentGatewayEndpoint = (e: GatewayEndpointRow, owner: boolean): GatewayEndpointView => ({
  assetId: e.assetId,
  baseUrl: gatewayBaseUrl(e.assetId),
  model: e.model,
  currency: e.token,
  pricePerCallWei: e.pricePerCallWei.toString(),
  pricePer1kTokensWei: e.pricePer1kTokensWei.toString(),
  split: {
    developerBps: e.developerBps,
    dataProvidersBps: e.dataProvidersBps,
    validatorsBps: e.validatorsBps,
  },
  upstream: owner ? { url: e.url, hasApiKey: e.apiKey !== null } : null,
  updatedAt: e.updatedAt.toISOString(),
});

export const presentGatewayBalance = (b: GatewayBalanceView): GatewayBalance => ({
  orgId: b.orgId,
  budgetId: b.budgetId,
  token: b.token,
  symbol: b.symbol,
  decimals: b.decimals,
  prepaidWei: (b.fundedWei - b.refundedWei).toString(),
  spentWei: b.spentWei.toString(),
  reservedWei: b.reservedWei.toString(),
  availableWei: b.availableWei.toString(),
  releasedWei: b.releasedWei.toString(),
  funder: b.requester,
  deadline: b.deadline?.toISOString() ?? null,
});

export const presentGatewayCall = (c: GatewayCallRow): GatewayCall => ({
  id: c.id,
  assetId: c.assetId,
  assetName: c.assetName,
  orgId: c.orgId,
  viaApiKey: c.apiKeyId !== null,
  model: c.model,
  status: c.status,
  promptTokens: c.promptTokens,
  completionTokens: c.completionTokens,
  token: c.token,
  costWei: c.costWei.toString(),
  latencyMs: c.latencyMs,
  error: c.error,
  requestSha256: c.requestSha256,
  responseSha256: c.responseSha256,
  receipt: c.receipt,
  receiptSignature: c.receiptSignature,
  receiptSigner: c.receiptSigner,
  createdAt: c.createdAt.toISOString(),
});

export const presentGatewayUsage = (u: {
  asset: AssetRow;
  currency: string | null;
  days: GatewayUsageDay[];
}): GatewayUsage => ({
  assetId: u.asset.id,
  currency: u.currency,
  days: u.days.map((d) => ({
    day: d.day,
    calls: d.calls,
    failedCalls: d.failedCalls,
    promptTokens: d.promptTokens,
    completionTokens: d.completionTokens,
    revenueWei: d.revenueWei.toString(),
  })),
  totals: {
    calls: u.days.reduce((s, d) => s + d.calls, 0),
    tokens: u.days.reduce((s, d) => s + d.promptTokens + d.completionTokens, 0),
    revenueWei: u.days.reduce((s, d) => s + d.revenueWei, 0n).toString(),
  },
});
