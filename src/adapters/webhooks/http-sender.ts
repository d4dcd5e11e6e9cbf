/**
 * Sends one webhook attempt over HTTP(S) with node's own client (issue 12). It never follows a
 * redirect (a 3xx is the attempt's answer), gives up after the timeout, reads at most a little of
 * the receiver's reply, and — unless private destinations are allowed — refuses to connect to any
 * address that is not public: the check runs on every address DNS returns, at connect time, so a
 * name that resolves to 169.254.169.254 or 127.0.0.1 (or changes to one after registration) is refused.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from '../../core/webhooks/destination.ts';
import type { AttemptResult } from '../../core/webhooks/retry-schedule.ts';

export interface WebhookRequest {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
}

export type WebhookSender = (request: WebhookRequest) => Promise<AttemptResult>;

const MAX_REPLY_BYTES = 64 * 1024;

class BlockedAddressError extends Error {}

/** DNS lookup that fails when any address of the name is not public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 4);
      return;
    }
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    const first = addresses[0];
    if (blocked !== undefined || first === undefined) {
      const address = blocked?.address ?? 'no address';
      callback(
        new BlockedAddressError(`${hostname} resolves to ${address}, which is not a public address`),
        '',
        4,
      );
      return;
    }
    if (options.all === true) {
      // node's typings know only the single-address form of the callback; with `all` it takes the list.
      Reflect.apply(callback, undefined, [null, addresses]);
      return;
    }
    callback(null, first.address, first.family);
  });
};

const retryAfterSeconds = (value: string | string[] | undefined): number | null => {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return null;
  const seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
};

const unbracketed = (hostname: string): string =>
  hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;

export const sendWebhookOverHttp: WebhookSender = (request) =>
  new Promise<AttemptResult>((resolve) => {
    const url = new URL(request.url);
    const host = unbracketed(url.hostname);
    // An address literal never goes through the lookup: check it here.
    if (!request.allowPrivate && /^[\d.]+$|:/.test(host) && !isPublicAddress(host)) {
      resolve({ kind: 'network_error', message: `${host} is not a public address` });
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        ...(request.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_REPLY_BYTES) response.destroy();
        });
        const answered = () =>
          finish({
            kind: 'response',
            status: response.statusCode ?? 0,
            retryAfterSeconds: retryAfterSeconds(response.headers['retry-after']),
          });
        response.on('end', answered);
        response.on('close', answered);
        response.on('error', answered);
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    outgoing.on('error', (error) => finish({ kind: 'network_error', message: error.message.slice(0, 500) }));
    outgoing.end(request.body);
  });
