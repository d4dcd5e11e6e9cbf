import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.ts';

const secret = 'a-baton-secret-of-at-least-32-characters';

describe('secret box', () => {
  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const sealed = sealSecret(secret, 'llm api key', 'sk-live-abcdef');
    expect(JSON.stringify(sealed)).not.toContain('sk-live-abcdef');
    expect(openSecret(secret, 'llm api key', sealed)).toBe('sk-live-abcdef');
  });

  it('refuses another BATON_SECRET, another purpose, or a tampered value', () => {
    const sealed = sealSecret(secret, 'llm api key', 'sk-live-abcdef');
    expect(openSecret('another-baton-secret-of-32-characters!!', 'llm api key', sealed)).toBeNull();
    expect(openSecret(secret, 'webhook key', sealed)).toBeNull();
    const data = Buffer.from(sealed.data, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    expect(openSecret(secret, 'llm api key', { ...sealed, data: data.toString('base64') })).toBeNull();
  });
});
