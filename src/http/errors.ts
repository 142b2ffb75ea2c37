import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../domain/errors.ts';

/** The one table from business error codes to HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NONCE_INVALID: 401,
  SIGNATURE_INVALID: 401,
  DEV_WALLETS_DISABLED: 403,
  IMPORT_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  PROJECT_NOT_ACTIVE: 409,
  LEVEL_TOO_LOW: 403,
  EXAM_REQUIRED: 403,
  EXAM_FAILED: 403,
  EXAM_NOT_AVAILABLE: 409,
  DAILY_CAP_REACHED: 429,
  RATE_LIMITED: 429,
  LEASE_EXPIRED: 410,
  ASSIGNMENT_CLOSED: 409,
  IDEMPOTENCY_CONFLICT: 409,
  ANSWER_INVALID: 422,
  GOLD_ACCURACY_TOO_LOW: 403,
  REVIEW_NOT_ALLOWED: 403,
  REVIEW_CLOSED: 409,
  ESCROW_EMPTY: 409,
  STAKE_TOO_LOW: 403,
  BADGE_REQUIRED: 403,
  TOKEN_BALANCE_TOO_LOW: 403,
  NOTHING_TO_CLAIM: 409,
  CHAIN_REFUSED: 422,
  CHAIN_UNAVAILABLE: 503,
  NOT_COMMUNITY_PROJECT: 409,
  NOTHING_APPROVED: 409,
  DATASET_ALREADY_PUBLISHED: 409,
  // Payment Required: the person can use the asset once they buy a license, and the message says how.
  LICENSE_REQUIRED: 402,
  DERIVATIVES_NOT_ALLOWED: 403,
  ASSET_NOT_REGISTERED: 409,
  // Payment Required again: the caller's prepaid gateway budget cannot cover the call; the message says how to top up.
  INSUFFICIENT_BALANCE: 402,
  GATEWAY_NOT_CONFIGURED: 409,
  // The model's upstream failed: a bad gateway, never our 500.
  UPSTREAM_FAILED: 502,
};
