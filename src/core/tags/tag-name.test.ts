import { describe, expect, it } from 'vitest';
import { decideTagAdd, MAX_TAGS_PER_CONVERSATION, readTagName } from './tag-name.ts';

const nameOf = (raw: string) => {
  const reading = readTagName(raw);
  return reading.kind === 'valid' ? reading.name : `invalid: ${reading.reason}`;
};

describe('readTagName', () => {
  it('trims, lower-cases and collapses inner spaces, so "VIP " and "vip" are one tag', () => {
    expect(nameOf('  VIP ')).toBe('vip');
    expect(nameOf('Refund   Abuse')).toBe('refund abuse');
    expect(nameOf('bug_report-2')).toBe('bug_report-2');
  });

  it('accepts letters of any script', () => {
    expect(nameOf('Rückerstattung')).toBe('rückerstattung');
  });

  it('refuses an empty name, saying to type one', () => {
    expect(nameOf('   ')).toMatch(/^invalid: A tag needs a name/);
  });

  it('refuses names over 32 characters and accepts exactly 32', () => {
    expect(nameOf('a'.repeat(32))).toBe('a'.repeat(32));
    expect(nameOf('a'.repeat(33))).toMatch(/^invalid: A tag name has at most 32 characters/);
  });

  it('refuses punctuation, markup and control characters', () => {
    for (const raw of ['vip!', '<b>', 'a/b', 'tab\u0000', 'two,tags', '#vip']) {
      expect(nameOf(raw), raw).toMatch(/^invalid: .*letters, digits, spaces/);
    }
  });
});

describe('decideTagAdd', () => {
  const full = Array.from({ length: MAX_TAGS_PER_CONVERSATION }, (_, i) => `tag ${i}`);

  it('adds a new tag, and changes nothing for one the conversation has', () => {
    expect(decideTagAdd(['vip'], 'bug')).toEqual({ kind: 'add' });
    expect(decideTagAdd(['vip'], 'vip')).toEqual({ kind: 'unchanged' });
  });

  it('refuses a 21st tag, saying to remove one first, but not one already there', () => {
    expect(decideTagAdd(full, 'one more')).toMatchObject({ kind: 'too_many' });
    expect(decideTagAdd(full.slice(1), 'one more')).toEqual({ kind: 'add' });
    expect(decideTagAdd(full, 'tag 3')).toEqual({ kind: 'unchanged' });
  });
});
