/**
 * Per-address and per-customer limits on the customer chat (SPEC §11), as middleware in front of
 * the widget routes, so the routes stay thin. A message counts against its customer when the
 * conversation token verifies; a request with no valid token counts against its address only
 * (the route then refuses it anyway).
 */
import { createMiddleware } from 'hono/factory';
import { isDomainError } from '../../core/errors.ts';
import { verifyCustomerToken } from '../auth/customer-token.ts';
import type { ServerDeps } from '../server-env.ts';
import { clientAddress } from './client-ip.ts';

export const limitNewConversations = (deps: ServerDeps) =>
  createMiddleware(async (c, next) => {
    if (c.req.method === 'POST') {
      await deps.rateLimits.newConversation(clientAddress(c, deps.settings.trustedProxyHops ?? 0));
    }
    await next();
  });

const customerOf = (deps: ServerDeps, authorization: string | undefined): string | null => {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  if (token === '') return null;
  try {
    return verifyCustomerToken(deps.settings.secret, token, deps.app.now()).customerId;
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
};

export const limitCustomerMessages = (deps: ServerDeps) =>
  createMiddleware(async (c, next) => {
    if (c.req.method === 'POST') {
      await deps.rateLimits.message(
        clientAddress(c, deps.settings.trustedProxyHops ?? 0),
        customerOf(deps, c.req.header('authorization')),
      );
    }
    await next();
  });
