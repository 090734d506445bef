import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useMemo, useState } from 'react';
import { useChatActivity } from '../../actions/use-answer-view.ts';
import { appStorage } from '../../app/app-storage.ts';
import { type ShownMessage, shownBranchPage } from '../../db/branches-repository.ts';
import { getChat } from '../../db/chats-repository.ts';
import { getModelConfig, listModelConfigs } from '../../db/model-configs-repository.ts';
import { getSetting } from '../../db/settings-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { DropTarget } from '../attachments/drop-target.tsx';
import { useFileDrop } from '../attachments/use-file-drop.ts';
import { ChatHeader } from './chat-header.tsx';
import { Composer } from './composer.tsx';
import { contextStartId } from './context-start.ts';
import { conversationStrings } from './conversation-strings.ts';
import { LazyMessageList } from './lazy-message-list.tsx';
import { recallScrollPosition } from './scroll-memory.ts';

const noMessages: ShownMessage[] = [];

/** How many messages of the branch a chat reads at first; older ones come a page at a time as the reader scrolls up. */
const messagePageSize = 50;

/** How many messages of a chat to read when it opens: as many as when it was left in this run of the app. */
function openingCount(chatId: string | null): number {
  return Math.max(messagePageSize, (chatId && recallScrollPosition(chatId)?.loaded) || 0);
}

/** The open chat (or the empty screen of a new one) with its composer. */
export function ChatView() {
  const s = useStrings(conversationStrings);
  const { db } = appStorage();
  const chatId = useUiStore((state) => state.selectedChatId);
  const chat = useLiveQuery(() => (chatId ? getChat(db, chatId) : undefined), [chatId]);
  // How many messages of this chat are read; another chat starts again from its newest page (or from
  // where it was left).
  const [paging, setPaging] = useState(() => ({ chatId, count: openingCount(chatId) }));
  const shownCount = paging.chatId === chatId ? paging.count : openingCount(chatId);
  const page = useLiveQuery(
    async () => ({
      chatId,
      count: shownCount,
      ...(chatId ? await shownBranchPage(db, chatId, shownCount) : { messages: [], hasEarlier: false }),
    }),
    [chatId, shownCount],
  );
  // The live query answers with the last result until the new one is read: it is this chat's only when it says so.
  const current = page?.chatId === chatId ? page : undefined;
  const shown = current?.messages ?? noMessages;
  const messages = useMemo(() => shown.map((entry) => entry.message), [shown]);
  const configs = useLiveQuery(() => listModelConfigs(db), [], []);
  const defaultConfig = useLiveQuery(async () => {
    const id = await getSetting(db, 'defaultModelConfigId');
    return id ? getModelConfig(db, id) : undefined;
  }, []);

  const chatConfig = configs.find((config) => config.id === chat?.modelConfigId) ?? defaultConfig ?? configs[0];
  const contextStart = useMemo(
    () => (chat ? contextStartId({ messages, chat, config: chatConfig }) : null),
    [messages, chat, chatConfig],
  );

  // Stop is offered for the answer this tab is streaming; another tab's answer only blocks re-asking.
  const { busy, streamingHereId } = useChatActivity(chatId, messages);
  // Files dropped anywhere on the open chat go to its composer.
  const drop = useFileDrop(chatId);

  return (
    <main className="chat-view" {...drop.handlers}>
      {drop.active && <DropTarget />}
      <ChatHeader chat={chat} configs={configs} defaultConfig={defaultConfig ?? configs[0]} />
      {/* While a chat's first page loads, its (empty) list stands in rather than the new-chat screen. */}
      {chatId && (current === undefined || messages.length > 0) ? (
        // Keyed by chat: each chat has its own measured heights and its own place to open at.
        <Suspense fallback={<div className="message-list-frame" />}>
          <LazyMessageList
            key={chatId}
            chatId={chatId}
            messages={shown}
            busy={busy}
            hasEarlier={current?.hasEarlier ?? false}
            loadingEarlier={current?.count !== shownCount}
            onShowEarlier={(more) => setPaging({ chatId, count: shownCount + more })}
            contextStartId={contextStart}
          />
        </Suspense>
      ) : (
        <div className="empty-chat">
          <h2>{s.emptyTitle}</h2>
          <p>{s.emptyHint}</p>
        </div>
      )}
      {/* Keyed by chat, so a problem shown for one chat does not follow the person to another. */}
      <Composer key={chatId ?? 'new'} chatId={chatId} streamingAnswerId={streamingHereId} />
    </main>
  );
}
