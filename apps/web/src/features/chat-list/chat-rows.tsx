import type { Chat } from '@hearth/schema';
import { type CSSProperties, type ReactNode, type Ref, useRef } from 'react';
import { Virtualizer, type VirtualizerHandle } from 'virtua';
import { useStrings } from '../../i18n/use-strings.ts';
import { ChatListItem } from './chat-list-item.tsx';
import { chatListStrings } from './chat-list-strings.ts';

export interface ChatRowsProps {
  chats: Chat[];
  selectedChatId: string | null;
  /** Called as the reader nears the last chat read, when more exist. */
  onNearEnd?: (() => void) | undefined;
}

// Rows this close to the end of what was read bring in the next window.
const nearEndPx = 20 * 40;

/** The list element virtua renders the rows in, named "Chats" (search results are another list). */
function ChatItemsList(props: { style: CSSProperties; children: ReactNode; ref?: Ref<HTMLUListElement> }) {
  const s = useStrings(chatListStrings);
  return (
    <ul ref={props.ref} style={props.style} aria-label={s.chats}>
      {props.children}
    </ul>
  );
}

/**
 * The chats as a virtualized list (virtua, as the message list): only the rows near the viewport are in
 * the page, and the next window of chats is asked for as the list nears its end.
 */
export function ChatRows({ chats, selectedChatId, onNearEnd }: ChatRowsProps) {
  const virtualizer = useRef<VirtualizerHandle>(null);
  return (
    <div className="chat-items">
      <Virtualizer
        ref={virtualizer}
        as={ChatItemsList}
        item="li"
        data={chats}
        onScroll={(offset) => {
          const handle = virtualizer.current;
          if (handle && onNearEnd && handle.scrollSize - offset - handle.viewportSize < nearEndPx) onNearEnd();
        }}
      >
        {(chat) => <ChatListItem key={chat.id} chat={chat} selected={chat.id === selectedChatId} />}
      </Virtualizer>
    </div>
  );
}

export default ChatRows;
