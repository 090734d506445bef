import { lazy, Suspense } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import { ChatListItem } from './chat-list-item.tsx';
import { chatListStrings } from './chat-list-strings.ts';
import type { ChatRowsProps } from './chat-rows.tsx';

// The virtualizer stays out of the first page's JavaScript (its budget is 150 KB gzip): the first paint
// shows the newest chats as plain rows, and the virtualized list takes over once its chunk has loaded,
// which starts right after that paint.
const loadChatRows = () => import('./chat-rows.tsx');
const ChatRows = lazy(loadChatRows);

/** How many chats the plain rows show before the virtualized list is there: more than a screen holds. */
const plainRows = 40;

/** Starts fetching the virtualized chat list without rendering it. */
export function preloadChatRows(): void {
  loadChatRows().catch(() => {
    // The plain rows stay; rendering tries the chunk again.
  });
}

/** The chat rows: plain for the first paint, virtualized from then on. */
export function LazyChatRows(props: ChatRowsProps) {
  const s = useStrings(chatListStrings);
  const plain = (
    <div className="chat-items">
      <ul aria-label={s.chats}>
        {props.chats.slice(0, plainRows).map((chat) => (
          <li key={chat.id}>
            <ChatListItem chat={chat} selected={chat.id === props.selectedChatId} />
          </li>
        ))}
      </ul>
    </div>
  );
  return <Suspense fallback={plain}>{<ChatRows {...props} />}</Suspense>;
}
