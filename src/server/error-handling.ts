/** How every Baton HTTP app answers invalid input and errors: one JSON error body with a stable code. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { transientDatabaseError } from '../adapters/store/database-errors.ts';
import { isDomainError } from '../core/errors.ts';
import { errorBody, statusOf } from './http-errors.ts';

const retryAfterSeconds = (details: unknown): number | null => {
  const seconds =
    typeof details === 'object' && details !== null ? Reflect.get(details, 'retryAfterSeconds') : undefined;
  return typeof seconds === 'number' ? seconds : null;
};

/** Lists every invalid field of a request at once. */
type ValidationResult = { readonly target?: string } & (
  | { readonly success: true }
  | { readonly success: false; readonly error: { readonly issues: readonly ZodIssueLike[] } }
);
interface ZodIssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** What an issue about the whole of a part of the request names: the JSON body, the query string, the path. */
const partNames: Readonly<Record<string, string>> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'headers',
  cookie: 'cookies',
};

export const validationHook = (result: ValidationResult, c: Context) => {
  if (!result.success) {
    const whole = partNames[result.target ?? 'json'] ?? 'body';
    const problems = result.error.issues.map((i) => `${i.path.map(String).join('.') || whole}: ${i.message}`);
    return c.json(
      errorBody('invalid_input', `The request is not valid: ${problems.join('; ')}.`, problems),
      400,
    );
  }
};

export const errorHandler =
  (reportError: (error: unknown, context: Record<string, unknown>) => void) => (error: Error, c: Context) => {
    if (isDomainError(error)) {
      if (error.isReportable) reportError(error, { path: c.req.path });
      const retryAfter = retryAfterSeconds(error.details);
      if (retryAfter !== null) c.header('Retry-After', String(retryAfter));
      return c.json(errorBody(error.code, error.message, error.details), statusOf[error.code]);
    }
    if (error instanceof HTTPException && error.status === 400) {
      return c.json(
        errorBody('malformed_json', 'The request body is not valid JSON. Check quotes and commas.'),
        400,
      );
    }
    if (error instanceof HTTPException && error.status === 415) {
      return c.json(
        errorBody('invalid_input', 'Send the body as JSON, with the header Content-Type: application/json.'),
        415,
      );
    }
    if (error instanceof HTTPException) {
      return c.json(errorBody('invalid_input', error.message), error.status);
    }
    reportError(error, { path: c.req.path, method: c.req.method });
    const transient = transientDatabaseError(error);
    if (transient === 'unavailable') {
      c.header('Retry-After', '5');
      return c.json(
        errorBody(
          'database_unavailable',
          'The database cannot be reached right now and nothing was stored. Try again in a few seconds.',
        ),
        503,
      );
    }
    if (transient === 'busy') {
      c.header('Retry-After', '1');
      return c.json(
        errorBody(
          'server_busy',
          'Another change to the same data got there first; nothing was stored. Try again.',
        ),
        503,
      );
    }
    return c.json(
      errorBody('internal', 'Something went wrong on our side. Try again; if it persists, tell the admin.'),
      500,
    );
  };
