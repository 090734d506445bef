import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useChatActivity } from '../../actions/use-answer-view.ts';
import { appStorage } from '../../app/app-storage.ts';
import { shownBranchPage } from '../../db/branches-repository.ts';
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
import { MessageList } from './message-list.tsx';

/** How many messages of the branch a chat shows at first; older ones come a page at a time, on request. */
const messagePageSize = 40;

/** The open chat (or the empty screen of a new one) with its composer. */
export function ChatView() {
  const s = useStrings(conversationStrings);
  const { db } = appStorage();
  const chatId = useUiStore((state) => state.selectedChatId);
  const chat = useLiveQuery(() => (chatId ? getChat(db, chatId) : undefined), [chatId]);
  // How many messages of this chat are shown; another chat starts again from its newest page.
  const [paging, setPaging] = useState({ chatId, count: messagePageSize });
  const shownCount = paging.chatId === chatId ? paging.count : messagePageSize;
  const page = useLiveQuery(
    () => (chatId ? shownBranchPage(db, chatId, shownCount) : { messages: [], hasEarlier: false }),
    [chatId, shownCount],
  );
  const shown = page?.messages ?? [];
  const messages = useMemo(() => (page?.messages ?? []).map((entry) => entry.message), [page]);
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
      {chatId && (page === undefined || messages.length > 0) ? (
        <MessageList
          messages={shown}
          busy={busy}
          hasEarlier={page?.hasEarlier ?? false}
          onShowEarlier={() => setPaging({ chatId, count: shownCount + messagePageSize })}
          contextStartId={contextStart}
        />
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
