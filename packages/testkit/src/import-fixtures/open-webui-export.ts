import { enormousText, unicodeMessage } from './fixture-text.ts';
import { type FixtureTree, sampleTree } from './sample-tree.ts';

/**
 * Fixtures in the shape of Open WebUI's "Export chats" file, written from public descriptions of it: a
 * list of chat rows `{ id, user_id, title, chat, created_at, updated_at, pinned, archived }` (times in
 * seconds) whose `chat.history` holds `messages` by id, each with `parentId` and `childrenIds`, and the
 * shown message as `currentId`.
 */

export interface OpenWebUiMessageSpec {
  id: string;
  parentId: string | null;
  role: string;
  content: string;
  /** Seconds. */
  timestamp: number;
  model?: string;
  files?: Record<string, unknown>[];
  annotation?: Record<string, unknown>;
}

export function openWebUiChat(options: {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  currentId: string | null;
  messages: OpenWebUiMessageSpec[];
  system?: string;
  pinned?: boolean;
}): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  for (const message of options.messages) {
    messages[message.id] = {
      ...message,
      childrenIds: options.messages.filter((child) => child.parentId === message.id).map((child) => child.id),
      ...(message.role === 'user' ? { models: ['llama3:8b'] } : { done: true }),
    };
  }
  return {
    id: options.id,
    user_id: 'user-1',
    title: options.title,
    chat: {
      id: '',
      title: options.title,
      models: ['llama3:8b'],
      params: options.system === undefined ? {} : { system: options.system },
      history: { messages, currentId: options.currentId },
      messages: [],
      tags: [],
      timestamp: options.createdAt * 1000,
      files: [],
    },
    updated_at: options.updatedAt,
    created_at: options.createdAt,
    share_id: null,
    archived: false,
    pinned: options.pinned ?? false,
    meta: {},
    folder_id: null,
  };
}

/** The shared branching tree as an Open WebUI chat. */
export function openWebUiTree(tree: FixtureTree): Record<string, unknown> {
  return openWebUiChat({
    id: tree.id,
    title: tree.title,
    createdAt: tree.createdAt / 1000,
    updatedAt: tree.updatedAt / 1000,
    currentId: tree.shownLeaf,
    pinned: true,
    messages: tree.messages.map((message) => ({
      id: message.id,
      parentId: message.parent,
      role: message.role,
      content: message.text,
      timestamp: message.at / 1000,
      ...(message.role === 'assistant' ? { model: 'llama3:8b' } : {}),
    })),
  });
}

const partsStart = 1_720_000_000;

/**
 * Reasoning folded into the answer, an image and a file, ratings, a system prompt, an empty answer, and a
 * message whose parent was deleted.
 */
export function openWebUiPartsChat(): Record<string, unknown> {
  return openWebUiChat({
    id: 'owui-parts',
    title: 'Parts',
    createdAt: partsStart,
    updatedAt: partsStart + 60,
    currentId: 'ow-regenerated',
    system: 'You are terse.',
    messages: [
      {
        id: 'ow-question',
        parentId: null,
        role: 'user',
        content: 'What is this?',
        timestamp: partsStart + 1,
        files: [
          { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
          { type: 'file', name: 'report.pdf' },
        ],
      },
      {
        id: 'ow-thinking',
        parentId: 'ow-question',
        role: 'assistant',
        content:
          '<details type="reasoning" done="true" duration="2">\n<summary>Thought for 2 seconds</summary>\n> It looks like a chart.\n> Of leaves.\n</details>\nA chart of leaves.',
        timestamp: partsStart + 2,
        model: 'deepseek-r1',
        annotation: { rating: 1, comment: 'Spot on' },
      },
      { id: 'ow-empty', parentId: 'ow-question', role: 'assistant', content: '', timestamp: partsStart + 3 },
      {
        id: 'ow-regenerated',
        parentId: 'ow-question',
        role: 'assistant',
        content: 'Leaves, charted.',
        timestamp: partsStart + 4,
        model: 'llama3:8b',
        annotation: { rating: -1 },
      },
      // Its parent was deleted in Open WebUI: the link points at a message the export no longer has.
      {
        id: 'ow-after-deleted',
        parentId: 'ow-deleted',
        role: 'user',
        content: 'Asked under a deleted answer.',
        timestamp: partsStart + 5,
      },
    ],
  });
}

export const openWebUiEnormousBytes = 2 * 1024 * 1024;

export function openWebUiUnicodeChat(): Record<string, unknown> {
  const start = 1_721_000_000;
  return openWebUiChat({
    id: 'owui-unicode',
    title: '',
    createdAt: start,
    updatedAt: start + 5,
    currentId: 'owu-answer',
    messages: [
      { id: 'owu-question', parentId: null, role: 'user', content: unicodeMessage, timestamp: start + 1 },
      {
        id: 'owu-answer',
        parentId: 'owu-question',
        role: 'assistant',
        content: enormousText(openWebUiEnormousBytes),
        timestamp: start + 2,
      },
    ],
  });
}

export function openWebUiChats(): Record<string, unknown>[] {
  return [openWebUiTree(sampleTree), openWebUiPartsChat(), openWebUiUnicodeChat()];
}

export function openWebUiExportJson(chats: readonly unknown[] = openWebUiChats()): string {
  return JSON.stringify(chats);
}

/** The first chat's history has lost its `messages`. */
export function openWebUiBrokenChats(): Record<string, unknown>[] {
  const chats = openWebUiChats();
  delete (chats[0] as { chat: { history: Record<string, unknown> } }).chat.history.messages;
  return chats;
}
