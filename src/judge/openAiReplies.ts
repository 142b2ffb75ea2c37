import { z } from 'zod';

// Reading what an OpenAI-compatible endpoint answered, for the model judge and the metered gateway alike.

/** The body as JSON, or undefined when it is not JSON (the schema check that follows reports it). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The message of an OpenAI-style error body (`{ error: { message } }`, `{ error }`, `{ message }`), or the body. */
export function errorDetail(text: string): string {
  const body = z
    .union([
      z.object({ error: z.object({ message: z.string() }) }).transform((b) => b.error.message),
      z.object({ error: z.string() }).transform((b) => b.error),
      z.object({ message: z.string() }).transform((b) => b.message),
    ])
    .safeParse(parseJson(text));
  return body.success ? body.data : text;
}

/** An error's message with its causes' (fetch says only "fetch failed"; the cause says ECONNREFUSED). */
export function explain(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 3; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    parts.push(typeof code === 'string' && !e.message.includes(code) ? `${e.message} (${code})` : e.message);
  }
  return parts.join(': ') || String(error);
}
