/** Requests and responses of the company's own set-up (issue 10): the first-run set-up. */
import { z } from 'zod';
import { newPasswordProblem } from '../core/auth/password-rules.ts';
import { lineText } from './text-fields.ts';

/** A workspace's slug: how people and widgets name it (lowercase letters, digits, hyphens). */
export const workspaceSlugSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
    'use 1–40 lowercase letters, digits and hyphens, not starting or ending with a hyphen (e.g. "acme-support")',
  );

export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = newPasswordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const emailSchema = lineText(320).pipe(z.email('must be an email address such as ana@example.com'));

export const setupStatusSchema = z.object({
  /** True while the install has no workspace and waits for its set-up link. */
  needed: z.boolean(),
});

export const setupRequestSchema = z
  .object({
    /** The token of the set-up link printed by `baton start --no-demo`. */
    token: z.string().min(1).max(200),
    companyName: lineText(120).min(1),
    workspace: workspaceSlugSchema,
    adminName: lineText(120).min(1),
    adminEmail: emailSchema,
    adminPassword: newPasswordSchema,
  })
  .strict();
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const setupResponseSchema = z.object({
  workspace: z.object({ slug: z.string(), name: z.string() }),
  admin: z.object({ email: z.string(), name: z.string() }),
  /** Where to sign in next. */
  signInPath: z.string(),
});
