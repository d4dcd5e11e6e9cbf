/**
 * The first-run set-up link (issue 10): a random token printed by `baton start --no-demo` on an
 * empty database, good once and for a limited time. Only its hash is kept, in this process: the
 * link is printed by the process that serves it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SetupRequest } from '../../api/company-schemas.ts';
import { type NewCompany, setUpWorkspace } from '../../app/company/set-up-workspace.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent, Workspace } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import { checkOneTimeToken, type OneTimeToken } from '../../core/workspace/one-time-token.ts';

/** Long enough to finish the form after a coffee; a new start prints a new link. */
export const SETUP_LINK_MINUTES = 60;

export interface SetupGate {
  /** True until a workspace was set up through it. */
  needed(): boolean;
  complete(request: SetupRequest): Promise<{ workspace: Workspace; admin: Agent }>;
}

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

const refusal = (kind: 'wrong' | 'used' | 'expired'): DomainError => {
  if (kind === 'used') return new DomainError('conflict', 'This Baton is already set up. Sign in at /agent.');
  if (kind === 'expired') {
    return new DomainError(
      'token_expired',
      'This set-up link has expired. Restart `baton start --no-demo` for a new link, or run `baton setup`.',
    );
  }
  return new DomainError(
    'token_invalid',
    'This set-up link is not valid. Open the exact link `baton start --no-demo` printed, or run `baton setup`.',
  );
};

/** A gate that opens once for the printed token; `onCreated` runs before the request is answered. */
export const createSetupGate = (options: {
  readonly store: Store;
  readonly now: () => Date;
  readonly onCreated: (workspace: Workspace) => Promise<void>;
}): SetupGate & { readonly token: string; readonly expiresAt: Date } => {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(options.now().getTime() + SETUP_LINK_MINUTES * 60_000);
  let stored: OneTimeToken = { tokenHash: hashOf(token), expiresAt, usedAt: null };
  let underWay = false;
  return {
    token,
    expiresAt,
    needed: () => stored.usedAt === null,
    async complete(request) {
      const check = checkOneTimeToken(stored, hashOf(request.token), options.now());
      if (check.kind !== 'ok') throw refusal(check.kind);
      if (underWay) throw new DomainError('conflict', 'The set-up is already under way. Wait a moment.');
      underWay = true;
      try {
        const company: NewCompany = {
          slug: request.workspace,
          name: request.companyName,
          admin: { name: request.adminName, email: request.adminEmail, password: request.adminPassword },
        };
        const created = await setUpWorkspace(options.store, company);
        stored = { ...stored, usedAt: options.now() };
        await options.onCreated(created.workspace);
        return created;
      } finally {
        underWay = false;
      }
    },
  };
};

/** The gate of an install that is set up already: nothing to do. */
export const closedSetupGate: SetupGate = {
  needed: () => false,
  complete: () => Promise.reject(refusal('used')),
};
