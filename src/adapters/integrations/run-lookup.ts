/**
 * Calls one account-lookup integration over HTTP and turns whatever happens into a LookupOutcome.
 * It never throws: a time-out, an HTTP error, a refused connection or junk JSON each become a
 * recorded outcome, so the handoff still happens and says honestly what could not be checked.
 * Secret values are filled in only at call time and scrubbed from every error text.
 */
import type { LookupOutcome } from '../../core/handoff/lookup-outcome.ts';
import type { IntegrationConfig } from './integration-config.ts';
import { extractFields } from './response-fields.ts';
import { allowedTemplateInputs } from './template-inputs.ts';

/** Values the URL template may use, e.g. `{ 'customer.externalId': 'cus_1001', 'order.number': 'A-17' }`. */
export type LookupContext = Readonly<Record<string, string | null | undefined>>;
export type Secrets = Readonly<Record<string, string | undefined>>;
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

const maxBodyBytes = 1_000_000;

class LookupProblem extends Error {
  constructor(
    readonly status: 'failed' | 'timeout',
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

const fillUrl = (config: IntegrationConfig, context: LookupContext, secrets: Secrets) => {
  const inputs: Record<string, string> = {};
  const url = config.urlTemplate.replace(/\{([A-Za-z0-9_.:]+)\}/g, (_whole, key: string) => {
    if (key.startsWith('secret:')) return encodeURIComponent(secretValue(key.slice(7), secrets));
    // Configuration already refuses other inputs; this keeps a hand-built config from using them.
    if (!allowedTemplateInputs.includes(key)) {
      throw new LookupProblem('failed', `the lookup may not use ${key}: it is not a verified customer value`);
    }
    const value = context[key];
    if (value === null || value === undefined || value === '') {
      throw new LookupProblem('failed', `the lookup needs ${key}, which this conversation does not have`);
    }
    inputs[key] = value;
    return encodeURIComponent(value);
  });
  return { url, inputs };
};

const secretValue = (name: string, secrets: Secrets): string => {
  const value = secrets[name];
  if (value === undefined || value === '')
    throw new LookupProblem('failed', `secret ${name} is not configured`);
  return value;
};

const fillHeaders = (config: IntegrationConfig, secrets: Secrets): Record<string, string> =>
  Object.fromEntries(
    Object.entries(config.headers).map(([header, template]) => [
      header,
      template.replace(/\{secret:([A-Za-z0-9_]+)\}/g, (_whole, name: string) => secretValue(name, secrets)),
    ]),
  );

const redact = (text: string, secrets: Secrets): string =>
  Object.values(secrets)
    .filter((value): value is string => typeof value === 'string' && value.length >= 4)
    .reduce((scrubbed, value) => scrubbed.split(value).join('[secret]'), text);

const fetchJson = async (
  url: string,
  headers: Record<string, string>,
  config: IntegrationConfig,
  fetchImpl: FetchLike,
) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: config.method,
      headers: { accept: 'application/json', ...headers },
      signal: controller.signal,
    });
    const body = await response.text();
    if (!response.ok) {
      throw new LookupProblem('failed', `the service answered HTTP ${response.status}`, response.status);
    }
    if (body.length > maxBodyBytes) throw new LookupProblem('failed', 'the response was too large');
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new LookupProblem('failed', 'the service did not return JSON');
    }
  } catch (error) {
    if (error instanceof LookupProblem) throw error;
    if (controller.signal.aborted) {
      throw new LookupProblem('timeout', `the service did not answer within ${config.timeoutMs} ms`);
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new LookupProblem('failed', `could not reach the service${cause}`);
  } finally {
    clearTimeout(timer);
  }
};

/** Runs one lookup and records its outcome; never throws. */
export const runLookup = async (
  config: IntegrationConfig,
  context: LookupContext,
  secrets: Secrets,
  fetchImpl: FetchLike = fetch,
  clock: () => number = Date.now,
): Promise<LookupOutcome> => {
  const started = clock();
  let inputs: Readonly<Record<string, string>> = {};
  const finish = (
    rest: Pick<LookupOutcome, 'status' | 'fields' | 'error'> & { httpStatus?: number | null },
  ) => {
    const ended = clock();
    return {
      name: config.name,
      label: config.label,
      inputs,
      ...rest,
      latencyMs: ended - started,
      at: new Date(ended).toISOString(),
    };
  };
  try {
    const filled = fillUrl(config, context, secrets);
    inputs = filled.inputs;
    const data = await fetchJson(filled.url, fillHeaders(config, secrets), config, fetchImpl);
    const extracted = extractFields(data, config.fields);
    if (extracted.kind === 'bad') return finish({ status: 'failed', fields: [], error: extracted.reason });
    return finish({ status: 'ok', fields: extracted.fields, error: null });
  } catch (error) {
    const problem =
      error instanceof LookupProblem ? error : new LookupProblem('failed', 'the lookup failed unexpectedly');
    return finish({
      status: problem.status,
      fields: [],
      error: redact(problem.message, secrets),
      httpStatus: problem.httpStatus,
    });
  }
};

/** The integrations configured for a category. */
export const lookupsForCategory = (
  configs: readonly IntegrationConfig[],
  category: string,
): readonly IntegrationConfig[] => configs.filter((config) => config.categories.includes(category));

/** Runs every lookup a category asks for, in parallel, in config order. */
export const runLookupsForCategory = (
  configs: readonly IntegrationConfig[],
  category: string,
  context: LookupContext,
  secrets: Secrets,
  fetchImpl: FetchLike = fetch,
): Promise<readonly LookupOutcome[]> =>
  Promise.all(
    lookupsForCategory(configs, category).map((config) => runLookup(config, context, secrets, fetchImpl)),
  );
