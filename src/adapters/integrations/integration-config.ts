/**
 * Configuration of one account-lookup integration (SPEC §3 step 4, §6): which URL to call for which
 * categories, how to authenticate (headers naming secrets, never holding them), how long to wait,
 * and which response fields to show with which labels.
 */
import { z } from 'zod';
import { templateInputProblems } from './template-inputs.ts';

export const lookupFieldSchema = z.object({
  /** Where the value sits in the JSON response, e.g. `payments[0].amount`. */
  path: z.string().min(1),
  label: z.string().min(1),
  format: z.enum(['money', 'date', 'text']).default('text'),
  /** ISO 4217 currency for `money`, or `currencyPath` to read it from the response. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code such as USD')
    .optional(),
  currencyPath: z.string().min(1).optional(),
  /** An optional field that is absent is left out instead of failing the lookup. */
  optional: z.boolean().default(false),
});

export const integrationConfigSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'name must be lower-case letters, digits, _ or -'),
    /** What it checks, in the customer's words: "your payments". */
    label: z.string().min(1),
    category: z.string().min(1).optional(),
    categories: z.array(z.string().min(1)).default([]),
    urlTemplate: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, 'urlTemplate must be an http:// or https:// address without spaces')
      .superRefine((template, ctx) => {
        for (const message of templateInputProblems(template)) ctx.addIssue({ code: 'custom', message });
      }),
    method: z.literal('GET').default('GET'),
    /** Header values may name secrets as `{secret:NAME}`; the value is filled in at call time. */
    headers: z.record(z.string(), z.string()).default({}),
    timeoutMs: z.number().int().min(50).max(30_000).default(3_000),
    /** Inputs that make this lookup unnecessary: a "latest order" lookup is skipped once the customer names an order. */
    unlessKnown: z.array(z.string().min(1)).default([]),
    fields: z.array(lookupFieldSchema).min(1, 'list at least one field to show'),
  })
  .transform(({ category, categories, ...rest }) => ({
    ...rest,
    categories: [...new Set([...(category ? [category] : []), ...categories])],
  }))
  .refine((config) => config.categories.length > 0, {
    message: 'give the category or categories this lookup serves',
  });

export type IntegrationConfig = z.output<typeof integrationConfigSchema>;
export type IntegrationConfigInput = z.input<typeof integrationConfigSchema>;
export type LookupFieldConfig = z.output<typeof lookupFieldSchema>;

export type IntegrationConfigResult =
  | { readonly kind: 'ok'; readonly config: IntegrationConfig }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Validates one integration config, listing every problem at once. */
export const parseIntegrationConfig = (input: unknown): IntegrationConfigResult => {
  const parsed = integrationConfigSchema.safeParse(input);
  if (parsed.success) return { kind: 'ok', config: parsed.data };
  return {
    kind: 'invalid',
    problems: parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'integration'}: ${issue.message}`,
    ),
  };
};

/** The secret names an integration needs, so start-up can say which are missing. */
export const secretsNeeded = (config: IntegrationConfig): readonly string[] => [
  ...new Set(
    [config.urlTemplate, ...Object.values(config.headers)].flatMap((text) =>
      [...text.matchAll(/\{secret:([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? ''),
    ),
  ),
];
