import { type Hex, sha256, stringToBytes } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import { canonicalJson } from '../../domain/ledger/canonicalJson.ts';
import type { UserId } from '../../shared/brand.ts';
import type { ChatCompletionRequest } from '../../shared/gatewayApi.ts';
import { hashSecret } from '../auth/keys.ts';
import type { Deps } from '../deps.ts';
import { checkLicense } from '../market/checkLicense.ts';
import type { Actor, GatewayCallId } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { callCostWei } from './callCostWei.ts';
import { callerOrg } from './callerOrg.ts';
import { splitCallCost } from './splitCallCost.ts';

/** The completion budget of a request that names none; it is sent upstream, so the worst case stays bounded. */
export const DEFAULT_MAX_TOKENS = 1024;
/** A reservation older than this (a process that died mid-call) no longer holds the caller's budget. */
export const STALE_RESERVATION_MS = 10 * 60_000;

/**
 * How long a budget must stay in escrow after a call for the call to be paid from it: the hold, then the next
 * epoch's release, with a week to spare for epochs that wait on the chain. Calls stop before the funder can refund.
 */
const settleWithinMs = (settings: { holdSeconds: number }) => settings.holdSeconds * 1000 + 7 * 86_400_000;

export type GatewayChatResult = {
  callId: GatewayCallId;
  /** The upstream's reply, byte for byte, as the receipt's responseSha256 hashes it. */
  text: string;
  costWei: bigint;
  receipt: string;
  signature: Hex | null;
  signer: string | null;
};

/**
 * One chat completion through an asset's gateway:
 * 1. the caller must hold a license (the asset's organization and co-owners always may);
 * 2. the call's worst case — the prompt counted as one token per byte of its messages, plus max_tokens — is held
 *    from the caller organization's prepaid budget, or the call is refused with how to top up;
 * 3. the request goes upstream with the endpoint's model and key; a failure is a 502 and costs nothing;
 * 4. the call is metered from the upstream's `usage` (never above what was held), its cost split among the
 *    developer and the datasets' co-owners as accruals paid from the budget by the next epochs, and its receipt
 *    (what was asked and answered, by sha256, and what it cost) signed by the operator.
 */
export async function gatewayChat(
  deps: Pick<
    Deps,
    'market' | 'datasets' | 'chain' | 'gateway' | 'upstream' | 'receiptSigner' | 'clock' | 'settings'
  >,
  actor: Actor,
  input: { assetId: string; apiKey: string | undefined; request: ChatCompletionRequest },
): Promise<GatewayChatResult> {
  const chain = requireChain(deps);
  const asset = (await checkLicense(deps, actor, { assetId: input.assetId }))!;
  const endpoint = await deps.gateway.endpoint(asset.id);
  if (!endpoint)
    throw new DomainError(
      'GATEWAY_NOT_CONFIGURED',
      `"${asset.name}" has no endpoint: its owner has not set one yet`,
      {
        assetId: asset.id,
      },
    );
  const orgId = callerOrg(actor);
  const maxTokens = input.request.max_tokens ?? DEFAULT_MAX_TOKENS;
  const { model: _asked, stream: _stream, ...rest } = input.request;
  const body = JSON.stringify({ ...rest, model: endpoint.model, max_tokens: maxTokens });
  const promptBound = new TextEncoder().encode(JSON.stringify(input.request.messages)).byteLength;
  const reservedWei = callCostWei(endpoint, promptBound + maxTokens);
  const callId = crypto.randomUUID() as GatewayCallId;
  const now = deps.clock.now();
  const held = await deps.gateway.reserve(
    {
      id: callId,
      assetId: asset.id,
      orgId,
      userId: actor.id as UserId,
      apiKeyId: input.apiKey ? await deps.gateway.apiKeyId(hashSecret(input.apiKey)) : null,
      token: endpoint.token,
      model: endpoint.model,
      reservedWei,
      requestSha256: sha256(stringToBytes(body)),
      now,
    },
    new Date(now.getTime() - STALE_RESERVATION_MS),
    new Date(now.getTime() + settleWithinMs(deps.settings)),
  );
  if (!held.reserved && held.refused === 'deadline')
    throw new DomainError(
      'INSUFFICIENT_BALANCE',
      `your organization’s gateway budget can be taken back by its funder from ${held.refundableFrom?.toISOString() ?? 'now'}, too soon for this call to be settled from it: top it up with POST /api/gateway/fund-calls, which keeps it in escrow for another year`,
      { refundableFrom: held.refundableFrom?.toISOString() ?? null, token: endpoint.token },
    );
  if (!held.reserved)
    throw new DomainError(
      'INSUFFICIENT_BALANCE',
      `this call may cost up to ${reservedWei} base units of ${endpoint.token} (its prompt and max_tokens ${maxTokens}), and your organization’s gateway budget has ${held.availableWei} available: top up with POST /api/gateway/fund-calls { "amountWei": "…" } and send the calls from your wallet, or lower max_tokens`,
      {
        requiredWei: reservedWei.toString(),
        availableWei: held.availableWei.toString(),
        token: endpoint.token,
      },
    );

  const reply = await deps.upstream.chat({ url: endpoint.url, apiKey: endpoint.apiKey }, body);
  if (!reply.ok) {
    await deps.gateway.finish({
      id: callId,
      status: 'failed',
      promptTokens: null,
      completionTokens: null,
      costWei: 0n,
      upstreamStatus: reply.status,
      error: reply.reason,
      latencyMs: reply.latencyMs,
      responseSha256: reply.text === null ? null : sha256(stringToBytes(reply.text)),
      receipt: null,
      receiptSignature: null,
      receiptSigner: null,
      payouts: [],
      now: deps.clock.now(),
    });
    throw new DomainError(
      'UPSTREAM_FAILED',
      `"${asset.name}" could not answer: ${reply.reason}. Nothing was charged (call ${callId}).`,
      { callId, upstreamStatus: reply.status },
    );
  }
  const metered = callCostWei(endpoint, reply.promptTokens + reply.completionTokens);
  const costWei = metered < reservedWei ? metered : reservedWei;
  const payees = await deps.gateway.payees(asset.id);
  const payouts = payees ? splitCallCost(costWei, endpoint, payees) : [];
  const finishedAt = deps.clock.now();
  const responseSha256 = sha256(stringToBytes(reply.text));
  const receipt = canonicalJson({
    version: 1,
    callId,
    chainId: chain.chainId,
    assetId: asset.id,
    chainAssetId: asset.chainAssetId?.toString() ?? null,
    caller: actor.address,
    orgId,
    model: endpoint.model,
    token: endpoint.token,
    promptTokens: reply.promptTokens,
    completionTokens: reply.completionTokens,
    costWei: costWei.toString(),
    requestSha256: sha256(stringToBytes(body)),
    responseSha256,
    at: finishedAt.toISOString(),
  });
  const signer = deps.receiptSigner;
  const signature = signer ? await signer.sign(receipt) : null;
  await deps.gateway.finish({
    id: callId,
    status: 'ok',
    promptTokens: reply.promptTokens,
    completionTokens: reply.completionTokens,
    costWei,
    upstreamStatus: reply.status,
    error: null,
    latencyMs: reply.latencyMs,
    responseSha256,
    receipt,
    receiptSignature: signature,
    receiptSigner: signer?.address ?? null,
    payouts,
    now: finishedAt,
  });
  return { callId, text: reply.text, costWei, receipt, signature, signer: signer?.address ?? null };
}
