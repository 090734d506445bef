/**
 * The app's keyboard shortcuts: the one place that says which keys do what. Each shortcut also says where
 * it may fire, so none takes a key from someone typing:
 * - a plain key (`/`, `?`) never fires in a text field, and Escape only in the composer (which has no use
 *   for it) or outside fields; none fires while a modal dialog is open (Escape closes the dialog);
 * - combinations use Ctrl (⌘ on Apple devices) with Shift or a key that no browser or OS keeps for itself
 *   and that types nothing: Ctrl+K (search, as in many apps), Ctrl+Shift+O (new chat, as in ChatGPT),
 *   Ctrl+Shift+Enter, Ctrl+/; Alt+↑/↓ only outside text fields, where Option+arrows on a Mac move the caret;
 * - nothing fires while an input method is composing, or with AltGr held (Ctrl+Alt on some layouts types
 *   letters such as ą or ł).
 */

export const shortcutIds = [
  'newChat',
  'focusSearch',
  'stop',
  'regenerate',
  'previousChat',
  'nextChat',
  'showShortcuts',
] as const;
export type ShortcutId = (typeof shortcutIds)[number];

/** One key combination. `mod` is Ctrl, or ⌘ on Apple devices. `key` is `KeyboardEvent.key`, lowercased. */
export interface KeyCombo {
  key: string;
  /** The physical key, used when the layout gives `key` as a non-Latin letter (Cyrillic, Greek…). */
  code?: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** Where a shortcut fires: anywhere, outside text fields, or outside them and in the composer. */
export type ShortcutReach = 'anywhere' | 'outsideText' | 'composerOrOutside';

export interface Shortcut {
  id: ShortcutId;
  combos: readonly KeyCombo[];
  reach: ShortcutReach;
}

export const shortcuts: readonly Shortcut[] = [
  { id: 'newChat', combos: [{ key: 'o', code: 'KeyO', mod: true, shift: true }], reach: 'anywhere' },
  {
    id: 'focusSearch',
    combos: [{ key: 'k', code: 'KeyK', mod: true }, { key: '/' }],
    reach: 'anywhere',
  },
  { id: 'stop', combos: [{ key: 'escape' }], reach: 'composerOrOutside' },
  { id: 'regenerate', combos: [{ key: 'enter', mod: true, shift: true }], reach: 'anywhere' },
  { id: 'previousChat', combos: [{ key: 'arrowup', alt: true }], reach: 'outsideText' },
  { id: 'nextChat', combos: [{ key: 'arrowdown', alt: true }], reach: 'outsideText' },
  {
    id: 'showShortcuts',
    combos: [
      { key: '/', code: 'Slash', mod: true },
      { key: '?', shift: true },
    ],
    reach: 'anywhere',
  },
];

/** What `matchShortcut` needs of a keydown event (a `KeyboardEvent` has all of it). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  keyCode?: number;
  getModifierState?: (key: string) => boolean;
}

/** Where the key was pressed. */
export interface KeyPlace {
  /** In an input, textarea, select or editable element. */
  inTextField: boolean;
  /** In the composer's textarea. */
  inComposer: boolean;
  /** A modal dialog is open: no shortcut fires. */
  dialogOpen: boolean;
  /** An Apple device: ⌘ stands for Ctrl. */
  apple: boolean;
}

/** The shortcut a key press asks for, or undefined when it is none or must be left to what has focus. */
export function matchShortcut(press: KeyPress, place: KeyPlace): ShortcutId | undefined {
  // 229: the key event of an input method at work, in browsers that do not set isComposing on it.
  if (press.isComposing || press.keyCode === 229 || press.getModifierState?.('AltGraph') === true) return undefined;
  // A modal dialog (settings, a question) has the keyboard to itself; Escape closes it.
  if (place.dialogOpen) return undefined;
  for (const shortcut of shortcuts) {
    if (!reaches(shortcut, press, place)) continue;
    if (shortcut.combos.some((combo) => comboMatches(combo, press, place.apple))) return shortcut.id;
  }
  return undefined;
}

function reaches(shortcut: Shortcut, press: KeyPress, place: KeyPlace): boolean {
  const plain = !press.ctrlKey && !press.metaKey && !press.altKey;
  if (shortcut.reach === 'composerOrOutside') return !place.inTextField || place.inComposer;
  if (!place.inTextField) return true;
  // A plain key in a text field is typing, whatever the map says.
  return shortcut.reach === 'anywhere' && !plain;
}

function comboMatches(combo: KeyCombo, press: KeyPress, apple: boolean): boolean {
  const mod = apple ? press.metaKey : press.ctrlKey;
  const otherMod = apple ? press.ctrlKey : press.metaKey;
  if (mod !== (combo.mod ?? false) || otherMod || press.altKey !== (combo.alt ?? false)) return false;
  // Shift matters for letters and named keys; for a symbol, the layout decides whether it needs Shift.
  const key = press.key.toLowerCase();
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  if (!symbol && press.shiftKey !== (combo.shift ?? false)) return false;
  if (key === combo.key) return true;
  // A non-Latin letter: the physical key stands in, so Ctrl+K works on a Russian layout too.
  return combo.code !== undefined && key.length === 1 && !/[\u0020-\u007e]/.test(key) && press.code === combo.code;
}

/** How a combination is written in the shortcut list. */
export function comboLabel(combo: KeyCombo, apple: boolean): string[] {
  const names: Record<string, string> = { escape: 'Esc', enter: 'Enter', arrowup: '↑', arrowdown: '↓' };
  const keys: string[] = [];
  if (combo.mod) keys.push(apple ? '⌘' : 'Ctrl');
  if (combo.alt) keys.push(apple ? '⌥' : 'Alt');
  if (combo.shift && combo.key !== '?') keys.push(apple ? '⇧' : 'Shift');
  keys.push(names[combo.key] ?? combo.key.toUpperCase());
  return keys;
}
