/** One table from domain error codes to HTTP statuses, and the JSON body every error has. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../api/schemas.ts';
import { errorBodySchema } from '../api/schemas.ts';
import type { DomainErrorCode } from '../core/errors.ts';

export const statusOf: Readonly<Record<DomainErrorCode, ContentfulStatusCode>> = {
  invalid_input: 400,
  malformed_json: 400,
  message_empty: 400,
  invalid_characters: 400,
  invalid_encoding: 400,
  message_too_long: 413,
  payload_too_large: 413,
  policy_invalid: 422,
  computation_too_long: 422,
  webhook_url_invalid: 400,
  webhook_url_blocked: 400,
  server_busy: 503,
  database_unavailable: 503,
  invalid_transition: 409,
  conflict: 409,
  already_assigned: 409,
  not_resolved: 409,
  already_rated: 409,
  team_in_use: 409,
  tag_invalid: 400,
  too_many_tags: 409,
  unauthenticated: 401,
  session_expired: 401,
  token_invalid: 401,
  token_expired: 401,
  identity_expired: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conversation_not_found: 404,
  rate_limited: 429,
  internal: 500,
};

export const errorBody = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const json = { 'application/json': { schema: errorBodySchema } };

/** The error responses a route documents in /openapi.json. */
export const errorResponses = {
  400: { description: 'Invalid input (code says which)', content: json },
  401: { description: 'Not signed in, or the token is invalid or expired', content: json },
  403: { description: 'Not allowed', content: json },
  404: { description: 'Not found', content: json },
  409: { description: 'The conversation is not in a state that allows this', content: json },
  413: { description: 'Too large', content: json },
  429: { description: 'Too many requests: wait the Retry-After seconds (code rate_limited)', content: json },
} as const;
