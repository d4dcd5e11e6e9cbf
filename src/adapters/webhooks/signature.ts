/**
 * How a webhook is signed (issue 12; docs/SECURITY.md "Verifying webhooks"): HMAC-SHA256 with the
 * endpoint's secret over `<timestamp>.<body>`, the timestamp being the `Baton-Timestamp` header
 * (Unix seconds), sent as `Baton-Signature: v1=<hex>`. Signing the timestamp lets a receiver refuse
 * replays of an old delivery; `v1=` leaves room for another scheme alongside during a change.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signWebhook = (secret: string, timestamp: number, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * What a receiver does (used by Baton's own tests as a receiver would): recompute, compare in
 * constant time, and refuse a timestamp further than `toleranceSeconds` from its own clock.
 */
export const verifyWebhook = (
  secret: string,
  headers: { readonly timestamp: string | undefined; readonly signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean => {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
};
