/** Small helpers for talking to a running Baton over real HTTP in tests. */
export interface JsonResponse {
  readonly status: number;
  readonly body: Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };
  readonly headers: Headers;
}

export const request = async (
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; token?: string; cookie?: string } = {},
): Promise<JsonResponse> => {
  const headers: Record<string, string> = {};
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const send = () =>
    fetch(`${base}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? null : JSON.stringify(options.body)),
    });
  // A keep-alive connection the server closed just as it was reused fails with ECONNRESET; a
  // read is safe to send again (writes are not retried here: their tests use idempotency keys).
  const response = await send().catch((error: unknown) => {
    if (method !== 'GET') throw error;
    return send();
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
};

/** Polls until `check` returns a value, for work the server finishes in the background. */
export const eventually = async <T>(
  check: () => Promise<T | null | undefined>,
  timeoutMs = 15_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * Sends a write that carries an idempotency key, retrying network failures (to `fallbackBase` when
 * given, as a load balancer would route around a dead process); null when it was never acknowledged.
 */
export const sendIdempotent = async (
  bases: readonly string[],
  path: string,
  options: { body: unknown; token: string },
  attempts = 3,
): Promise<JsonResponse | null> => {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const base = bases[attempt % bases.length];
    if (base === undefined) return null;
    try {
      return await request(base, 'POST', path, options);
    } catch {
      // Connection refused or reset: the same key makes the retry safe.
    }
  }
  return null;
};
