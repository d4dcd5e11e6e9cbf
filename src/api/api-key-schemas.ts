/** Requests and responses of API keys (issue 10, SPEC §11): create with scopes, list, revoke. */
import { z } from 'zod';
import { apiKeyScopes } from '../core/auth/api-key-scopes.ts';
import { lineText } from './text-fields.ts';

export const apiKeyScopeSchema = z.enum(apiKeyScopes, {
  error: `use one of ${apiKeyScopes.join(', ')}`,
});

export const newApiKeySchema = z
  .object({
    /** What the key is for, e.g. "Order system": shown in lists and as the actor of what the key does. */
    name: lineText(80).min(1, 'give the key a name, e.g. "Order system"'),
    scopes: z
      .array(apiKeyScopeSchema)
      .min(1, 'pick at least one scope')
      .max(apiKeyScopes.length * 2),
  })
  .strict();

export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, to recognise it; the rest is never shown again. */
  prefix: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  createdAt: z.string(),
  /** To the minute: a busy key is not stamped on every call. */
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const apiKeyListSchema = z.object({ keys: z.array(apiKeyViewSchema) });

export const createdApiKeySchema = z.object({
  key: apiKeyViewSchema,
  /** The whole key, shown this once: send it as `Authorization: Bearer <secret>`. */
  secret: z.string(),
});
