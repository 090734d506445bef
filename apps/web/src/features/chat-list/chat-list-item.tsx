import type { Chat } from '@hearth/schema';
import { type FormEvent, useRef, useState } from 'react';
import { changeChat, removeChat } from '../../actions/chat-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { selectChat } from '../../state/ui-store.ts';
import { chatListStrings } from './chat-list-strings.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

/** One chat in the list: open it, rename it in place, pin it, or delete it after confirming. */
export function ChatListItem({ chat, selected }: { chat: Chat; selected: boolean }) {
  const s = useStrings(chatListStrings);
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Escape cancels; the blur that follows the input's removal must not save.
  const cancelled = useRef(false);
  const title = chat.title || s.untitled;

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (cancelled.current) return;
    const value = new FormData(event.currentTarget).get('title');
    if (typeof value === 'string') void changeChat(appStorage(), chat.id, { title: value });
    setRenaming(false);
  };

  return (
    // The <li> around it is the virtualized list's (chat-list.tsx).
    <div className={`chat-item${selected ? ' selected' : ''}`}>
      {renaming ? (
        <form className="chat-rename" onSubmit={rename}>
          <input
            name="title"
            aria-label={s.chatTitle}
            defaultValue={chat.title}
            maxLength={300}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to type a new title here
            autoFocus
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              cancelled.current = true;
              setRenaming(false);
            }}
            onBlur={(event) => event.currentTarget.form?.requestSubmit()}
          />
        </form>
      ) : (
        <button
          type="button"
          className="chat-open"
          aria-current={selected ? 'page' : undefined}
          onClick={() => selectChat(chat.id)}
        >
          {chat.pinned && <span aria-hidden="true">📌 </span>}
          {title}
        </button>
      )}
      <div className="chat-item-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`${s.rename}: ${title}`}
          title={s.rename}
          onClick={() => {
            cancelled.current = false;
            setRenaming(true);
          }}
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`${chat.pinned ? s.unpin : s.pin}: ${title}`}
          title={chat.pinned ? s.unpin : s.pin}
          onClick={() => void changeChat(appStorage(), chat.id, { pinned: !chat.pinned })}
        >
          {chat.pinned ? '⊗' : '⊕'}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`${s.delete}: ${title}`}
          title={s.delete}
          onClick={() => setConfirming(true)}
        >
          🗑
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={s.deleteTitle}
          body={s.deleteBody(title)}
          confirmLabel={s.delete}
          cancelLabel={s.cancel}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void removeChat(appStorage(), chat.id);
          }}
        />
      )}
    </div>
  );
}
