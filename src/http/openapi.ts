import type { z } from 'zod';
import { errorBody } from '../shared/api.ts';

/** A JSON request body for createRoute. */
export const json = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const errorResponse = {
  content: { 'application/json': { schema: errorBody } },
  description: 'The request was refused; see error.code',
};

/** The success response of a route (200 unless said), plus the error shape every route shares. */
export const ok = <S extends z.ZodType, Status extends number = 200>(
  schema: S,
  description: string,
  status?: Status,
) =>
  ({
    [status ?? 200]: { content: { 'application/json': { schema } }, description },
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
  }) as { [K in Status]: { content: { 'application/json': { schema: S } }; description: string } } & Record<
    400 | 401 | 403 | 404 | 409,
    typeof errorResponse
  >;
