import { z } from 'zod';
import { addressString, pageQuery } from './api.ts';
import { storableText } from './text.ts';
import { weiString } from './weiString.ts';

// The metered gateway: a model's or agent's OpenAI-compatible upstream behind Caravan, priced per call and per
// token, paid from the caller organization's prepaid budget and split among the developer and the data behind it.

const bps = (name: string) =>
  z
    .number({ error: `${name} is a whole number of basis points, 0 to 10000` })
    .int(`${name} is a whole number of basis points, 0 to 10000`)
    .min(0, `${name} is a whole number of basis points, 0 to 10000`)
    .max(10_000, `${name} is a whole number of basis points, 0 to 10000`);

/** How a call's cost is split: the developer, the data providers and the validators of the datasets behind it. */
export const gatewaySplit = z
  .object({
    developerBps: bps('developerBps'),
    dataProvidersBps: bps('dataProvidersBps'),
    validatorsBps: bps('validatorsBps'),
  })
  .refine(
    (s) => s.developerBps + s.dataProvidersBps + s.validatorsBps === 10_000,
    'developerBps + dataProvidersBps + validatorsBps must add up to 10000',
  );
export type GatewaySplit = z.infer<typeof gatewaySplit>;

/** What an asset's owner sets: where its upstream is, what it costs, and how the revenue is split. */
export const gatewayEndpointBody = z.object({
  /** The upstream's base URL, the part before /chat/completions: `https://models.example.com/v1`. */
  url: z
    .url({ protocol: /^https?$/, error: 'url is an http or https URL, like https://models.example.com/v1' })
    .max(2000, 'url has at most 2000 characters'),
  /** Sent upstream as `Authorization: Bearer …`; stored, never shown again. Omit to keep the stored one, null to drop it. */
  apiKey: storableText()
    .min(1, 'apiKey is not empty')
    .max(4000, 'apiKey has at most 4000 characters')
    .nullish(),
  /** The model name the upstream is asked for. */
  model: storableText()
    .trim()
    .min(1, 'model is the upstream model name')
    .max(200, 'model has at most 200 characters'),
  pricePerCallWei: weiString,
  pricePer1kTokensWei: weiString,
  /** The token calls are paid in; the platform token (CRV) by default. */
  currency: addressString.optional(),
  split: gatewaySplit,
});
export type GatewayEndpointInput = z.input<typeof gatewayEndpointBody>;

/** An asset's gateway as anyone who may see the asset sees it: never the upstream key. */
export const gatewayEndpointView = z.object({
  assetId: z.string(),
  /** Where to call it: the base URL for an OpenAI client. */
  baseUrl: z.string(),
  model: z.string(),
  currency: z.string(),
  pricePerCallWei: weiString,
  pricePer1kTokensWei: weiString,
  split: z.object({
    developerBps: z.number().int(),
    dataProvidersBps: z.number().int(),
    validatorsBps: z.number().int(),
  }),
  /** Only for the asset's organization: the upstream URL and whether a key is stored. */
  upstream: z.object({ url: z.string(), hasApiKey: z.boolean() }).nullable(),
  updatedAt: z.string(),
});
export type GatewayEndpointView = z.infer<typeof gatewayEndpointView>;

const messageContent = z.union([
  storableText().max(1_000_000, 'a message has at most 1,000,000 characters'),
  z
    .array(
      z.object({
        type: z.literal('text', { error: 'content parts are { type: "text", text }' }),
        text: storableText().max(1_000_000, 'a content part has at most 1,000,000 characters'),
      }),
    )
    .min(1, 'content has at least one part')
    .max(100, 'content has at most 100 parts'),
]);

/** An OpenAI chat-completions request, as the gateway forwards it (a non-streaming subset). */
export const chatCompletionRequest = z.strictObject(
  {
    /** Ignored: the asset's endpoint names the upstream model. */
    model: storableText().max(200, 'model has at most 200 characters').optional(),
    messages: z
      .array(
        z.strictObject({
          role: z.enum(['system', 'developer', 'user', 'assistant'], {
            error: 'role is system, developer, user or assistant',
          }),
          content: messageContent,
          name: storableText().max(64, 'name has at most 64 characters').optional(),
        }),
      )
      .min(1, 'messages has at least one message')
      .max(500, 'messages has at most 500 messages'),
    max_tokens: z
      .number({ error: 'max_tokens is a whole number from 1 to 1,000,000' })
      .int('max_tokens is a whole number from 1 to 1,000,000')
      .min(1, 'max_tokens is a whole number from 1 to 1,000,000')
      .max(1_000_000, 'max_tokens is a whole number from 1 to 1,000,000')
      .optional(),
    temperature: z
      .number({ error: 'temperature is a number from 0 to 2' })
      .min(0, 'temperature is a number from 0 to 2')
      .max(2, 'temperature is a number from 0 to 2')
      .optional(),
    top_p: z
      .number({ error: 'top_p is a number from 0 to 1' })
      .min(0, 'top_p is a number from 0 to 1')
      .max(1, 'top_p is a number from 0 to 1')
      .optional(),
    stop: z
      .union([storableText().max(200), z.array(storableText().max(200)).max(4)], {
        error: 'stop is a string or up to 4 strings',
      })
      .optional(),
    stream: z
      .boolean({ error: 'stream is true or false' })
      .refine(
        (s) => !s,
        'stream: true is not supported yet: send stream: false (or leave it out) for one JSON reply',
      )
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `the gateway takes model, messages, max_tokens, temperature, top_p, stop and stream; not ${issue.keys.join(', ')}`
        : undefined,
  },
);
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequest>;

/** The upstream's chat completion, passed back as it came (only what the gateway reads is named). */
export const chatCompletionBody = z.looseObject({
  choices: z.array(z.unknown()),
  usage: z.looseObject({ prompt_tokens: z.number(), completion_tokens: z.number() }),
});

export const gatewayModelsBody = z.object({
  object: z.literal('list'),
  data: z.array(
    z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() }),
  ),
});

export const gatewayBalanceQuery = z.object({
  /** The organization whose budget to show; your API key's, or your first organization's, by default. */
  orgId: z.string().uuid('orgId is an organization UUID').optional(),
  /** The platform token unless named. */
  token: addressString.optional(),
});

/** A caller organization's prepaid budget in one token. */
export const gatewayBalanceBody = z.object({
  orgId: z.string(),
  budgetId: z.string(),
  token: z.string(),
  symbol: z.string(),
  decimals: z.number().int(),
  /** What the organization's wallet put in, less what it took back. */
  prepaidWei: weiString,
  /** What metered calls cost so far. */
  spentWei: weiString,
  /** Held for calls under way (their worst-case cost). */
  reservedWei: weiString,
  /** What new calls can spend: prepaid less spent less reserved. */
  availableWei: weiString,
  /** Already paid out to the developers and data providers by settlement epochs. */
  releasedWei: weiString,
  /** The wallet that funds this budget (the escrow takes funding from one wallet). */
  funder: z.string().nullable(),
  deadline: z.string().nullable(),
});
export type GatewayBalance = z.infer<typeof gatewayBalanceBody>;

export const gatewayFundCallsBody = z.object({
  amountWei: weiString
    .refine((v) => BigInt(v) > 0n, 'fund an amount above 0')
    .refine((v) => BigInt(v) < 2n ** 256n, 'amountWei is more than a token can hold'),
  token: addressString.optional(),
  orgId: z.string().uuid('orgId is an organization UUID').optional(),
});

export const gatewayUsageQuery = z.object({
  days: z.coerce
    .number({ error: 'days is a whole number from 1 to 366' })
    .int('days is a whole number from 1 to 366')
    .min(1, 'days is a whole number from 1 to 366')
    .max(366, 'days is a whole number from 1 to 366')
    .default(30),
});

/** An asset's calls, tokens and revenue per UTC day, for its organization. */
export const gatewayUsageBody = z.object({
  assetId: z.string(),
  currency: z.string().nullable(),
  days: z.array(
    z.object({
      day: z.string(),
      calls: z.number().int(),
      failedCalls: z.number().int(),
      promptTokens: z.number().int(),
      completionTokens: z.number().int(),
      revenueWei: weiString,
    }),
  ),
  totals: z.object({ calls: z.number().int(), tokens: z.number().int(), revenueWei: weiString }),
});
export type GatewayUsage = z.infer<typeof gatewayUsageBody>;

export const gatewayCallsQuery = pageQuery.extend({ limit: pageQuery.shape.limit.default(20) });

/** One metered call with its execution receipt. */
export const gatewayCallBody = z.object({
  id: z.string(),
  assetId: z.string(),
  assetName: z.string(),
  orgId: z.string(),
  viaApiKey: z.boolean(),
  model: z.string(),
  status: z.enum(['pending', 'ok', 'failed']),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  token: z.string(),
  costWei: weiString,
  latencyMs: z.number().int().nullable(),
  error: z.string().nullable(),
  requestSha256: z.string(),
  responseSha256: z.string().nullable(),
  /** The signed receipt's exact text, its signature and the signer (the platform's operator). */
  receipt: z.string().nullable(),
  receiptSignature: z.string().nullable(),
  receiptSigner: z.string().nullable(),
  createdAt: z.string(),
});
export type GatewayCall = z.infer<typeof gatewayCallBody>;
export const gatewayCallsBody = z.object({
  calls: z.array(gatewayCallBody),
  nextCursor: z.string().nullable(),
});
