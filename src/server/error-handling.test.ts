import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { errorHandler, validationHook } from './error-handling.ts';

/** An app whose one route throws `error`, with what the handler reported. */
const failingWith = (error: Error) => {
  const reported: unknown[] = [];
  const app = new Hono();
  app.get('/x', () => {
    throw error;
  });
  app.onError(errorHandler((thrown) => reported.push(thrown)));
  return { app, reported };
};

describe('the error handler', () => {
  it('answers an unreachable database with 503, a stable code and Retry-After, and reports it', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { app, reported } = failingWith(refused);
    const response = await app.request('/x');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: { code: 'database_unavailable' } });
    expect(reported).toEqual([refused]);
  });

  it('answers a deadlock as busy, a domain error by its code, and anything else as 500', async () => {
    const deadlock = await failingWith(
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
    ).app.request('/x');
    expect([deadlock.status, deadlock.headers.get('retry-after')]).toEqual([503, '1']);
    expect(await deadlock.json()).toMatchObject({ error: { code: 'server_busy' } });
    const domain = await failingWith(new DomainError('not_found', 'No such thing.')).app.request('/x');
    expect(domain.status).toBe(404);
    const bug = await failingWith(new TypeError('x is not a function')).app.request('/x');
    expect(bug.status).toBe(500);
    expect(await bug.json()).toMatchObject({ error: { code: 'internal' } });
  });
});

describe('the validation hook', () => {
  const app = new Hono();
  app.get('/search', zValidator('query', z.strictObject({ q: z.string().optional() }), validationHook), (c) =>
    c.json({ ok: true }),
  );
  app.post('/notes', zValidator('json', z.strictObject({ text: z.string() }), validationHook), (c) =>
    c.json({ ok: true }),
  );
  app.onError(errorHandler(() => undefined));

  it('names the query string, not a body, when a query parameter is unknown', async () => {
    const response = await app.request('/search?limit=5');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^The request is not valid: query: .*"limit"/);
  });

  it('names the body when the JSON is not an object', async () => {
    const array = await app.request('/notes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(((await array.json()) as { error: { message: string } }).error.message).toMatch(/: body: /);
  });

  it('says how to send a body of a type the route does not take (the OpenAPI routes refuse it with 415)', async () => {
    const response = await failingWith(
      new HTTPException(415, { message: 'Unsupported Media Type' }),
    ).app.request('/x');
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Send the body as JSON, with the header Content-Type: application/json.',
      },
    });
  });
});
