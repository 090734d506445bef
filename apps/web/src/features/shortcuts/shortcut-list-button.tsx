import { useStrings } from '../../i18n/use-strings.ts';
import { setShortcutListOpen } from '../../shortcuts/shortcut-actions.ts';
import { shortcutStrings } from './shortcut-strings.ts';

/** Opens the list of keyboard shortcuts. */
export function ShortcutListButton() {
  const s = useStrings(shortcutStrings);
  return (
    <button type="button" className="button shortcuts-button" onClick={() => setShortcutListOpen(true)}>
      {s.open}
    </button>
  );
}
