import { ApiError, createClient } from '../../shared/client.ts';

/** Listeners told when the API answers 401 outside the sign-in calls, so the app can ask to sign in again. */
const unauthorizedListeners = new Set<() => void>();

/** Calls `listener` whenever the session turns out to be missing or expired. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

async function watchedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (response.status === 401 && !url.includes('/api/auth/') && !url.endsWith('/api/me')) {
    for (const listener of unauthorizedListeners) listener();
  }
  return response;
}

/** The web app's API client: same origin, the session travels in an HttpOnly cookie. */
export const apiClient = createClient({ fetch: watchedFetch });

/** A message for people from anything thrown, preferring the API's own words. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** True when the error means "you are not signed in". */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
