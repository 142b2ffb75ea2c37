export type JudgeErrorOptions = {
  /** The endpoint asked, without credentials or query (safe to log). */
  readonly endpoint?: string | null;
  /** The HTTP status it answered with, when it answered. */
  readonly status?: number | null;
  readonly cause?: unknown;
};

/**
 * The model judge could not be asked: the endpoint was unreachable, too slow, or answered with an error.
 * A reply the model got wrong is not an error: it comes back as an 'unsure' verdict. Messages never carry
 * the API key.
 */
export class JudgeError extends Error {
  override name = 'JudgeError';
  readonly endpoint: string | null;
  readonly status: number | null;

  constructor(message: string, options: JudgeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.endpoint = options.endpoint ?? null;
    this.status = options.status ?? null;
  }
}
