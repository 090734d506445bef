import { useDeferredValue, useState } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { type ChatWindow, listChats, listChatWindow } from '../../db/chats-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { selectChat, setSettingsOpen, setSidebarOpen, useUiStore } from '../../state/ui-store.ts';
import { usePacedLiveQuery } from '../archive/use-paced-live-query.ts';
import { ShortcutListButton } from '../shortcuts/shortcut-list-button.tsx';
import { SyncStatusLine } from '../sync/sync-status-line.tsx';
import { chatListStrings } from './chat-list-strings.ts';
import { chatSearchId } from './chat-search-id.ts';
import { LazyChatRows } from './lazy-chat-rows.tsx';
import { MessageSearchResults } from './message-search-results.tsx';

/** How many chats the list reads at a time; the next ones are read as the reader scrolls near the end. */
const pageSize = 100;

/** The sidebar: new chat, search (titles, then message text), and every chat by last activity. */
export function ChatList() {
  const s = useStrings(chatListStrings);
  const { db } = appStorage();
  const selectedChatId = useUiStore((state) => state.selectedChatId);
  const open = useUiStore((state) => state.sidebarOpen);
  const [query, setQuery] = useState('');
  const deferredText = useDeferredValue(query.trim());
  const deferredQuery = deferredText.toLocaleLowerCase();
  const [limit, setLimit] = useState(pageSize);
  const searching = deferredQuery !== '';
  // A long history shows its pinned and newest chats and the rest as the reader scrolls: reading or rendering
  // thousands of rows would slow every start and every change to the list. Only a search reads them all.
  // Live, but at an import's pace while one writes (a chat per commit, thousands of commits).
  const listed = usePacedLiveQuery(
    (): Promise<ChatWindow> =>
      searching ? listChats(db).then((chats) => ({ chats, total: chats.length })) : listChatWindow(db, limit),
    [searching, limit],
  );
  const matching = (listed?.chats ?? []).filter(
    (chat) => !searching || chat.title.toLocaleLowerCase().includes(deferredQuery),
  );
  const shown = matching.slice(0, limit);
  const more = searching ? matching.length - shown.length : (listed?.total ?? 0) - shown.length;

  return (
    <aside className={`sidebar${open ? ' open' : ''}`}>
      <nav aria-label={s.chats} className="chat-nav">
        <div className="sidebar-top">
          <button type="button" className="button primary new-chat" onClick={() => selectChat(null)}>
            {s.newChat}
          </button>
          <button
            type="button"
            className="icon-button close-sidebar"
            aria-label={s.close}
            onClick={() => setSidebarOpen(false)}
          >
            ✕
          </button>
        </div>
        <input
          id={chatSearchId}
          type="search"
          className="chat-search"
          aria-label={s.search}
          placeholder={s.search}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <LazyChatRows
          chats={shown}
          selectedChatId={selectedChatId}
          onNearEnd={more > 0 ? () => setLimit((count) => Math.max(count, shown.length + pageSize)) : undefined}
        />
        {listed && shown.length === 0 && <p className="sidebar-note">{listed.total === 0 ? s.noChats : s.noMatches}</p>}
        {searching && <MessageSearchResults query={deferredText} />}
      </nav>
      <SyncStatusLine />
      <ShortcutListButton />
      <button type="button" className="button settings-button" onClick={() => setSettingsOpen(true)}>
        {s.settings}
      </button>
    </aside>
  );
}
