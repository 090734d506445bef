import type { HlcString, SyncRecord } from '@hearth/schema';
import { serializeHlc } from '../../clock/hlc.ts';
import { uuidV7 } from '../../ids/uuid-v7.ts';

/** A clock value at `wallMs` (offset from a fixed epoch), for building records in a known order. */
export function clockAt(wallMs: number, deviceId = 'dev', counter = 0): HlcString {
  return serializeHlc({ wallMs: 1_700_000_000_000 + wallMs, counter, deviceId });
}

/** A valid synced chat. */
export function chatChange(fields: { id?: string; updatedAt?: HlcString; title?: string; deleted?: boolean } = {}) {
  return {
    table: 'chats',
    record: {
      id: fields.id ?? uuidV7(1_700_000_000_000),
      updatedAt: fields.updatedAt ?? clockAt(0),
      deleted: fields.deleted ?? false,
      title: fields.title ?? 'a chat',
      systemPrompt: '',
      modelConfigId: null,
      params: {},
      pinned: false,
      forkedFrom: null,
      createdAt: 1_700_000_000_000,
      lastActivityAt: 1_700_000_000_000,
    },
  } satisfies SyncRecord;
}

/** A valid synced message. */
export function messageChange(fields: { id?: string; updatedAt?: HlcString; content?: string } = {}) {
  return {
    table: 'messages',
    record: {
      id: fields.id ?? uuidV7(1_700_000_000_000),
      updatedAt: fields.updatedAt ?? clockAt(0),
      deleted: false,
      chatId: uuidV7(1_700_000_000_000),
      role: 'user',
      content: fields.content ?? 'hello',
      reasoning: '',
      status: 'done',
      error: null,
      model: null,
      usage: null,
      createdAt: 1_700_000_000_000,
      feedback: null,
      connection: null,
    },
  } satisfies SyncRecord;
}

/** A setting record (device-local keys never sync). */
export function settingChange(key: 'defaultModelConfigId' | 'theme', updatedAt: HlcString = clockAt(0)): SyncRecord {
  return { table: 'settings', record: { key, value: key === 'theme' ? 'dark' : null, updatedAt, deleted: false } };
}
