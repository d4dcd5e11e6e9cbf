/**
 * Configuration, parsed once from the environment (and `.env`) with every problem listed at once.
 * This is the only module that reads process.env.
 */
import { z } from 'zod';
import { DEFAULT_AI_TURN_CONCURRENCY } from '../app/ai-turn-worker.ts';
import {
  defaultRateLimitSettings,
  parseRate,
  type Rate,
  type RateLimitSettings,
} from './security/rate-limit-settings.ts';

const rate = (fallback: Rate) =>
  z
    .string()
    .transform((text, ctx) => {
      const parsed = parseRate(text);
      if (parsed === null) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be N/<time>, e.g. 20/10m (20 per ten minutes; s, m, h or d)',
        });
        return z.NEVER;
      }
      return parsed;
    })
    .default(fallback);
const limits = defaultRateLimitSettings;

/** The demo's mock account service key: used only while the demo workspace is served. */
export const DEMO_ACCOUNT_KEY = 'demo-account-key';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  BATON_DATABASE_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  BATON_DATA_DIR: z.string().min(1).default('.baton-data'),
  BATON_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BATON_IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BATON_PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  BATON_MAIL_FROM: z.string().min(3).default('Baton <baton@localhost>'),
  /** `baton setup` only: the first admin's password, when no terminal can ask for it. */
  BATON_ADMIN_PASSWORD: z.string().min(1).optional(),
  BATON_WORKSPACE: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be a workspace slug (lowercase letters, digits, hyphens)')
    .optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  CUSTOMER_TOKEN_TTL_DAYS: z.coerce.number().positive().default(30),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BATON_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DEMO_ACCOUNT_SERVICE_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  ACCOUNT_SERVICE_URL: z.string().url().optional(),
  ACCOUNT_SERVICE_TOKEN: z.string().min(1).default(DEMO_ACCOUNT_KEY),
  BATON_INTEGRATIONS_FILE: z.string().min(1).optional(),
  BATON_LLM_BASE_URL: z.string().url('must be an http(s) URL such as http://127.0.0.1:11434/v1').optional(),
  BATON_LLM_API_KEY: z.string().min(1).optional(),
  BATON_LLM_MODEL: z.string().min(1).optional(),
  // Under the AI turn's own 20 s limit, so the provider's fault is what the agent sees.
  BATON_LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(18_000).default(15_000),
  BATON_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(3).default(1),
  BATON_LLM_PRICE_INPUT_PER_MTOK: z.coerce.number().min(0).optional(),
  BATON_LLM_PRICE_OUTPUT_PER_MTOK: z.coerce.number().min(0).optional(),
  BATON_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  BATON_WIDGET_FRAME_ANCESTORS: z.string().min(1).default('*'),
  BATON_LIVE_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .refine(
      (list) =>
        list
          .split(/[\s,]+/)
          .filter(Boolean)
          .every(isOrigin),
      'must be origins like https://desk.example.com (scheme, host and port only), separated by commas',
    ),
  BATON_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  BATON_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  BATON_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1000).max(30_000).default(10_000),
  BATON_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  BATON_WEBHOOK_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  BATON_AI_TURN_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(DEFAULT_AI_TURN_CONCURRENCY),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(limits.signInFailuresPerAccount),
  RATE_LIMIT_SIGN_IN_LOCK_SECONDS: z.coerce.number().int().min(1).default(limits.signInLockSeconds),
  RATE_LIMIT_SIGN_IN_MAX_LOCK_SECONDS: z.coerce.number().int().min(1).default(limits.signInMaxLockSeconds),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_IP: rate(limits.signInFailuresPerIp),
  RATE_LIMIT_NEW_CONVERSATIONS_PER_IP: rate(limits.newConversationsPerIp),
  RATE_LIMIT_MESSAGES_PER_CUSTOMER: rate(limits.messagesPerCustomer),
  RATE_LIMIT_MESSAGES_PER_IP: rate(limits.messagesPerIp),
  RATE_LIMIT_REQUESTS_PER_API_KEY: rate(limits.requestsPerApiKey),
});

/** The OpenAI-compatible model to use (SPEC §13 "LLM settings"); absent: the embedded answerer. */
export interface LlmConfig {
  readonly baseUrl: string;
  readonly apiKey: string | null;
  readonly model: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly prices: { readonly inputPerMillion: number; readonly outputPerMillion: number } | null;
}

/** Secrets that integration headers name as `{secret:NAME}` come from LOOKUP_SECRET_NAME variables. */
const LOOKUP_SECRET_PREFIX = 'LOOKUP_SECRET_';

export interface BatonConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** Reuse the plans of the large statements on a server (off behind old transaction-pooling proxies). */
  readonly preparedStatements: boolean;
  readonly dataDir: string;
  readonly secret: string | undefined;
  readonly identitySecret: string | undefined;
  readonly publicUrl: string | undefined;
  /** Where invitation and reset mails go out (SMTP_URL), and their sender; null: links are only shown. */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | null;
  /** `baton setup`: the first admin's password (BATON_ADMIN_PASSWORD); asked for when absent. */
  readonly adminPassword: string | undefined;
  /** The workspace this process serves; the install's first when absent. */
  readonly workspace: string | undefined;
  readonly sessionTtlHours: number;
  readonly customerTokenTtlDays: number;
  readonly maxMessageChars: number;
  readonly logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** When set, GET /metrics wants it as a bearer token. */
  readonly metricsToken: string | undefined;
  readonly demoAccountServicePort: number;
  readonly accountServiceUrl: string | undefined;
  readonly accountServiceToken: string;
  readonly integrationsFile: string | undefined;
  /** Reverse proxies in front of Baton whose X-Forwarded-For is trusted. */
  readonly trustedProxyHops: number;
  /** Origins allowed to embed the chat page (CSP frame-ancestors). */
  readonly widgetFrameAncestors: readonly string[];
  /** Origins besides Baton's own (and BATON_PUBLIC_URL's) whose pages may open the live socket. */
  readonly liveAllowedOrigins: readonly string[];
  readonly rateLimits: RateLimitSettings | 'off';
  /** Secrets for account lookups, by name; never logged. */
  readonly lookupSecrets: Readonly<Record<string, string>>;
  /** The configured LLM, or null for the embedded answerer. */
  readonly llm: LlmConfig | null;
  /** Outbound webhooks: private destinations allowed (BATON_WEBHOOK_ALLOW_PRIVATE), timeout, attempts. */
  readonly webhooks: WebhookConfig;
  /** AI turns this process runs at once (BATON_AI_TURN_CONCURRENCY); more wait as queued jobs. */
  readonly aiTurnConcurrency: number;
}

export interface WebhookConfig {
  readonly allowPrivate: boolean;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  /** Days a finished delivery stays in the delivery log (BATON_WEBHOOK_LOG_DAYS). */
  readonly logDays: number;
}

/** An origin as a browser sends it: scheme, host and port, nothing after. */
function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Baton's configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const MAKE_SECRET = 'make one with `openssl rand -hex 32`';

/**
 * In production (NODE_ENV=production, or a public URL set) Baton does not invent its secrets: every
 * process sharing the database needs the same BATON_SECRET, and the identity secret (which the
 * company's backend holds) must be its own, so a leak of one cannot forge the other.
 */
const productionSecretProblems = (
  production: boolean,
  c: {
    BATON_PUBLIC_URL?: string | undefined;
    BATON_SECRET?: string | undefined;
    BATON_IDENTITY_SECRET?: string | undefined;
  },
): string[] => {
  if (!production && c.BATON_PUBLIC_URL === undefined) return [];
  const problems: string[] = [];
  if (c.BATON_SECRET === undefined) {
    problems.push(
      `BATON_SECRET: required in production (NODE_ENV=production or BATON_PUBLIC_URL set); ${MAKE_SECRET} and give every Baton process on the database the same value`,
    );
  }
  if (c.BATON_IDENTITY_SECRET === undefined) {
    problems.push(
      `BATON_IDENTITY_SECRET: required in production, separate from BATON_SECRET (your backend signs identified customers with it); ${MAKE_SECRET}`,
    );
  } else if (c.BATON_IDENTITY_SECRET === c.BATON_SECRET) {
    problems.push(
      `BATON_IDENTITY_SECRET: must differ from BATON_SECRET, so one leaked secret cannot forge the other; ${MAKE_SECRET}`,
    );
  }
  return problems;
};

/** The server's check (`baton start`): throws ConfigError with every missing production secret. CLI tools skip it. */
export const requireProductionSecrets = (
  env: Readonly<Record<string, string | undefined>> = process.env,
  config: Pick<BatonConfig, 'secret' | 'identitySecret' | 'publicUrl'> = loadConfig(env),
): void => {
  const problems = productionSecretProblems(env.NODE_ENV === 'production', {
    BATON_PUBLIC_URL: config.publicUrl,
    BATON_SECRET: config.secret,
    BATON_IDENTITY_SECRET: config.identitySecret,
  });
  if (problems.length > 0) throw new ConfigError(problems);
};

/** Parses settings from an environment record (process.env by default). Empty strings count as unset. */
export const loadConfig = (env: Readonly<Record<string, string | undefined>> = process.env): BatonConfig => {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const c = parsed.data;
  if (c.BATON_LLM_BASE_URL && !c.BATON_LLM_MODEL) {
    throw new ConfigError([
      'BATON_LLM_MODEL: name the model to use with BATON_LLM_BASE_URL (e.g. gpt-4o-mini, llama3.1)',
    ]);
  }
  const prices =
    c.BATON_LLM_PRICE_INPUT_PER_MTOK !== undefined || c.BATON_LLM_PRICE_OUTPUT_PER_MTOK !== undefined
      ? {
          inputPerMillion: c.BATON_LLM_PRICE_INPUT_PER_MTOK ?? 0,
          outputPerMillion: c.BATON_LLM_PRICE_OUTPUT_PER_MTOK ?? 0,
        }
      : null;
  return Object.freeze({
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    preparedStatements: c.BATON_DATABASE_PREPARED_STATEMENTS === 'true',
    dataDir: c.BATON_DATA_DIR,
    secret: c.BATON_SECRET,
    identitySecret: c.BATON_IDENTITY_SECRET,
    publicUrl: c.BATON_PUBLIC_URL,
    workspace: c.BATON_WORKSPACE,
    adminPassword: c.BATON_ADMIN_PASSWORD,
    mail: c.SMTP_URL ? { smtpUrl: c.SMTP_URL, from: c.BATON_MAIL_FROM } : null,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    customerTokenTtlDays: c.CUSTOMER_TOKEN_TTL_DAYS,
    maxMessageChars: c.MAX_MESSAGE_CHARS,
    logLevel: c.LOG_LEVEL,
    metricsToken: c.BATON_METRICS_TOKEN,
    demoAccountServicePort: c.DEMO_ACCOUNT_SERVICE_PORT,
    accountServiceUrl: c.ACCOUNT_SERVICE_URL,
    accountServiceToken: c.ACCOUNT_SERVICE_TOKEN,
    integrationsFile: c.BATON_INTEGRATIONS_FILE,
    trustedProxyHops: c.BATON_TRUST_PROXY_HOPS,
    widgetFrameAncestors: Object.freeze(c.BATON_WIDGET_FRAME_ANCESTORS.split(/[\s,]+/).filter(Boolean)),
    liveAllowedOrigins: Object.freeze([
      ...(c.BATON_PUBLIC_URL ? [new URL(c.BATON_PUBLIC_URL).origin] : []),
      ...c.BATON_LIVE_ALLOWED_ORIGINS.split(/[\s,]+/).filter(Boolean),
    ]),
    rateLimits:
      c.BATON_RATE_LIMITS === 'off'
        ? 'off'
        : Object.freeze({
            signInFailuresPerAccount: c.RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT,
            signInLockSeconds: c.RATE_LIMIT_SIGN_IN_LOCK_SECONDS,
            signInMaxLockSeconds: c.RATE_LIMIT_SIGN_IN_MAX_LOCK_SECONDS,
            signInFailuresPerIp: c.RATE_LIMIT_SIGN_IN_FAILURES_PER_IP,
            newConversationsPerIp: c.RATE_LIMIT_NEW_CONVERSATIONS_PER_IP,
            messagesPerCustomer: c.RATE_LIMIT_MESSAGES_PER_CUSTOMER,
            messagesPerIp: c.RATE_LIMIT_MESSAGES_PER_IP,
            requestsPerApiKey: c.RATE_LIMIT_REQUESTS_PER_API_KEY,
          }),
    aiTurnConcurrency: c.BATON_AI_TURN_CONCURRENCY,
    webhooks: Object.freeze({
      allowPrivate: c.BATON_WEBHOOK_ALLOW_PRIVATE === 'true',
      timeoutMs: c.BATON_WEBHOOK_TIMEOUT_MS,
      maxAttempts: c.BATON_WEBHOOK_MAX_ATTEMPTS,
      logDays: c.BATON_WEBHOOK_LOG_DAYS,
    }),
    lookupSecrets: Object.freeze({
      ACCOUNT_SERVICE_TOKEN: c.ACCOUNT_SERVICE_TOKEN,
      ...Object.fromEntries(
        Object.entries(cleaned)
          .filter(([key]) => key.startsWith(LOOKUP_SECRET_PREFIX))
          .map(([key, value]) => [key.slice(LOOKUP_SECRET_PREFIX.length), String(value)]),
      ),
    }),
    llm:
      c.BATON_LLM_BASE_URL && c.BATON_LLM_MODEL
        ? Object.freeze({
            baseUrl: c.BATON_LLM_BASE_URL,
            apiKey: c.BATON_LLM_API_KEY ?? null,
            model: c.BATON_LLM_MODEL,
            timeoutMs: c.BATON_LLM_TIMEOUT_MS,
            maxRetries: c.BATON_LLM_MAX_RETRIES,
            prices,
          })
        : null,
  });
};
