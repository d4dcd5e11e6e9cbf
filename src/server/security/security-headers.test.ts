import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton({ withWeb: true });
});
afterAll(async () => baton?.close());

const headersOf = async (path: string) => (await fetch(`${baton.url}${path}`)).headers;

describe('security headers', () => {
  it.each(['/agent', '/ops', '/planner', '/', '/api/health'])(
    '%s may not be framed and is not sniffed',
    async (path) => {
      const headers = await headersOf(path);
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('lets any site frame the customer chat (the widget embeds it), still with a CSP', async () => {
    const headers = await headersOf('/chat?embedded=1');
    expect(headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('x-frame-options')).toBeNull();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets other sites load widget.js', async () => {
    const headers = await headersOf('/widget.js');
    expect(headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

/** Sends raw bytes on a fresh connection and returns all the server wrote back before closing. */
const rawExchange = (head: string, body: Buffer | string) => {
  const { port } = new URL(baton.url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(head);
      socket.write(body);
    });
    let text = '';
    socket.on('data', (chunk) => {
      text += String(chunk);
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    socket.setTimeout(20_000, () => socket.destroy(new Error('no answer')));
  });
};

describe('an oversized body', () => {
  it('gets 413 payload_too_large with Connection: close, and the server goes on', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(300 * 1024) });
    const reply = await rawExchange(
      `POST /api/widget/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`,
      body,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply.toLowerCase()).toContain('connection: close');
    expect(reply).toContain('"code":"payload_too_large"');
    expect((await fetch(`${baton.url}/api/health`)).status).toBe(200);
  });

  it('is counted as it arrives when it declares no length (chunked), and refused past the bound', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const chunks = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const reply = await rawExchange(
      'POST /api/widget/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      `${chunks}0\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toContain('"code":"payload_too_large"');
    expect((await fetch(`${baton.url}/api/health`)).status).toBe(200);
  });
});

describe('a body that is not UTF-8', () => {
  it('gets 400 invalid_encoding, and a chunked UTF-8 body is read as usual', async () => {
    const broken = Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const refused = await rawExchange(
      `POST /api/widget/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${broken.length}\r\nConnection: close\r\n\r\n`,
      broken,
    );
    expect(refused).toMatch(/^HTTP\/1\.1 400/);
    expect(refused).toContain('"code":"invalid_encoding"');

    const body = '{}';
    const started = await rawExchange(
      'POST /api/widget/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    );
    expect(started).toMatch(/^HTTP\/1\.1 201/);
    expect(started).toContain('"token"');
  });
});
