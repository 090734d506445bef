import { serializeHlc, uuidV7 } from '@hearth/core';
import type { Chat, HlcString, Message, SyncMutation, SyncRecord } from '@hearth/schema';
import { syncProtocolVersion } from '@hearth/schema';

/** A fixed server time for tests: 2023-11-14. */
export const testNowMs = 1_700_000_000_000;

/** A clock value at `wallMs` (default: the test time) for `deviceId`. */
export function clockAt(options: { wallMs?: number; counter?: number; deviceId?: string } = {}): HlcString {
  return serializeHlc({
    wallMs: options.wallMs ?? testNowMs,
    counter: options.counter ?? 0,
    deviceId: options.deviceId ?? 'dev',
  });
}

/** A valid chat record as a sync change. */
export function chatChange(fields: Partial<Chat> = {}): { table: 'chats'; record: Chat } {
  return {
    table: 'chats',
    record: {
      id: uuidV7(testNowMs),
      updatedAt: clockAt(),
      deleted: false,
      title: 'A chat',
      systemPrompt: '',
      modelConfigId: null,
      params: {},
      pinned: false,
      forkedFrom: null,
      createdAt: testNowMs,
      lastActivityAt: testNowMs,
      ...fields,
    },
  };
}

/** A valid message record as a sync change; `content` sets its size. */
export function messageChange(fields: Partial<Message> = {}): { table: 'messages'; record: Message } {
  return {
    table: 'messages',
    record: {
      id: uuidV7(testNowMs),
      updatedAt: clockAt(),
      deleted: false,
      chatId: uuidV7(testNowMs),
      role: 'assistant',
      content: 'Hello!',
      reasoning: '',
      status: 'done',
      error: null,
      model: 'test-model',
      usage: null,
      createdAt: testNowMs,
      feedback: null,
      connection: null,
      ...fields,
    },
  };
}

/** The deletion of a chat or message at `updatedAt`: only its identity and the clock. */
export function tombstoneOf(
  change: { table: 'chats' | 'messages'; record: { id: string } },
  updatedAt: HlcString,
): SyncRecord {
  return { table: change.table, record: { id: change.record.id, updatedAt, deleted: true } };
}

/** Numbers changes as one device's mutations, from `firstId`. */
export function mutationsOf(changes: readonly SyncRecord[], firstId = 1): SyncMutation[] {
  return changes.map((change, index) => ({ mutationId: firstId + index, change }));
}

/** A push request body. */
export function pushOf(mutations: SyncMutation[]) {
  return { protocolVersion: syncProtocolVersion, mutations };
}
