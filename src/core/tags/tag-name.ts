/**
 * Conversation tags ("vip", "bug", "refund abuse"): what a tag's name may be, and how many a
 * conversation may carry. Names are normalised so "VIP " and "vip" are one tag of the workspace.
 */

/** A conversation carries at most this many tags: past it, tags stop being a quick read of the row. */
export const MAX_TAGS_PER_CONVERSATION = 20;
export const MAX_TAG_NAME_LENGTH = 32;

const allowed = /^[\p{L}\p{N}_\- ]+$/u;

export type TagNameReading =
  | { readonly kind: 'valid'; readonly name: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Reads what an agent typed as a tag name: trimmed, inner spaces collapsed, lower-case; or why not. */
export const readTagName = (raw: string): TagNameReading => {
  const name = raw.trim().replace(/\s+/gu, ' ').toLowerCase();
  if (name.length === 0) return { kind: 'invalid', reason: 'A tag needs a name: type one, such as "vip".' };
  if ([...name].length > MAX_TAG_NAME_LENGTH) {
    return {
      kind: 'invalid',
      reason: `A tag name has at most ${MAX_TAG_NAME_LENGTH} characters: shorten "${name.slice(0, 40)}…".`,
    };
  }
  if (!allowed.test(name)) {
    return {
      kind: 'invalid',
      reason: 'A tag name may hold letters, digits, spaces, "-" and "_" only: remove the other characters.',
    };
  }
  return { kind: 'valid', name };
};

export type TagAddDecision =
  | { readonly kind: 'add' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'too_many'; readonly reason: string };

/** Whether a conversation carrying `current` tags takes `name` too (adding one it has changes nothing). */
export const decideTagAdd = (current: readonly string[], name: string): TagAddDecision => {
  if (current.includes(name)) return { kind: 'unchanged' };
  if (current.length >= MAX_TAGS_PER_CONVERSATION) {
    return {
      kind: 'too_many',
      reason: `A conversation carries at most ${MAX_TAGS_PER_CONVERSATION} tags: remove one before adding "${name}".`,
    };
  }
  return { kind: 'add' };
};
