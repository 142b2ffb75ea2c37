/** A failure talking to the chain or in a transaction; carries the underlying error as its cause. */
export class ChainError extends Error {
  override readonly name = 'ChainError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
