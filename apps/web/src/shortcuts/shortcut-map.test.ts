import { describe, expect, it } from 'vitest';
import { type KeyPlace, type KeyPress, matchShortcut } from './shortcut-map.ts';

const outside: KeyPlace = { inTextField: false, inComposer: false, dialogOpen: false, apple: false };
const inField: KeyPlace = { ...outside, inTextField: true };
const inComposer: KeyPlace = { ...outside, inTextField: true, inComposer: true };

function press(key: string, options: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    code: '',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    isComposing: false,
    ...options,
  };
}

describe('matchShortcut', () => {
  it('finds each shortcut by its keys', () => {
    expect(matchShortcut(press('O', { ctrlKey: true, shiftKey: true }), outside)).toBe('newChat');
    expect(matchShortcut(press('k', { ctrlKey: true }), outside)).toBe('focusSearch');
    expect(matchShortcut(press('/'), outside)).toBe('focusSearch');
    expect(matchShortcut(press('Escape'), outside)).toBe('stop');
    expect(matchShortcut(press('Enter', { ctrlKey: true, shiftKey: true }), outside)).toBe('regenerate');
    expect(matchShortcut(press('ArrowUp', { altKey: true }), outside)).toBe('previousChat');
    expect(matchShortcut(press('ArrowDown', { altKey: true }), outside)).toBe('nextChat');
    expect(matchShortcut(press('?', { shiftKey: true }), outside)).toBe('showShortcuts');
    expect(matchShortcut(press('/', { ctrlKey: true }), outside)).toBe('showShortcuts');
  });

  it('uses ⌘ instead of Ctrl on Apple devices, and Ctrl there is not ⌘', () => {
    const apple = { ...outside, apple: true };
    expect(matchShortcut(press('k', { metaKey: true }), apple)).toBe('focusSearch');
    expect(matchShortcut(press('k', { ctrlKey: true }), apple)).toBeUndefined();
    expect(matchShortcut(press('k', { metaKey: true }), outside)).toBeUndefined();
  });

  it('leaves plain keys to text fields, and modifier combinations still work there', () => {
    expect(matchShortcut(press('/'), inField)).toBeUndefined();
    expect(matchShortcut(press('?', { shiftKey: true }), inField)).toBeUndefined();
    expect(matchShortcut(press('Escape'), inField)).toBeUndefined();
    expect(matchShortcut(press('ArrowUp', { altKey: true }), inField)).toBeUndefined();
    expect(matchShortcut(press('k', { ctrlKey: true }), inField)).toBe('focusSearch');
    // The composer has no use for Escape: it stops the answer there.
    expect(matchShortcut(press('Escape'), inComposer)).toBe('stop');
    expect(matchShortcut(press('/'), inComposer)).toBeUndefined();
  });

  it('fires nothing while an input method composes, with AltGr held, or under a modal dialog', () => {
    expect(matchShortcut(press('k', { ctrlKey: true, isComposing: true }), inComposer)).toBeUndefined();
    expect(matchShortcut(press('Escape', { isComposing: true }), inComposer)).toBeUndefined();
    expect(matchShortcut(press('Process', { keyCode: 229 }), outside)).toBeUndefined();
    const altGr = press('o', { ctrlKey: true, altKey: true, getModifierState: (key) => key === 'AltGraph' });
    expect(matchShortcut(altGr, inField)).toBeUndefined();
    expect(matchShortcut(press('k', { ctrlKey: true }), { ...outside, dialogOpen: true })).toBeUndefined();
  });

  it('needs exactly its modifiers, and finds a letter by its key on a non-Latin layout', () => {
    expect(matchShortcut(press('k'), outside)).toBeUndefined();
    expect(matchShortcut(press('K', { ctrlKey: true, shiftKey: true }), outside)).toBeUndefined();
    expect(matchShortcut(press('o', { ctrlKey: true }), outside)).toBeUndefined();
    expect(matchShortcut(press('л', { code: 'KeyK', ctrlKey: true }), outside)).toBe('focusSearch');
  });
});
