import { createServer } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { transientDatabaseError } from './database-errors.ts';

/** A port nothing listens on: bound, noted, released. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  await new Promise((closed) => server.close(closed));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

/** What the driver throws when it cannot reach the server. */
const refusedConnection = async (): Promise<unknown> => {
  const client = new pg.Client({ host: '127.0.0.1', port: await closedPort(), user: 'baton', database: 'x' });
  return client.connect().then(
    () => new Error('a server answered on a closed port'),
    (error: unknown) => error,
  );
};

describe('transient database errors', () => {
  it('counts a refused connection, shutdown and start-up states as the database being unavailable', async () => {
    expect(transientDatabaseError(await refusedConnection())).toBe('unavailable');
    for (const code of ['57P01', '57P03', '08006', '53300'])
      expect(transientDatabaseError(Object.assign(new Error('server says'), { code }))).toBe('unavailable');
    expect(transientDatabaseError(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
  });

  it('counts serialisation failures and deadlocks as busy, and nothing else as transient', () => {
    expect(transientDatabaseError(Object.assign(new Error('x'), { code: '40001' }))).toBe('busy');
    expect(transientDatabaseError(Object.assign(new Error('x'), { code: '40P01' }))).toBe('busy');
    expect(transientDatabaseError(Object.assign(new Error('dup'), { code: '23505' }))).toBeNull();
    expect(transientDatabaseError(new TypeError('x is not a function'))).toBeNull();
    const outbound = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(transientDatabaseError(outbound)).toBeNull();
    expect(transientDatabaseError('text')).toBeNull();
  });
});
