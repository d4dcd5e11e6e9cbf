/**
 * Request bodies must be valid UTF-8. Decoding leniently would turn broken bytes into U+FFFD and
 * store text the sender never wrote; refusing says what is wrong (400 invalid_encoding).
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../core/errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether the request says it carries a body, from its headers alone: asking the request object
 * for its body stream would build a whole web Request around the socket for every write.
 */
export const declaresBody = (c: Context): boolean => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return false;
  if (c.req.header('transfer-encoding') !== undefined) return true;
  const length = c.req.header('content-length');
  return length !== undefined && length !== '0';
};

export const requireUtf8Body = createMiddleware(async (c, next) => {
  if (declaresBody(c)) {
    // Read once, as bytes, and checked; the text is kept so the route's own parsing reuses it.
    const bytes = await c.req.arrayBuffer();
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new DomainError(
        'invalid_encoding',
        'The request body is not valid UTF-8. Send text encoded as UTF-8.',
      );
    }
    // Hono keeps each reading of a body as a promise in `bodyCache` (its type names the resolved
    // values) and a JSON route's parser looks for the text first: it parses this text instead of
    // reading the bytes again through a web Response.
    Object.assign(c.req.bodyCache, { text: Promise.resolve(text) });
  }
  await next();
});
