import { describe, expect, it } from 'vitest';
import { linkBase } from './link-base.ts';

describe('linkBase', () => {
  it('prefers the saved public URL over the request origin', () => {
    expect(linkBase('https://help.acme.example', 'http://10.0.0.7:3000')).toBe('https://help.acme.example');
  });

  it('keeps a path prefix and drops trailing slashes', () => {
    expect(linkBase('https://acme.example/support/', 'http://localhost:3000')).toBe(
      'https://acme.example/support',
    );
  });

  it('falls back to the request origin when no public URL is saved', () => {
    expect(linkBase(null, 'http://localhost:3000')).toBe('http://localhost:3000');
  });
});
