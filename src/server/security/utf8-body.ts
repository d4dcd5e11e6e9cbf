/**
 * Request bodies must be valid UTF-8. Decoding leniently would turn broken bytes into U+FFFD and
 * store text the sender never wrote; refusing says what is wrong (400 invalid_encoding).
 */
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../core/errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

export const requireUtf8Body = createMiddleware(async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.raw.body !== null) {
    // Read once here; Hono keeps the bytes for the route's own parsing.
    const bytes = await c.req.arrayBuffer();
    try {
      decoder.decode(bytes);
    } catch {
      throw new DomainError(
        'invalid_encoding',
        'The request body is not valid UTF-8. Send text encoded as UTF-8.',
      );
    }
  }
  await next();
});
