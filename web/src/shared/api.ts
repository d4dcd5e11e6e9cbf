/** Calls to Baton's API, typed with the same schemas the server validates with. */
import type { ErrorBody } from '../../../src/api/schemas.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Structured problems the server listed (e.g. each invalid field with its path). */
    readonly details?: unknown,
    /** The server's Retry-After, in seconds, when it said when to try again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && 'error' in value && typeof value.error === 'object';

export const apiCall = async <T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<T> => {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    const seconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null;
    if (isErrorBody(payload)) {
      const { code, message, details } = payload.error;
      throw new ApiError(response.status, code, message, details, seconds);
    }
    throw new ApiError(
      response.status,
      'network',
      `The server answered ${response.status}. Try again.`,
      undefined,
      seconds,
    );
  }
  return payload as T;
};

export const newIdempotencyKey = (): string => crypto.randomUUID();
