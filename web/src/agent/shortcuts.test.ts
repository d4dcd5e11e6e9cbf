import { describe, expect, it } from 'vitest';
import { shortcutFor, shortcuts } from './shortcuts.ts';

const press = (
  key: string,
  inTextEntry = false,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, inTextEntry, ...modifiers });

describe('shortcutFor', () => {
  it('maps each listed key to its action outside text boxes', () => {
    for (const shortcut of shortcuts) {
      for (const key of shortcut.keys) expect(press(key)).toBe(shortcut.action);
    }
  });

  it('leaves letters to the text box being typed in, except Escape', () => {
    expect(press('j', true)).toBeNull();
    expect(press('?', true)).toBeNull();
    expect(press('Escape', true)).toBe('leave');
  });

  it('leaves the browser’s own shortcuts alone', () => {
    expect(press('r', false, { ctrlKey: true })).toBeNull();
    expect(press('e', false, { metaKey: true })).toBeNull();
  });
});
