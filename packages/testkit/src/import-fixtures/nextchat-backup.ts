import { enormousText, unicodeMessage } from './fixture-text.ts';

/**
 * Fixtures in the shape of NextChat's backup ("Export" under local data), written from public
 * descriptions of it: an object of its persisted stores by key; the chat store `chat-next-web-store`
 * holds `sessions`, each `{ id, topic, memoryPrompt, messages, lastUpdate, mask }`, and each message
 * `{ id, role, content, date, model? }` with `date` written by `toLocaleString()` in the writer's locale.
 */

export interface NextchatMessageSpec {
  id?: string | number;
  role: string;
  content: string | Record<string, unknown>[];
  date: string | number;
  model?: string;
}

export function nextchatSession(options: {
  id: string;
  topic: string;
  lastUpdate: number;
  messages: NextchatMessageSpec[];
  maskCreatedAt?: number;
  maskContext?: NextchatMessageSpec[];
  model?: string;
}): Record<string, unknown> {
  return {
    id: options.id,
    topic: options.topic,
    memoryPrompt: '',
    messages: options.messages,
    stat: { tokenCount: 0, wordCount: 0, charCount: 0 },
    lastUpdate: options.lastUpdate,
    lastSummarizeIndex: 0,
    mask: {
      id: `mask-${options.id}`,
      avatar: 'gpt-bot',
      name: 'New Chat',
      context: options.maskContext ?? [],
      syncGlobalConfig: true,
      modelConfig: { model: options.model ?? 'gpt-4o-mini', temperature: 0.5, max_tokens: 4000 },
      lang: 'en',
      builtin: false,
      ...(options.maskCreatedAt === undefined ? {} : { createdAt: options.maskCreatedAt }),
    },
  };
}

/** A backup as NextChat writes it: every store, the chat store's sessions among them. */
export function nextchatBackup(sessions: readonly unknown[]): Record<string, unknown> {
  return {
    'access-control': { accessCode: '', useCustomConfig: false },
    'chat-next-web-store': { sessions, currentSessionIndex: 0, lastInput: '', lastUpdateTime: 1_715_350_000_000 },
    'app-config': { theme: 'auto', submitKey: 'Enter' },
    'mask-store': { masks: {} },
    'prompt-store': { counter: 0, prompts: {} },
  };
}

/** Epoch ms of the en-US and zh-CN dates in the fixture, as wall-clock time (the reader's time zone aside). */
export const nextchatWallTimes = {
  enUs: Date.UTC(2024, 4, 10, 14, 22, 33),
  zhCn: Date.UTC(2024, 4, 10, 14, 23, 5),
  deDe: Date.UTC(2024, 4, 10, 14, 24, 0),
};

export const nextchatEnormousBytes = 2 * 1024 * 1024;

export function nextchatSessions(): Record<string, unknown>[] {
  return [
    nextchatSession({
      id: 'nc-linear',
      topic: 'Linear chat',
      lastUpdate: 1_715_350_000_000,
      maskCreatedAt: 1_715_340_000_000,
      maskContext: [
        { id: 'ctx-system', role: 'system', content: 'You are a gardener.', date: '' },
        { id: 'ctx-example', role: 'user', content: 'Always answer in one line.', date: '' },
      ],
      messages: [
        { id: 'nc-q1', role: 'user', content: 'How do I water a fern?', date: '5/10/2024, 2:22:33 PM' },
        {
          id: 'nc-a1',
          role: 'assistant',
          content: 'Keep the soil moist.',
          date: '2024/5/10 14:23:05',
          model: 'gpt-4o',
        },
        { id: 'nc-q2', role: 'user', content: 'And in winter?', date: '10.5.2024, 14:24:00' },
        { id: 'nc-a2', role: 'assistant', content: 'Less often.', date: 'sometime' },
      ],
    }),
    nextchatSession({
      id: 'nc-parts',
      topic: 'Images and unicode',
      lastUpdate: 1_715_360_000_000,
      messages: [
        {
          id: 'ncp-image',
          role: 'user',
          content: [
            { type: 'text', text: unicodeMessage },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.org/leaf.png' } },
          ],
          date: '2024/5/11 09:00:00',
        },
        { id: 'ncp-empty', role: 'assistant', content: '', date: '2024/5/11 09:00:01' },
        {
          id: 'ncp-enormous',
          role: 'assistant',
          content: enormousText(nextchatEnormousBytes),
          date: '2024/5/11 09:00:02',
        },
      ],
    }),
  ];
}

export function nextchatBackupJson(sessions: readonly unknown[] = nextchatSessions()): string {
  return JSON.stringify(nextchatBackup(sessions));
}

/** The second session has lost its `messages`. */
export function nextchatBrokenSessions(): Record<string, unknown>[] {
  const sessions = nextchatSessions();
  delete sessions[1]?.messages;
  return sessions;
}
