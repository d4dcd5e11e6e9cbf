import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_WORDS, prefixQueryOf, readConversationSearch } from './conversation-search.ts';

describe('reading an inbox search', () => {
  it('keeps letters and digits as lower-case words, so operators cannot reach the text search', () => {
    const search = readConversationSearch("  Refund for A-1042 & !(paid) | 'x':* ");
    expect(search?.words).toEqual(['refund', 'for', 'a', '1042', 'paid', 'x']);
    expect(search && prefixQueryOf(search)).toBe('refund:* & for:* & a:* & 1042:* & paid:* & x:*');
  });

  it('splits an e-mail address into its parts and keeps letters of any script', () => {
    expect(readConversationSearch('Zoë.Müller@acme.test')?.words).toEqual(['zoë', 'müller', 'acme', 'test']);
  });

  it('reads a conversation id, whole or its first eight characters, as an id prefix', () => {
    const id = '3f2c9a10-5b7d-4e21-9c3a-0d1e2f3a4b5c';
    expect(readConversationSearch(id.toUpperCase())?.idPrefix).toBe(id);
    expect(readConversationSearch('3f2c9a10')?.idPrefix).toBe('3f2c9a10');
    expect(readConversationSearch('3f2c9a1')?.idPrefix).toBeNull();
    expect(readConversationSearch('refund 3f2c9a10')?.idPrefix).toBeNull();
  });

  it('finds nothing to search in blank or punctuation-only text', () => {
    expect(readConversationSearch('')).toBeNull();
    expect(readConversationSearch(' -- @@ ')).toBeNull();
  });

  it('drops repeated words and keeps at most a handful', () => {
    expect(readConversationSearch('order order ORDER')?.words).toEqual(['order']);
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(readConversationSearch(many)?.words).toHaveLength(MAX_SEARCH_WORDS);
  });
});
