import { useLiveQuery } from 'dexie-react-hooks';
import { appStorage } from '../../app/app-storage.ts';
import { getChat } from '../../db/chats-repository.ts';
import { listMessages } from '../../db/messages-repository.ts';
import { getModelConfig, listModelConfigs } from '../../db/model-configs-repository.ts';
import { getSetting } from '../../db/settings-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { ChatHeader } from './chat-header.tsx';
import { Composer } from './composer.tsx';
import { conversationStrings } from './conversation-strings.ts';
import { MessageList } from './message-list.tsx';

/** The open chat (or the empty screen of a new one) with its composer. */
export function ChatView() {
  const s = useStrings(conversationStrings);
  const { db } = appStorage();
  const chatId = useUiStore((state) => state.selectedChatId);
  const chat = useLiveQuery(() => (chatId ? getChat(db, chatId) : undefined), [chatId]);
  const messages = useLiveQuery(() => (chatId ? listMessages(db, chatId) : []), [chatId], []);
  const configs = useLiveQuery(() => listModelConfigs(db), [], []);
  const defaultConfig = useLiveQuery(async () => {
    const id = await getSetting(db, 'defaultModelConfigId');
    return id ? getModelConfig(db, id) : undefined;
  }, []);

  const unfinished = messages.filter((message) => message.status === 'pending' || message.status === 'streaming');
  // Stop is offered for the answer this tab is streaming; another tab's answer only blocks re-asking.
  const streamingHere = useUiStore((state) => unfinished.find((message) => state.liveAnswers[message.id])?.id ?? null);

  return (
    <main className="chat-view">
      <ChatHeader chat={chat} configs={configs} defaultConfig={defaultConfig ?? configs[0]} />
      {chatId && messages.length > 0 ? (
        <MessageList messages={messages} busy={unfinished.length > 0} />
      ) : (
        <div className="empty-chat">
          <h2>{s.emptyTitle}</h2>
          <p>{s.emptyHint}</p>
        </div>
      )}
      <Composer chatId={chatId} streamingAnswerId={streamingHere} />
    </main>
  );
}
