import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { errorHandler } from './error-handling.ts';

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
