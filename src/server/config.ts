/**
 * Configuration, parsed once from the environment (and `.env`) with every problem listed at once.
 * This is the only module that reads process.env.
 */
import { z } from 'zod';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  BATON_DATA_DIR: z.string().min(1).default('.baton-data'),
  BATON_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BATON_IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BATON_PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  CUSTOMER_TOKEN_TTL_DAYS: z.coerce.number().positive().default(30),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BATON_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DEMO_ACCOUNT_SERVICE_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  ACCOUNT_SERVICE_URL: z.string().url().optional(),
  ACCOUNT_SERVICE_TOKEN: z.string().min(1).default('demo-account-key'),
  BATON_INTEGRATIONS_FILE: z.string().min(1).optional(),
});

/** Secrets that integration headers name as `{secret:NAME}` come from LOOKUP_SECRET_NAME variables. */
const LOOKUP_SECRET_PREFIX = 'LOOKUP_SECRET_';

export interface BatonConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly secret: string | undefined;
  readonly identitySecret: string | undefined;
  readonly publicUrl: string | undefined;
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
  /** Secrets for account lookups, by name; never logged. */
  readonly lookupSecrets: Readonly<Record<string, string>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Baton's configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

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
  return Object.freeze({
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.BATON_DATA_DIR,
    secret: c.BATON_SECRET,
    identitySecret: c.BATON_IDENTITY_SECRET,
    publicUrl: c.BATON_PUBLIC_URL,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    customerTokenTtlDays: c.CUSTOMER_TOKEN_TTL_DAYS,
    maxMessageChars: c.MAX_MESSAGE_CHARS,
    logLevel: c.LOG_LEVEL,
    metricsToken: c.BATON_METRICS_TOKEN,
    demoAccountServicePort: c.DEMO_ACCOUNT_SERVICE_PORT,
    accountServiceUrl: c.ACCOUNT_SERVICE_URL,
    accountServiceToken: c.ACCOUNT_SERVICE_TOKEN,
    integrationsFile: c.BATON_INTEGRATIONS_FILE,
    lookupSecrets: Object.freeze({
      ACCOUNT_SERVICE_TOKEN: c.ACCOUNT_SERVICE_TOKEN,
      ...Object.fromEntries(
        Object.entries(cleaned)
          .filter(([key]) => key.startsWith(LOOKUP_SECRET_PREFIX))
          .map(([key, value]) => [key.slice(LOOKUP_SECRET_PREFIX.length), String(value)]),
      ),
    }),
  });
};
