import type { BranchVersions } from '@hearth/core';
import type { KeyboardEvent } from 'react';
import { switchVersion } from '../../actions/conversation-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { conversationStrings } from './conversation-strings.ts';

/**
 * "‹ 2 / 3 ›" on a message with other versions: the buttons show the previous or next version, as do
 * ArrowLeft and ArrowRight while the switcher has focus. At either end a button stays focusable
 * (aria-disabled), so a keyboard user pressing it is not dropped out of the switcher.
 */
export function VersionSwitcher({ chatId, versions }: { chatId: string; versions: BranchVersions }) {
  const s = useStrings(conversationStrings);
  if (versions.count < 2) return null;
  const show = (messageId: string | null) => {
    if (messageId !== null) void switchVersion(appStorage(), { chatId, messageId }).catch(() => undefined);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    show(event.key === 'ArrowLeft' ? versions.previousId : versions.nextId);
  };
  return (
    // A fieldset is a group: its name ("Version 2 of 3") is read when focus enters it.
    <fieldset
      aria-label={s.versionOf(versions.index, versions.count)}
      className="version-switcher"
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="message-action"
        aria-label={s.previousVersion}
        aria-disabled={versions.previousId === null}
        onClick={() => show(versions.previousId)}
      >
        ‹
      </button>
      {/* The group's name says it in words; this is the same for the eye. */}
      <span aria-hidden="true">{s.versionCount(versions.index, versions.count)}</span>
      <button
        type="button"
        className="message-action"
        aria-label={s.nextVersion}
        aria-disabled={versions.nextId === null}
        onClick={() => show(versions.nextId)}
      >
        ›
      </button>
    </fieldset>
  );
}
