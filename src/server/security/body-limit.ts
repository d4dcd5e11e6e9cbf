/**
 * The size bound of a request body. A body that declares its length is judged by that header:
 * Node's parser never delivers more than it, so nothing needs counting. Only a streamed body (no
 * length, or chunked) is counted as it arrives, by hono's reader.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export const limitBody = (
  maxSize: number,
  onTooLarge: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler => {
  const counted = bodyLimit({ maxSize, onError: onTooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    const bytes = Number(length);
    if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes > maxSize) return onTooLarge(c);
    return next();
  };
};
