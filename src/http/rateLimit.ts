import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors.ts';
import type { Actor, Clock, RateLimitStore } from '../usecases/ports.ts';

export type RateKind = 'signIn' | 'submit' | 'export';

/** Fixed-window limits: how many requests of a kind per window, per account and per client address. */
export type RateLimits = Record<RateKind, { windowSeconds: number; perAccount: number; perAddress: number }>;

export type RateLimiting = {
  limits: RateLimits;
  store: RateLimitStore;
  clock: Clock;
  /** Take the client's address from the last X-Forwarded-For entry (the one our own load balancer wrote). */
  trustProxy: boolean;
};

const WHAT: Record<RateKind, string> = {
  signIn: 'sign-in attempts',
  submit: 'answers and reviews',
  export: 'exports',
};

/** The address the request came from: the socket's, or the load balancer's word for it when trusted. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

/**
 * Counts the request against its account's and its address's window and refuses it with 429 and Retry-After
 * once either is over the limit. Runs after authentication, so the account is known where there is one.
 */
export function rateLimit(
  limiting: RateLimiting | null,
  kind: RateKind,
): MiddlewareHandler<{ Variables: { actor: Actor | null } }> {
  return async (c, next) => {
    if (!limiting) return next();
    const limit = limiting.limits[kind];
    const windowMs = limit.windowSeconds * 1000;
    const now = limiting.clock.now().getTime();
    const windowStart = new Date(now - (now % windowMs));
    const actor = c.get('actor');
    const keys = [`${kind}:address:${clientAddress(c, limiting.trustProxy)}`];
    if (actor) keys.push(`${kind}:account:${actor.id}`);
    const [byAddress, byAccount] = await limiting.store.hit(keys, windowStart);
    const over = (byAccount ?? 0) > limit.perAccount || (byAddress ?? 0) > limit.perAddress;
    if (over) {
      const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now) / 1000);
      c.header('retry-after', String(retryAfter));
      const allowed = (byAccount ?? 0) > limit.perAccount ? limit.perAccount : limit.perAddress;
      const from = (byAccount ?? 0) > limit.perAccount ? 'this account' : 'your address';
      throw new DomainError(
        'RATE_LIMITED',
        `too many ${WHAT[kind]} from ${from}: at most ${allowed} per ${windowLabel(limit.windowSeconds)}; try again in ${retryAfter} s`,
        { retryAfterSeconds: retryAfter },
      );
    }
    return next();
  };
}

const windowLabel = (seconds: number) =>
  seconds === 60 ? 'minute' : seconds === 3600 ? 'hour' : `${seconds} seconds`;
