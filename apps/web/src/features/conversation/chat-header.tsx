import { acceptsThinkingBudget } from '@hearth/core';
import type { Chat, ModelConfig } from '@hearth/schema';
import { useState } from 'react';
import { changeChat } from '../../actions/chat-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { setNewChatOptions, setSidebarOpen, useUiStore } from '../../state/ui-store.ts';
import { ChatArchiveActions } from '../archive/chat-archive-actions.tsx';
import { ChatOptionsForm } from './chat-options-form.tsx';
import { conversationStrings } from './conversation-strings.ts';
import { ModelPicker } from './model-picker.tsx';

interface ChatHeaderProps {
  chat: Chat | undefined;
  configs: ModelConfig[];
  defaultConfig: ModelConfig | undefined;
}

/**
 * The open chat's title, its model, its options (system prompt, generation params), and its export as
 * Markdown or print. On the empty new-chat screen the model and options are chosen before the first
 * message, and the chat is created with them.
 */
export function ChatHeader({ chat, configs, defaultConfig }: ChatHeaderProps) {
  const s = useStrings(conversationStrings);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const newChat = useUiStore((state) => state.newChatOptions);
  const options = chat ?? newChat;
  const config = configs.find((candidate) => candidate.id === options.modelConfigId) ?? defaultConfig;
  const choose = (modelConfigId: string | null) =>
    chat ? void changeChat(appStorage(), chat.id, { modelConfigId }) : setNewChatOptions({ modelConfigId });
  const save = async (changed: Pick<Chat, 'systemPrompt' | 'params'>) => {
    if (chat) await changeChat(appStorage(), chat.id, changed);
    else setNewChatOptions(changed);
    setOptionsOpen(false);
  };
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
      {configs.length > 0 && (
        <>
          <ModelPicker
            value={options.modelConfigId}
            onChange={choose}
            configs={configs}
            defaultConfig={defaultConfig}
          />
          <button
            type="button"
            className="button"
            aria-expanded={optionsOpen}
            onClick={() => setOptionsOpen((open) => !open)}
          >
            {s.chatOptions}
          </button>
        </>
      )}
      {chat && <ChatArchiveActions chatId={chat.id} />}
      {optionsOpen && (
        <ChatOptionsForm
          key={chat?.id ?? 'new'}
          initial={options}
          offersThinking={config !== undefined && acceptsThinkingBudget(config.provider)}
          onSave={save}
        />
      )}
    </header>
  );
}
