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
  LEASE_EXPIRED: 410,
  ASSIGNMENT_CLOSED: 409,
  IDEMPOTENCY_CONFLICT: 409,
  ANSWER_INVALID: 422,
};
