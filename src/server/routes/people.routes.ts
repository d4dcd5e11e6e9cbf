/** People (issue 10): the admin's people list, invitations, changes, deactivation and resets; your own password and sessions. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import {
  acceptLinkSchema,
  changePasswordSchema,
  inviteRequestSchema,
  linkTokenSchema,
  linkViewSchema,
  oneTimeLinkSchema,
  ownSessionsSchema,
  peopleListSchema,
  personChangeSchema,
  personViewSchema,
} from '../../api/company-schemas.ts';
import {
  acceptLink,
  changeOwnPassword,
  changePerson,
  deactivatePerson,
  invitePerson,
  listPeople,
  openLink,
  ownSessions,
  passwordResetLink,
} from '../../app/company/people.ts';
import { peopleLinkMail } from '../../app/company/people-mail.ts';
import { widgetSettingsOf } from '../../app/company/workspace-settings.ts';
import type { Agent } from '../../core/model.ts';
import type { PeopleLink } from '../../core/ports/store.ts';
import { linkBase } from '../../core/workspace/link-base.ts';
import { hashSessionToken } from '../auth/agent-sessions.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent, SESSION_COOKIE, sessionTokenOf } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParam = z.object({ id: z.string().min(1).max(100) });

const presentPerson = (person: Agent) => ({
  id: person.id,
  email: person.email,
  name: person.name,
  role: person.role,
  teamKeys: [...person.teamKeys],
  status: person.status,
  capacity: person.capacity,
  demo: person.demo,
  active: person.active,
});

/** Shows the link to the admin, and mails it when SMTP is set up; a mail that fails is reported, the link still shown. */
const deliverLink = async (deps: ServerDeps, origin: string, token: string, link: PeopleLink) => {
  const { publicUrl } = await widgetSettingsOf(deps.app.store, deps.app.workspace.id);
  const url = `${linkBase(publicUrl, origin)}/join?token=${token}`;
  let mailed = false;
  if (deps.mailer) {
    try {
      await deps.mailer.send(peopleLinkMail(link, deps.app.workspace.name, url));
      mailed = true;
    } catch (error) {
      deps.app.reportError(error, { during: 'people_link_mail', kind: link.kind });
    }
  }
  return { url, expiresAt: link.expiresAt.toISOString(), mailed };
};

export const peopleRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  const origin = (url: string) => new URL(url).origin;
  routes.use('/api/people', requireAgent(deps));
  routes.use('/api/people/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/people',
      summary: 'Everyone in the workspace and the pending invitations (admins)',
      responses: { 200: { description: 'People', content: json(peopleListSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { people, invitations } = await listPeople(ctx, c.var.agent);
      const pending = invitations.map(({ email, name, role, teamKeys, capacity, expiresAt }) => ({
        ...{ email, name, role, capacity, teamKeys: [...teamKeys] },
        expiresAt: expiresAt.toISOString(),
      }));
      return c.json({ people: people.map(presentPerson), invitations: pending }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/invitations',
      summary: 'Invite someone by email: a one-time link, shown once (admins)',
      request: { body: { content: json(inviteRequestSchema), required: true } },
      responses: { 201: { description: 'Invited', content: json(oneTimeLinkSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { token, link } = await invitePerson(ctx, c.var.agent, c.req.valid('json'));
      return c.json(await deliverLink(deps, origin(c.req.url), token, link), 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'patch',
      path: '/api/people/{id}',
      summary: "Change someone's role, teams or chat capacity (admins)",
      request: { params: idParam, body: { content: json(personChangeSchema), required: true } },
      responses: { 200: { description: 'Changed', content: json(personViewSchema) }, ...errorResponses },
    }),
    async (c) => {
      const person = await changePerson(ctx, c.var.agent, c.req.valid('param').id, c.req.valid('json'));
      // Their open sockets reconnect, so they hear what the new role and teams allow, no more.
      deps.sessionSockets?.endAgent(person.id, 'access_changed');
      return c.json(presentPerson(person), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/deactivate',
      summary: 'Deactivate someone: their sessions end at once and they cannot sign in (admins)',
      request: { params: idParam },
      responses: { 200: { description: 'Deactivated', content: json(personViewSchema) }, ...errorResponses },
    }),
    async (c) => {
      const person = await deactivatePerson(ctx, c.var.agent, c.req.valid('param').id);
      deps.sessionSockets?.endAgent(person.id, 'session_ended');
      return c.json(presentPerson(person), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/password-reset',
      summary: 'A one-time link for someone to set a new password, shown once (admins)',
      request: { params: idParam },
      responses: { 201: { description: 'Reset link', content: json(oneTimeLinkSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { token, link } = await passwordResetLink(ctx, c.var.agent, c.req.valid('param').id);
      return c.json(await deliverLink(deps, origin(c.req.url), token, link), 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/people/me/password',
      summary: 'Change your own password (your other sessions end)',
      request: { body: { content: json(changePasswordSchema), required: true } },
      responses: { 204: { description: 'Changed' }, ...errorResponses },
    }),
    async (c) => {
      const token = sessionTokenOf(getCookie(c, SESSION_COOKIE), c.req.header('authorization'));
      const { currentPassword, newPassword } = c.req.valid('json');
      const current = token ? hashSessionToken(token) : null;
      await changeOwnPassword(ctx, c.var.agent, current, { current: currentPassword, next: newPassword });
      deps.sessionSockets?.endAgent(c.var.agent.id, 'session_ended', current);
      return c.body(null, 204);
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/me/sessions',
      summary: 'Your sessions that have not expired',
      responses: { 200: { description: 'Sessions', content: json(ownSessionsSchema) }, ...errorResponses },
    }),
    async (c) => {
      const token = sessionTokenOf(getCookie(c, SESSION_COOKIE), c.req.header('authorization'));
      const current = token ? hashSessionToken(token) : null;
      const sessions = await ownSessions(ctx, c.var.agent);
      return c.json(
        sessions.map((s) => ({
          createdAt: s.createdAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          current: s.tokenHash === current,
        })),
        200,
      );
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/people-links/open',
      summary: 'What a one-time invitation or reset link is for (no sign-in needed)',
      request: { body: { content: json(linkTokenSchema), required: true } },
      responses: { 200: { description: 'The link', content: json(linkViewSchema) }, ...errorResponses },
    }),
    async (c) => {
      const link = await openLink(ctx, c.req.valid('json').token);
      return c.json(
        { kind: link.kind, email: link.email, name: link.name, workspace: ctx.workspace.name },
        200,
      );
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/people-links/accept',
      summary: 'Accept an invitation (creates your account) or a reset (sets your password)',
      request: { body: { content: json(acceptLinkSchema), required: true } },
      responses: { 200: { description: 'Your account', content: json(personViewSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { token, password, name } = c.req.valid('json');
      const person = await acceptLink(ctx, token, password, name);
      // A reset ends every session of theirs; an invitation's new account has none.
      deps.sessionSockets?.endAgent(person.id, 'session_ended');
      return c.json(presentPerson(person), 200);
    },
  );

  return routes;
};
