/** Every error a user or client can cause, with a stable snake_case code. */
export type DomainErrorCode =
  | 'invalid_input'
  | 'malformed_json'
  | 'message_empty'
  | 'invalid_characters'
  | 'invalid_encoding'
  | 'message_too_long'
  | 'not_found'
  | 'conversation_not_found'
  | 'unauthenticated'
  | 'session_expired'
  | 'token_invalid'
  | 'token_expired'
  | 'identity_expired'
  | 'forbidden'
  | 'invalid_credentials'
  | 'invalid_transition'
  | 'conflict'
  | 'already_assigned'
  | 'not_resolved'
  | 'already_rated'
  | 'team_in_use'
  | 'tag_invalid'
  | 'too_many_tags'
  | 'payload_too_large'
  | 'rate_limited'
  | 'policy_invalid'
  | 'computation_too_long'
  | 'webhook_url_invalid'
  | 'webhook_url_blocked'
  | 'server_busy'
  | 'database_unavailable'
  | 'internal';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: unknown;
  /** Reportable errors are our fault (log them loudly); the rest are the caller's. */
  readonly isReportable: boolean;

  constructor(code: DomainErrorCode, message: string, details?: unknown, isReportable = false) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.isReportable = isReportable;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
