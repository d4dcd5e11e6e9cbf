/**
 * The workspace's LLM settings (SPEC §1 "the LLM settings", issue 11): which answerer the
 * workspace uses and, for a model, its endpoint. The API key is write-only: it is stored
 * encrypted and never returned, only whether one is set.
 */
import { z } from 'zod';

export const llmModeSchema = z.enum(['environment', 'embedded', 'llm']);

export const llmSettingsViewSchema = z.object({
  /** `environment`: BATON_LLM_* decide (the default); `embedded`: never a model; `llm`: this workspace's own endpoint. */
  mode: llmModeSchema,
  /** What the next turn will use, after the mode is applied. */
  effective: z.object({
    answerer: z.enum(['embedded', 'llm']),
    baseUrl: z.string().nullable(),
    model: z.string().nullable(),
  }),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  hasApiKey: z.boolean(),
  /** 0 before the first save. */
  version: z.number().int().min(0),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});
export type LlmSettingsView = z.infer<typeof llmSettingsViewSchema>;

export const saveLlmSettingsRequestSchema = z
  .object({
    mode: llmModeSchema,
    baseUrl: z
      .string()
      .url('give the endpoint as an http(s) URL, e.g. https://api.openai.com/v1')
      .regex(/^https?:\/\//, 'the endpoint must be http:// or https://')
      .max(500)
      .optional(),
    model: z.string().trim().min(1).max(200).optional(),
    /** A new key; `null` removes the stored one; leave it out to keep the stored one. */
    apiKey: z.string().min(1).max(500).nullable().optional(),
    note: z.string().trim().max(1_000).optional(),
    /** The version the form was loaded from: refused (409 `conflict`) when another was saved since. */
    basedOnVersion: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .refine((input) => input.mode !== 'llm' || (input.baseUrl !== undefined && input.model !== undefined), {
    message: 'mode llm needs baseUrl and model',
    path: ['mode'],
  });
export type SaveLlmSettingsRequest = z.infer<typeof saveLlmSettingsRequestSchema>;

/** "Test connection": the endpoint and model on the form; without apiKey the stored key is used. */
export const testLlmConnectionRequestSchema = z
  .object({
    baseUrl: z
      .string()
      .url('give the endpoint as an http(s) URL, e.g. https://api.openai.com/v1')
      .regex(/^https?:\/\//, 'the endpoint must be http:// or https://')
      .max(500),
    model: z.string().trim().min(1).max(200),
    apiKey: z.string().min(1).max(500).optional(),
  })
  .strict();
export type TestLlmConnectionRequest = z.infer<typeof testLlmConnectionRequestSchema>;

export const llmConnectionResultSchema = z.object({
  ok: z.boolean(),
  latencyMs: z.number().int().min(0),
  /** The model's first words, or why it failed (never the key). */
  message: z.string(),
});
export type LlmConnectionResultView = z.infer<typeof llmConnectionResultSchema>;
