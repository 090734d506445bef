import { Fragment, useLayoutEffect, useRef } from 'react';
import type { ShownMessage } from '../../db/branches-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { ContextDivider } from './context-divider.tsx';
import { conversationStrings } from './conversation-strings.ts';
import { MessageItem } from './message-item.tsx';

interface MessageListProps {
  /** The page of the branch being shown, oldest first. */
  messages: ShownMessage[];
  /** Some answer in this chat is streaming. */
  busy: boolean;
  /** Older messages exist beyond this page. */
  hasEarlier: boolean;
  onShowEarlier: () => void;
  /** The oldest message on screen the model is sent, when older ones are not; the divider goes above it. */
  contextStartId: string | null;
}

/** The branch on screen, newest at the bottom, following new text while the reader is at the bottom. */
export function MessageList({ messages, busy, hasEarlier, onShowEarlier, contextStartId }: MessageListProps) {
  const s = useStrings(conversationStrings);
  const scroller = useRef<HTMLElement>(null);
  const pinnedToBottom = useRef(true);

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
        {/* Keyed by place in the branch: switching versions changes the message in a place, not the place,
            so the switcher the person is using keeps the focus. */}
        {messages.map(({ message, place, versions }) => (
          <Fragment key={place}>
            {message.id === contextStartId && <ContextDivider />}
            <MessageItem message={message} versions={versions} chatBusy={busy} />
          </Fragment>
        ))}
      </div>
    </section>
  );
}
