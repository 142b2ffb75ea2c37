import type { LinkChecker } from '../usecases/ports.ts';

export type HttpLinkCheckerOptions = {
  /** How long a link may take to answer. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof globalThis.fetch;
};

/**
 * Checks links over HTTP: a HEAD request (following redirects), then a GET where a server refuses HEAD. A link
 * works when it answers below 400 within the time limit; the reason says what happened either way.
 */
export function httpLinkChecker(options: HttpLinkCheckerOptions = {}): LinkChecker {
  const timeoutMs = options.timeoutMs ?? 5000;
  const fetch = options.fetch ?? globalThis.fetch;
  const request = (url: string, method: 'HEAD' | 'GET') =>
    fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  return {
    async check(url) {
      try {
        let response = await request(url, 'HEAD');
        if (response.status === 405 || response.status === 501) response = await request(url, 'GET');
        // Only the status matters; the body is not read.
        await response.body?.cancel();
        const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        return response.status < 400
          ? { ok: true, reason: `${url} answered ${status}` }
          : { ok: false, reason: `${url} answered ${status}` };
      } catch (error) {
        const e = error as Error & { cause?: { code?: string } };
        const why =
          e.name === 'TimeoutError'
            ? `did not answer within ${timeoutMs / 1000} s`
            : (e.cause?.code ?? e.message);
        return { ok: false, reason: `${url} could not be reached (${why})` };
      }
    },
  };
}
