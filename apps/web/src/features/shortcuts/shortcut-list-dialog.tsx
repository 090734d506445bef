import { useEffect, useRef } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import { setShortcutListOpen, useShortcutList } from '../../shortcuts/shortcut-actions.ts';
import { comboLabel, type KeyCombo, shortcuts } from '../../shortcuts/shortcut-map.ts';
import { isApple } from '../../shortcuts/use-shortcuts.ts';
import { shortcutStrings } from './shortcut-strings.ts';

/** The list of keyboard shortcuts, opened by its button in the sidebar, by `?` or by Ctrl+/ (⌘/). */
export function ShortcutListDialog() {
  const open = useShortcutList((state) => state.open);
  return open ? <OpenShortcutList /> : null;
}

function OpenShortcutList() {
  const s = useStrings(shortcutStrings);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  const close = () => setShortcutListOpen(false);
  return (
    <dialog ref={dialog} className="dialog shortcut-list" aria-labelledby="shortcut-list-title" onCancel={close}>
      <h2 id="shortcut-list-title">{s.title}</h2>
      <table>
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.id}>
              <th scope="row">{s.actions[shortcut.id]}</th>
              <td>
                {shortcut.combos.map((combo, place) => (
                  <span key={combo.key + String(combo.mod)}>
                    {place > 0 && ` ${s.or} `}
                    <Keys combo={combo} />
                  </span>
                ))}
                {shortcut.reach === 'outsideText' && <span className="muted"> ({s.outsideText})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{s.note}</p>
      <div className="dialog-actions">
        {/* biome-ignore lint/a11y/noAutofocus: a list to read, closed by its only button */}
        <button type="button" className="button" onClick={close} autoFocus>
          {s.close}
        </button>
      </div>
    </dialog>
  );
}

function Keys({ combo }: { combo: KeyCombo }) {
  const keys = comboLabel(combo, isApple());
  return (
    <kbd>
      {keys.map((key, place) => (
        <span key={key}>
          {place > 0 && '+'}
          <kbd>{key}</kbd>
        </span>
      ))}
    </kbd>
  );
}
