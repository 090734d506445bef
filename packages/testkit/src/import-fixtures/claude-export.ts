import { enormousText, unicodeMessage } from './fixture-text.ts';
import { type FixtureTree, sampleTree } from './sample-tree.ts';
import { type ZipInput, zipBytes } from './zip-writer.ts';

/**
 * Fixtures in the shape of Claude's data export, written from public descriptions of it:
 * `conversations.json` is a list of `{ uuid, name, created_at, updated_at, account, chat_messages }`, each
 * message `{ uuid, text, content, sender: 'human' | 'assistant', created_at, attachments, files }` and,
 * in exports since branches, `parent_message_uuid` (a root names a placeholder uuid).
 */

/** The placeholder a root message names as its parent. */
export const claudeRootParent = '00000000-0000-4000-8000-000000000000';

const iso = (ms: number): string => new Date(ms).toISOString();

export interface ClaudeMessageSpec {
  uuid: string;
  sender: 'human' | 'assistant' | (string & {});
  at: number;
  text?: string;
  content?: Record<string, unknown>[];
  attachments?: Record<string, unknown>[];
  files?: Record<string, unknown>[];
  /** Omitted in older, linear exports; `claudeRootParent` for a root. */
  parent?: string;
}

export function claudeMessage(spec: ClaudeMessageSpec): Record<string, unknown> {
  const text = spec.text ?? '';
  return {
    uuid: spec.uuid,
    text,
    content: spec.content ?? [
      { type: 'text', text, start_timestamp: iso(spec.at), stop_timestamp: iso(spec.at), citations: [] },
    ],
    sender: spec.sender,
    created_at: iso(spec.at),
    updated_at: iso(spec.at),
    attachments: spec.attachments ?? [],
    files: spec.files ?? [],
    ...(spec.parent === undefined ? {} : { parent_message_uuid: spec.parent }),
  };
}

export function claudeConversation(options: {
  uuid: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  messages: Record<string, unknown>[];
}): Record<string, unknown> {
  return {
    uuid: options.uuid,
    name: options.name,
    created_at: iso(options.createdAt),
    updated_at: iso(options.updatedAt),
    account: { uuid: 'account-1' },
    chat_messages: options.messages,
  };
}

/** The shared branching tree as a Claude conversation with parent links, in time order as Claude lists them. */
export function claudeTree(tree: FixtureTree): Record<string, unknown> {
  return claudeConversation({
    uuid: tree.id,
    name: tree.title,
    createdAt: tree.createdAt,
    updatedAt: tree.updatedAt,
    messages: tree.messages.map((message) =>
      claudeMessage({
        uuid: message.id,
        sender: message.role === 'user' ? 'human' : 'assistant',
        at: message.at,
        text: message.text,
        parent: message.parent ?? claudeRootParent,
      }),
    ),
  });
}

const partsStart = Date.UTC(2024, 6, 1, 9, 0, 0);

/** A linear conversation (no parent links, as older exports are) through every kind of content. */
export function claudePartsConversation(): Record<string, unknown> {
  return claudeConversation({
    uuid: 'claude-parts',
    name: 'Parts',
    createdAt: partsStart,
    updatedAt: partsStart + 10_000,
    messages: [
      claudeMessage({
        uuid: 'with-attachment',
        sender: 'human',
        at: partsStart + 1_000,
        text: 'Summarise the notes.',
        attachments: [
          { file_name: 'notes.txt', file_size: 12, file_type: 'text/plain', extracted_content: 'Leaves are green.' },
        ],
        files: [{ file_name: 'photo.jpg' }],
      }),
      claudeMessage({
        uuid: 'thinking-answer',
        sender: 'assistant',
        at: partsStart + 2_000,
        content: [
          { type: 'thinking', thinking: 'The notes say leaves are green.' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png' } },
          { type: 'tool_use', name: 'web_search', input: { query: 'leaf colour' } },
          {
            type: 'tool_result',
            name: 'web_search',
            content: [{ type: 'text', text: 'Chlorophyll is green.' }],
            is_error: false,
          },
          { type: 'text', text: 'Leaves are green because of chlorophyll.' },
        ],
      }),
      claudeMessage({
        uuid: 'old-style',
        sender: 'human',
        at: partsStart + 3_000,
        content: [],
        text: 'Only text, as older exports wrote.',
      }),
      claudeMessage({ uuid: 'empty', sender: 'assistant', at: partsStart + 4_000, text: '' }),
      claudeMessage({ uuid: 'last', sender: 'assistant', at: partsStart + 5_000, text: 'After the empty one.' }),
    ],
  });
}

/** The size of the enormous message in `claudeUnicodeConversation`. */
export const claudeEnormousBytes = 2 * 1024 * 1024;

export function claudeUnicodeConversation(): Record<string, unknown> {
  const start = Date.UTC(2024, 7, 1);
  return claudeConversation({
    uuid: 'claude-unicode',
    name: '',
    createdAt: start,
    updatedAt: start + 5_000,
    messages: [
      claudeMessage({ uuid: 'cu-question', sender: 'human', at: start + 1_000, text: unicodeMessage }),
      claudeMessage({
        uuid: 'cu-enormous',
        sender: 'assistant',
        at: start + 2_000,
        text: enormousText(claudeEnormousBytes),
      }),
    ],
  });
}

export function claudeConversations(): Record<string, unknown>[] {
  return [claudeTree(sampleTree), claudePartsConversation(), claudeUnicodeConversation()];
}

export function claudeExportJson(conversations: readonly unknown[] = claudeConversations()): string {
  return JSON.stringify(conversations, null, 2);
}

/** The export ZIP: conversations.json beside users.json and projects.json. */
export function claudeExportZip(conversationsJson: string = claudeExportJson()): Promise<Uint8Array> {
  const entries: ZipInput[] = [
    { name: 'users.json', data: '[{"uuid":"account-1"}]' },
    { name: 'projects.json', data: '[]' },
    { name: 'conversations.json', data: conversationsJson },
  ];
  return zipBytes(entries);
}

/** The third conversation's second message has lost its `sender`. */
export function claudeBrokenConversations(): Record<string, unknown>[] {
  const conversations = claudeConversations();
  const messages = (conversations[2] as { chat_messages: Record<string, unknown>[] }).chat_messages;
  delete messages[1]?.sender;
  return conversations;
}
