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

const roleSchema = z.enum(['agent', 'specialist', 'qa', 'ops', 'admin']);
const teamKeysSchema = z.array(lineText(60).min(1)).max(50);
const capacitySchema = z.number().int().min(0).max(50);

export const personViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  teamKeys: z.array(z.string()),
  status: z.enum(['available', 'away']),
  capacity: z.number(),
  demo: z.boolean(),
  /** False once deactivated: cannot sign in, never assigned. */
  active: z.boolean(),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const invitationViewSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  teamKeys: z.array(z.string()),
  capacity: z.number(),
  expiresAt: z.string(),
});

export const peopleListSchema = z.object({
  people: z.array(personViewSchema),
  invitations: z.array(invitationViewSchema),
});
export type PeopleListView = z.infer<typeof peopleListSchema>;

export const inviteRequestSchema = z
  .object({
    email: emailSchema,
    name: lineText(120).min(1),
    role: roleSchema.default('agent'),
    teamKeys: teamKeysSchema.default([]),
    capacity: capacitySchema.default(3),
  })
  .strict();

/** A one-time link shown once to the admin who made it (only its hash is stored). */
export const oneTimeLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  /** True when it was also mailed to the person (SMTP configured). */
  mailed: z.boolean(),
});
export type OneTimeLinkView = z.infer<typeof oneTimeLinkSchema>;

export const personChangeSchema = z
  .object({
    role: roleSchema.optional(),
    teamKeys: teamKeysSchema.optional(),
    capacity: capacitySchema.optional(),
  })
  .strict();

export const linkTokenSchema = z.object({ token: z.string().min(1).max(200) }).strict();
export const linkViewSchema = z.object({
  kind: z.enum(['invitation', 'password_reset']),
  email: z.string(),
  name: z.string(),
  workspace: z.string(),
});
export const acceptLinkSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: newPasswordSchema,
    name: lineText(120).min(1).optional(),
  })
  .strict();

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(500), newPassword: newPasswordSchema })
  .strict();

export const ownSessionsSchema = z.array(
  z.object({ createdAt: z.string(), expiresAt: z.string(), current: z.boolean() }),
);
