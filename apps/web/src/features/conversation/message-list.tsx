import type { Message } from '@hearth/schema';
import { useLayoutEffect, useRef } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import { conversationStrings } from './conversation-strings.ts';
import { MessageItem } from './message-item.tsx';

interface MessageListProps {
  /** The page of the conversation being shown, oldest first. */
  messages: Message[];
  /** Some answer in this chat is streaming. */
  busy: boolean;
  /** Older messages exist beyond this page. */
  hasEarlier: boolean;
  onShowEarlier: () => void;
}

/** The conversation, newest at the bottom, following new text while the reader is at the bottom. */
export function MessageList({ messages, busy, hasEarlier, onShowEarlier }: MessageListProps) {
  const s = useStrings(conversationStrings);
  const scroller = useRef<HTMLElement>(null);
  const pinnedToBottom = useRef(true);
  const lastAnswerId = messages.findLast((message) => message.role === 'assistant')?.id;

  // Runs after every render (streamed text included), so the view keeps up with the answer.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && pinnedToBottom.current) element.scrollTop = element.scrollHeight;
  });

  return (
    <section
      className="message-list"
      aria-label={s.messages}
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinnedToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
      }}
    >
      <div className="message-column">
        {hasEarlier && (
          <button
            type="button"
            className="button show-earlier"
            onClick={() => {
              // Earlier messages appear above; the reader stays where they are.
              pinnedToBottom.current = false;
              onShowEarlier();
            }}
          >
            {s.showEarlier}
          </button>
        )}
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} isLastAnswer={message.id === lastAnswerId} chatBusy={busy} />
        ))}
      </div>
    </section>
  );
}
