/** Every reason business code refuses a request; the HTTP layer maps each to one status in one table. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NONCE_INVALID',
  'SIGNATURE_INVALID',
  'DEV_WALLETS_DISABLED',
  'IMPORT_INVALID',
  'PAYLOAD_TOO_LARGE',
  'PROJECT_NOT_ACTIVE',
  'LEVEL_TOO_LOW',
  'EXAM_REQUIRED',
  'EXAM_FAILED',
  'EXAM_NOT_AVAILABLE',
  'DAILY_CAP_REACHED',
  'RATE_LIMITED',
  'LEASE_EXPIRED',
  'ASSIGNMENT_CLOSED',
  'IDEMPOTENCY_CONFLICT',
  'ANSWER_INVALID',
  'GOLD_ACCURACY_TOO_LOW',
  'REVIEW_NOT_ALLOWED',
  'REVIEW_CLOSED',
  'ESCROW_EMPTY',
  'STAKE_TOO_LOW',
  'BADGE_REQUIRED',
  'TOKEN_BALANCE_TOO_LOW',
  'NOTHING_TO_CLAIM',
  'CHAIN_REFUSED',
  'CHAIN_UNAVAILABLE',
  'NOT_COMMUNITY_PROJECT',
  'NOTHING_APPROVED',
  'DATASET_ALREADY_PUBLISHED',
  'LICENSE_REQUIRED',
  'DERIVATIVES_NOT_ALLOWED',
  'ASSET_NOT_REGISTERED',
  'INSUFFICIENT_BALANCE',
  'GATEWAY_NOT_CONFIGURED',
  'UPSTREAM_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A refusal with a stable code and a message the person who sent the request can act on. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
