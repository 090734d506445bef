import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Virtualizer, type VirtualizerHandle } from 'virtua';
import type { ShownMessage } from '../../db/branches-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { ContextDivider } from './context-divider.tsx';
import { conversationStrings } from './conversation-strings.ts';
import { MessageItem } from './message-item.tsx';
import { recallScrollPosition, rememberScrollPosition, takeScrollToLatest } from './scroll-memory.ts';
import { scrollStrings } from './scroll-strings.ts';
import { useFocusTarget } from './use-focus-target.ts';

interface MessageListProps {
  chatId: string;
  /** The loaded part of the branch being shown, oldest first: its newest messages. */
  messages: ShownMessage[];
  /** Some answer in this chat is streaming. */
  busy: boolean;
  /** Older messages exist beyond the loaded ones. */
  hasEarlier: boolean;
  /** A request for older messages is being read. */
  loadingEarlier: boolean;
  /** Asks for `more` older messages above the loaded ones. */
  onShowEarlier: (more: number) => void;
  /** The oldest message on screen the model is sent, when older ones are not; the divider goes above it. */
  contextStartId: string | null;
}

// Closer to the end than this counts as reading the newest message: the list then follows new text.
const nearEndPx = 48;
// With the reader this close to the first loaded message, the next older page is read.
const loadEarlierWithin = 8;
/** The fewest older messages one step up reads. */
export const earlierPageSize = 50;

// Why virtua (and not @tanstack/react-virtual, the other well-kept choice): a chat needs items of
// unknown, changing height (an answer grows while it streams) and older pages added above without a
// jump. virtua measures every item with a ResizeObserver by itself and has that prepend built in (its
// `shift`), where TanStack's leaves both to the app; it is small (about 4 KB gzip for what is used
// here, loaded with this lazy chunk, not the first page) and released often.

/**
 * The branch on screen, newest at the bottom, virtualized (virtua: variable heights measured as they
 * render, older messages prepended without moving what is on screen). It follows new text while the
 * reader is at the end, and stops following as soon as they scroll up; "Jump to latest" brings them back.
 */
export function MessageList({
  chatId,
  messages,
  busy,
  hasEarlier,
  loadingEarlier,
  onShowEarlier,
  contextStartId,
}: MessageListProps) {
  const s = useStrings(conversationStrings);
  const t = useStrings(scrollStrings);
  const scroller = useRef<HTMLElement>(null);
  const list = useRef<VirtualizerHandle>(null);
  // Read once: a chat opens where it was left in this run of the app, else at its newest message.
  const [recalled] = useState(() => recallScrollPosition(chatId));
  const following = useRef(recalled === undefined);
  const [away, setAway] = useState(recalled !== undefined);
  const placed = useRef(false);
  const lastOffset = useRef(0);
  const previous = useRef({ first: messages[0]?.place, length: messages.length });
  // The messages as last rendered, for the clean-up that runs when the chat is left.
  const latest = useRef(messages);
  latest.current = messages;

  // Older messages arrived above the first one: virtua keeps the distance from the end, so the
  // messages on screen stay where they are.
  const first = messages[0]?.place;
  const shift =
    previous.current.first !== undefined &&
    first !== previous.current.first &&
    messages.length > previous.current.length &&
    messages.some((entry) => entry.place === previous.current.first);

  const follow = (value: boolean) => {
    following.current = value;
    setAway(!value);
  };
  const toEnd = () => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  };
  const jumpToLatest = () => {
    follow(true);
    list.current?.scrollToIndex(messages.length - 1, { align: 'end' });
    // The last message's real height is known only once it rendered there; the resize then ends the job.
    toEnd();
  };

  // The newest question stays in the page even when its long answer has scrolled it out of view, so it is
  // always there for assistive technology and find-in-page, whatever the virtualizer unmounted.
  const latestQuestion = messages.findLastIndex((entry) => entry.message.role === 'user');
  const kept = useMemo(() => (latestQuestion >= 0 ? [latestQuestion] : []), [latestQuestion]);

  const highlighted = useFocusTarget({
    chatId,
    messages,
    hasEarlier,
    loadingEarlier,
    onShowEarlier,
    show: (index) => {
      follow(false);
      list.current?.scrollToIndex(index, { align: 'center' });
    },
  });

  // After every change of the messages (a send, a page read, a streamed answer's stored text).
  useLayoutEffect(() => {
    previous.current = { first: messages[0]?.place, length: messages.length };
    if (messages.length === 0) return;
    if (!placed.current) {
      placed.current = true;
      const at = recalled ? messages.findIndex((entry) => entry.place === recalled.anchorPlace) : -1;
      if (recalled && at >= 0) list.current?.scrollToIndex(at, { offset: recalled.offset });
      else jumpToLatest();
      return;
    }
    if (takeScrollToLatest(chatId)) jumpToLatest();
    else if (following.current) toEnd();
  });

  // Leaving the chat: remember where the reader was, unless at the newest message.
  useLayoutEffect(
    () => () => {
      const handle = list.current;
      if (following.current || !handle || latest.current.length === 0) return rememberScrollPosition(chatId, null);
      const index = handle.findItemIndex(handle.scrollOffset);
      const anchor = latest.current[index];
      if (!anchor) return rememberScrollPosition(chatId, null);
      rememberScrollPosition(chatId, {
        loaded: latest.current.length,
        anchorPlace: anchor.place,
        offset: handle.scrollOffset - handle.getItemOffset(index),
      });
    },
    [chatId],
  );
  const onScroll = (offset: number) => {
    const element = scroller.current;
    if (!element) return;
    const atEnd = element.scrollHeight - offset - element.clientHeight < nearEndPx;
    // Only the reader moves the list up; growing text, a shrinking viewport and prepended pages never do.
    if (atEnd) {
      if (!following.current) follow(true);
    } else if (offset < lastOffset.current - 1 && following.current) follow(false);
    lastOffset.current = offset;
    if (hasEarlier && !loadingEarlier && (list.current?.findItemIndex(offset) ?? 0) < loadEarlierWithin)
      // As many again as are loaded (at least a page): scrolling to the top of a 5,000-message chat reads
      // the branch a few times, not a hundred, since each read is of every loaded message.
      onShowEarlier(Math.max(earlierPageSize, messages.length));
  };

  return (
    <div className="message-list-frame">
      <section className="message-list" aria-label={s.messages} aria-busy={loadingEarlier} ref={scroller}>
        <div className="message-column">
          <Virtualizer
            ref={list}
            scrollRef={scroller}
            data={messages}
            shift={shift}
            keepMounted={kept}
            onScroll={onScroll}
            onResize={() => {
              // A streamed answer grew, a message was measured, or the composer took more room.
              if (following.current) toEnd();
            }}
          >
            {/* Keyed by place in the branch: switching versions changes the message in a place, not the place,
                so the switcher the person is using keeps the focus. */}
            {({ message, place, versions }) => (
              <div key={place} className={message.id === highlighted ? 'message-slot focused' : 'message-slot'}>
                {message.id === contextStartId && <ContextDivider />}
                <MessageItem message={message} versions={versions} chatBusy={busy} />
              </div>
            )}
          </Virtualizer>
        </div>
      </section>
      {loadingEarlier && (
        <p className="loading-earlier" role="status">
          {t.loadingEarlier}
        </p>
      )}
      {away && (
        <button type="button" className="button jump-to-latest" onClick={jumpToLatest}>
          {t.jumpToLatest}
        </button>
      )}
    </div>
  );
}
