/**
 * API keys for the company's own systems (SPEC §11, issue 10): what a key may do is its scopes, and
 * every route says which scope (if any) opens it. A key acts through its own account — a person
 * row named after the key that never signs in and is never assigned — so what it does is attributed
 * to the key's name in events and notes, like any teammate's action.
 */
export const apiKeyScopes = [
  'conversations:read',
  'conversations:write',
  'knowledge:write',
  'metrics:read',
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** Keys carry this prefix so a bearer token is told apart from a session token before any lookup. */
export const API_KEY_PREFIX = 'baton_key_';

/** How many characters of a key (after the prefix) are kept in the clear, to recognise it in the list. */
export const KEY_PREFIX_SHOWN = 8;

export interface ApiKey {
  readonly id: string;
  readonly workspaceId: string;
  /** The account the key acts as (its name is the key's name): events and notes point at it. */
  readonly agentId: string;
  readonly name: string;
  /** The first characters of the secret (`baton_key_ab12cd34`), enough to tell keys apart. */
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export const isApiKeyToken = (token: string): boolean => token.startsWith(API_KEY_PREFIX);

/** The part of a key shown in lists: the prefix and the first characters of its random part. */
export const shownPrefixOf = (token: string): string =>
  token.slice(0, API_KEY_PREFIX.length + KEY_PREFIX_SHOWN);

/** The display name of a key's account, so an event's actor reads as the key, not as a person. */
export const keyAccountName = (keyName: string): string => `API key: ${keyName}`;

/**
 * Why a key may not call a route, or null when it may. `accepted` is the scopes the route accepts
 * (empty: not open to keys at all).
 */
export const keyRefusal = (
  granted: readonly ApiKeyScope[],
  accepted: readonly ApiKeyScope[],
): string | null => {
  if (accepted.length === 0) {
    return 'API keys cannot call this route; it needs a signed-in person.';
  }
  if (accepted.some((scope) => granted.includes(scope))) return null;
  const has = granted.length === 0 ? 'no scopes' : `the scopes ${granted.join(', ')}`;
  return `This needs an API key with the scope ${accepted.join(' or ')}; this key has ${has}. Create a key with that scope in Settings.`;
};

/** Keys whose last use is older than this are stamped again; a busy key is not written on every call. */
export const LAST_USED_RESOLUTION_MS = 60_000;
