import type { Chat } from '@hearth/schema';
import { useRef } from 'react';
import { Virtualizer, type VirtualizerHandle } from 'virtua';
import { ChatListItem } from './chat-list-item.tsx';

export interface ChatRowsProps {
  chats: Chat[];
  selectedChatId: string | null;
  /** Called as the reader nears the last chat read, when more exist. */
  onNearEnd?: (() => void) | undefined;
}

// Rows this close to the end of what was read bring in the next window.
const nearEndPx = 20 * 40;

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
        as="ul"
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
