import { chatgptConversation } from './formats/chatgpt-conversation.ts';
import { claudeConversation } from './formats/claude-conversation.ts';
import { nextchatSession } from './formats/nextchat-session.ts';
import { openWebUiChat } from './formats/open-webui-chat.ts';
import type { ImportedChat } from './imported-chat.ts';
import type { JsonOutline } from './json/json-outline.ts';

/** The other clients whose exports can be read (docs/import-formats.md). */
export type ForeignExportFormat = 'chatgpt' | 'claude' | 'open-webui' | 'nextchat';

/** How one client's export is recognised and read. */
export interface ForeignFormat {
  format: ForeignExportFormat;
  /** The keys leading to the list of conversations; empty for a top-level list. */
  conversationsPath: readonly string[];
  /** The export comes as a ZIP with its conversations in an entry of this name (or as that entry alone). */
  zipEntry: string | null;
  /** Entries that only this client's ZIP has: tell its ZIP apart when the conversations list is empty. */
  zipMarkers: readonly string[];
  matches(outline: JsonOutline): boolean;
  conversation(value: unknown, index: number): ImportedChat;
}

/**
 * Each signature is keys that the client writes near the start of every conversation and the others do
 * not: ChatGPT's `mapping`, Claude's `chat_messages`, Open WebUI's row with a `chat` object holding
 * `history` or `messages`, NextChat's store key.
 */
export const foreignFormats: readonly ForeignFormat[] = [
  {
    format: 'chatgpt',
    conversationsPath: [],
    zipEntry: 'conversations.json',
    zipMarkers: ['chat.html', 'message_feedback.json', 'model_comparisons.json', 'shared_conversations.json'],
    matches: (outline) => outline.root === 'array' && outline.has('[]/mapping'),
    conversation: chatgptConversation,
  },
  {
    format: 'claude',
    conversationsPath: [],
    zipEntry: 'conversations.json',
    zipMarkers: ['users.json', 'projects.json'],
    matches: (outline) => outline.root === 'array' && outline.has('[]/chat_messages') && outline.has('[]/uuid'),
    conversation: claudeConversation,
  },
  {
    format: 'open-webui',
    conversationsPath: [],
    zipEntry: null,
    zipMarkers: [],
    matches: (outline) =>
      outline.root === 'array' &&
      outline.has('[]/chat') &&
      (outline.has('[]/chat/history') || outline.has('[]/chat/messages')) &&
      !outline.has('[]/mapping'),
    conversation: openWebUiChat,
  },
  {
    format: 'nextchat',
    conversationsPath: ['chat-next-web-store', 'sessions'],
    zipEntry: null,
    zipMarkers: [],
    matches: (outline) => outline.root === 'object' && outline.has('chat-next-web-store/sessions'),
    conversation: nextchatSession,
  },
];

export function foreignFormat(format: ForeignExportFormat): ForeignFormat {
  const found = foreignFormats.find((candidate) => candidate.format === format);
  if (!found) throw new Error(`No reader for ${format}`);
  return found;
}
