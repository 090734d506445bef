import type { Chat, ModelConfig } from '@hearth/schema';
import { useState } from 'react';
import { changeChat } from '../../actions/chat-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { setSidebarOpen } from '../../state/ui-store.ts';
import { ChatArchiveActions } from '../archive/chat-archive-actions.tsx';
import { conversationStrings } from './conversation-strings.ts';

interface ChatHeaderProps {
  chat: Chat | undefined;
  configs: ModelConfig[];
  defaultConfig: ModelConfig | undefined;
}

/** The open chat's title, its model, its options (system prompt), and its export as Markdown or print. */
export function ChatHeader({ chat, configs, defaultConfig }: ChatHeaderProps) {
  const s = useStrings(conversationStrings);
  const [optionsOpen, setOptionsOpen] = useState(false);
  return (
    <header className="chat-header">
      <button
        type="button"
        className="icon-button menu-button"
        aria-label={s.openMenu}
        onClick={() => setSidebarOpen(true)}
      >
        ☰
      </button>
      <h1 className="chat-title">{chat?.title || s.untitled}</h1>
      {chat && (
        <>
          <label className="model-select">
            <span className="visually-hidden">{s.model}</span>
            <select
              value={chat.modelConfigId ?? ''}
              onChange={(event) =>
                void changeChat(appStorage(), chat.id, { modelConfigId: event.target.value || null })
              }
            >
              <option value="">
                {s.defaultModel}
                {defaultConfig ? ` (${defaultConfig.name})` : ''}
              </option>
              {configs.map((config) => (
                <option key={config.id} value={config.id}>
                  {config.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            aria-expanded={optionsOpen}
            onClick={() => setOptionsOpen((open) => !open)}
          >
            {s.chatOptions}
          </button>
          <ChatArchiveActions chatId={chat.id} />
        </>
      )}
      {chat && optionsOpen && <ChatOptions key={chat.id} chat={chat} onDone={() => setOptionsOpen(false)} />}
    </header>
  );
}

function ChatOptions({ chat, onDone }: { chat: Chat; onDone: () => void }) {
  const s = useStrings(conversationStrings);
  const [systemPrompt, setSystemPrompt] = useState(chat.systemPrompt);
  return (
    <form
      className="chat-options"
      onSubmit={(event) => {
        event.preventDefault();
        void changeChat(appStorage(), chat.id, { systemPrompt }).then(onDone);
      }}
    >
      <label>
        {s.systemPrompt}
        <textarea value={systemPrompt} onChange={(event) => setSystemPrompt(event.target.value)} rows={4} />
      </label>
      <button type="submit" className="button primary">
        {s.save}
      </button>
    </form>
  );
}
