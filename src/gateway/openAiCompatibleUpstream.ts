import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { z } from 'zod';
import { errorDetail, explain, parseJson } from '../judge/openAiReplies.ts';
import { isPrivateAddress } from '../links/isPrivateAddress.ts';
import type { GatewayUpstream, UpstreamReply } from '../usecases/ports.ts';

export type OpenAiCompatibleUpstreamOptions = {
  /** How long one call may take, reply included. Default 60 000. */
  readonly timeoutMs?: number;
  /** Also call upstreams on loopback and private networks (development wallets, tests). Off by default. */
  readonly allowPrivate?: boolean;
  /** The largest reply passed back, in bytes. Default 8 MiB. */
  readonly maxReplyBytes?: number;
  readonly fetch?: typeof globalThis.fetch;
  /** How a host name becomes addresses; the system resolver by default. */
  readonly resolve?: (host: string) => Promise<string[]>;
};

/** The part of a chat completion the gateway reads: it meters `usage`, and passes the rest back untouched. */
const completion = z.object({
  choices: z.array(z.unknown()),
  usage: z.object({
    prompt_tokens: z.number().int().min(0).max(100_000_000),
    completion_tokens: z.number().int().min(0).max(100_000_000),
  }),
});

const QUOTE = 200;
const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE ? `${flat.slice(0, QUOTE - 1)}…` : flat;
};

/**
 * Models' upstreams over any OpenAI-compatible chat-completions API (OpenAI, vLLM, llama.cpp, Ollama, LiteLLM …),
 * as the model judge calls them: one POST with a timeout, the upstream's key as a bearer token. Whatever the
 * upstream does — unreachable, slow, a non-2xx status, a redirect, a reply that is not a chat completion with
 * `usage` — comes back as a reason (never with the key in it), so the gateway can answer 502 and charge nothing.
 * Loopback and private addresses are refused unless allowed, at registration and again before every call.
 */
export function openAiCompatibleUpstream(options: OpenAiCompatibleUpstreamOptions = {}): GatewayUpstream {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxReplyBytes = options.maxReplyBytes ?? 8 * 1024 * 1024;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const resolve =
    options.resolve ?? (async (host: string) => (await lookup(host, { all: true })).map((a) => a.address));

  async function refuse(url: string): Promise<string | null> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return 'the upstream URL is not a valid URL';
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return 'the upstream URL is not http or https';
    if (options.allowPrivate) return null;
    const host = target.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : await resolve(host);
    } catch (error) {
      return `${host} could not be resolved (${(error as { code?: string }).code ?? (error as Error).message})`;
    }
    if (!addresses.length) return `${host} resolves to no address`;
    if (addresses.some(isPrivateAddress))
      return `${host} points to this machine or a private network, which the gateway does not call`;
    return null;
  }

  return {
    refuse,
    async chat(target, body): Promise<UpstreamReply> {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const url = new URL(target.url);
      url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
      // What messages name: no credentials, no query (some upstreams take keys there).
      const shown = `${url.origin}${url.pathname}`;
      const redact = (text: string) => (target.apiKey ? text.replaceAll(target.apiKey, '[api key]') : text);
      const failed = (
        reason: string,
        status: number | null = null,
        text: string | null = null,
      ): UpstreamReply => ({
        ok: false,
        status,
        reason: redact(reason),
        text,
        latencyMs: elapsed(),
      });
      const refused = await refuse(url.href);
      if (refused) return failed(refused);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
      };
      if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        let response: Response;
        try {
          response = await fetchFn(url.href, {
            method: 'POST',
            headers,
            body,
            redirect: 'manual',
            signal: controller.signal,
          });
        } catch (error) {
          return failed(
            timedOut
              ? `the upstream at ${shown} did not answer within ${timeoutMs} ms`
              : `could not reach the upstream at ${shown}: ${explain(error)}`,
          );
        }
        let text: string;
        try {
          text = await readCapped(response, maxReplyBytes);
        } catch (error) {
          return failed(
            timedOut
              ? `the upstream at ${shown} did not finish its reply within ${timeoutMs} ms`
              : `the reply from the upstream at ${shown} broke off: ${explain(error)}`,
            response.status,
          );
        }
        if (response.status >= 300 && response.status < 400)
          return failed(
            `the upstream at ${shown} redirected (${response.status}); set its final URL`,
            response.status,
          );
        if (!response.ok)
          return failed(
            `the upstream at ${shown} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${
              text ? `: ${quote(errorDetail(text))}` : ''
            }`,
            response.status,
            text,
          );
        const reply = completion.safeParse(parseJson(text));
        if (!reply.success)
          return failed(
            `the upstream at ${shown} answered ${response.status} without a chat completion with usage: ${quote(text) || 'an empty body'}`,
            response.status,
            text,
          );
        return {
          ok: true,
          status: response.status,
          text,
          promptTokens: reply.data.usage.prompt_tokens,
          completionTokens: reply.data.usage.completion_tokens,
          latencyMs: elapsed(),
        };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The body as text, refused past `max` bytes so an upstream cannot make the server hold an endless reply. */
async function readCapped(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new Error(`the reply is larger than ${max} bytes`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}
