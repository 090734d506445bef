import type { Message } from '@hearth/schema';
import { useLayoutEffect, useRef, useState } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import { conversationStrings } from './conversation-strings.ts';
import { MessageItem } from './message-item.tsx';

/** How many messages a chat shows at first; older ones come a page at a time, on request. */
const pageSize = 150;

/** The conversation, newest at the bottom, following new text while the reader is at the bottom. */
export function MessageList({ messages, busy }: { messages: Message[]; busy: boolean }) {
  const s = useStrings(conversationStrings);
  const [shownCount, setShownCount] = useState(pageSize);
  const scroller = useRef<HTMLDivElement>(null);
  const pinnedToBottom = useRef(true);
  const lastAnswerId = messages.findLast((message) => message.role === 'assistant')?.id;
  const shown = messages.slice(Math.max(0, messages.length - shownCount));
  const hidden = messages.length - shown.length;

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
        {hidden > 0 && (
          <button
            type="button"
            className="button show-earlier"
            onClick={() => setShownCount((count) => count + pageSize)}
          >
            {s.showEarlier(hidden)}
          </button>
        )}
        {shown.map((message) => (
          <MessageItem key={message.id} message={message} isLastAnswer={message.id === lastAnswerId} chatBusy={busy} />
        ))}
      </div>
    </section>
  );
}
