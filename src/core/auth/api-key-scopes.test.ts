import { describe, expect, it } from 'vitest';
import { isApiKeyToken, keyRefusal, shownPrefixOf } from './api-key-scopes.ts';

describe('API key scopes', () => {
  it('lets a key through when it has one of the scopes the route accepts', () => {
    expect(keyRefusal(['conversations:read', 'metrics:read'], ['metrics:read'])).toBeNull();
  });

  it('names the scope a route needs and the scopes the key has', () => {
    const refusal = keyRefusal(['conversations:read'], ['conversations:write']);
    expect(refusal).toContain('conversations:write');
    expect(refusal).toContain('this key has the scopes conversations:read');
  });

  it('refuses keys on routes that accept no scope, whatever the key has', () => {
    expect(keyRefusal(['conversations:read', 'conversations:write'], [])).toMatch(/signed-in person/);
  });

  it('tells keys from session tokens by their prefix and shows only the start of one', () => {
    expect(isApiKeyToken('baton_key_abcdefghijklmnop')).toBe(true);
    expect(isApiKeyToken('abcdefghijklmnop')).toBe(false);
    expect(shownPrefixOf('baton_key_abcdefghijklmnop')).toBe('baton_key_abcdefgh');
  });
});
