import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { LinkCheck, LinkChecker } from '../usecases/ports.ts';
import { isPrivateAddress } from './isPrivateAddress.ts';

export type HttpLinkCheckerOptions = {
  /** How long each request may take to answer. */
  readonly timeoutMs?: number;
  /** Also fetch links into loopback and private networks (tests, closed intranets). Off by default. */
  readonly allowPrivate?: boolean;
  readonly fetch?: typeof globalThis.fetch;
  /** How a host name becomes addresses; the system resolver by default. */
  readonly resolve?: (host: string) => Promise<string[]>;
};

const MAX_REDIRECTS = 5;

/**
 * Checks links over HTTP: a HEAD request, then a GET where a server refuses HEAD, following up to five redirects
 * by hand so that every hop is checked. A link is dead when it answers 400 or above; it is unknown when it
 * cannot be reached in time or points into a private network (which this server does not fetch, so that
 * contributors cannot use it to probe the network it runs in).
 */
export function httpLinkChecker(options: HttpLinkCheckerOptions = {}): LinkChecker {
  const timeoutMs = options.timeoutMs ?? 5000;
  const fetch = options.fetch ?? globalThis.fetch;
  const resolve =
    options.resolve ?? (async (host: string) => (await lookup(host, { all: true })).map((a) => a.address));

  async function hop(url: URL, method: 'HEAD' | 'GET') {
    return fetch(url, { method, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  }

  return {
    async check(link): Promise<LinkCheck> {
      let url: URL;
      try {
        url = new URL(link);
      } catch {
        return { status: 'dead', reason: `${link} is not a valid link` };
      }
      try {
        for (let redirects = 0; ; redirects++) {
          if (url.protocol !== 'http:' && url.protocol !== 'https:')
            return {
              status: 'dead',
              reason: `${link} leads to ${url.protocol} (only web links are checked)`,
            };
          const host = url.hostname.replace(/^\[|\]$/g, '');
          const addresses = isIP(host) ? [host] : await resolve(host);
          if (!options.allowPrivate && addresses.some(isPrivateAddress))
            return {
              status: 'unknown',
              reason: `${link} points into a private network, which is not checked`,
            };
          let response = await hop(url, 'HEAD');
          if (response.status === 405 || response.status === 501) response = await hop(url, 'GET');
          await response.body?.cancel();
          const location = response.headers.get('location');
          if (response.status >= 300 && response.status < 400 && location) {
            if (redirects >= MAX_REDIRECTS)
              return { status: 'unknown', reason: `${link} redirects more than ${MAX_REDIRECTS} times` };
            url = new URL(location, url);
            continue;
          }
          const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
          return response.status < 400
            ? { status: 'ok', reason: `${link} answered ${status}` }
            : { status: 'dead', reason: `${link} answered ${status}` };
        }
      } catch (error) {
        const e = error as Error & { cause?: { code?: string }; code?: string };
        const why =
          e.name === 'TimeoutError'
            ? `did not answer within ${timeoutMs / 1000} s`
            : (e.code ?? e.cause?.code ?? e.message);
        return { status: 'unknown', reason: `${link} could not be reached (${why})` };
      }
    },
  };
}
