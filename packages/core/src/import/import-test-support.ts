import { chatSchema, messageSchema } from '@hearth/schema';
import { expect } from 'vitest';
import { testContext } from '../test/fixtures.ts';
import { ImportFileError } from './import-file-error.ts';
import type { ImportedChat, ImportedMessage } from './imported-chat.ts';
import { importedChatRecords } from './imported-chat-records.ts';
import { readForeignExport } from './read-foreign-export.ts';

/** A file as the browser would hand it over. */
export function fileOf(content: string | Uint8Array): Blob {
  return new Blob([content]);
}

export async function readAll(file: Blob): Promise<ImportedChat[]> {
  const chats: ImportedChat[] = [];
  for await (const chat of readForeignExport(file)) chats.push(chat);
  return chats;
}

/** The error a read ends with, failing the test if it ends without one. */
export async function readError(file: Blob): Promise<ImportFileError> {
  try {
    await readAll(file);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('The read succeeded');
}

export function chatWith(chats: readonly ImportedChat[], sourceId: string): ImportedChat {
  const chat = chats.find((candidate) => candidate.sourceId === sourceId);
  if (!chat) throw new Error(`No chat ${sourceId}`);
  return chat;
}

export function messageWith(chat: ImportedChat, sourceId: string): ImportedMessage {
  const message = chat.messages.find((candidate) => candidate.sourceId === sourceId);
  if (!message) throw new Error(`No message ${sourceId} in ${chat.sourceId}`);
  return message;
}

/** Parent links as `child -> parent`, for comparing a whole tree at once. */
export function parentsOf(chat: ImportedChat): Record<string, string | null> {
  return Object.fromEntries(chat.messages.map((message) => [message.sourceId, message.parentSourceId]));
}

/** The shown branch, root first, by following parents up from the shown leaf. */
export function shownPath(chat: ImportedChat): string[] {
  const byId = new Map(chat.messages.map((message) => [message.sourceId, message]));
  const path: string[] = [];
  for (let id = chat.shownLeafSourceId; id !== null; id = byId.get(id)?.parentSourceId ?? null) path.unshift(id);
  return path;
}

export function noteCount(chat: ImportedChat, kind: string): number {
  return chat.notes.find((note) => note.kind === kind)?.count ?? 0;
}

/** Our records for every chat, each checked against the record schemas. */
export function validRecords(chats: readonly ImportedChat[]) {
  const context = testContext();
  return chats.map((chat) => {
    const records = importedChatRecords(chat, context);
    expect(chatSchema.safeParse(records.chat).error).toBeUndefined();
    for (const message of records.messages) expect(messageSchema.safeParse(message).error).toBeUndefined();
    return records;
  });
}
