import {
  type AnswerState,
  answerInFlightStatuses,
  newAssistantMessage,
  newUserMessage,
  titleFromMessage,
} from '@hearth/core';
import { type CompletionError, chatSchema, type Feedback, type Message, messageSchema } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { messagesOf } from './chats-repository.ts';
import { isLive, nextVersion, tombstoneFor } from './record-versions.ts';
import { recordContext, type Storage } from './storage.ts';

/** The live messages of a chat in conversation order. */
export async function listMessages(db: AppDatabase, chatId: string): Promise<Message[]> {
  const messages = (await messagesOf(db, chatId).toArray()).filter(isLive);
  // Same-millisecond messages (a question and its answer placeholder) order by their time-ordered ids.
  return messages.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One live message, or undefined when it does not exist or was deleted. */
export async function getMessage(db: AppDatabase, id: string): Promise<Message | undefined> {
  const message = await db.messages.get(id);
  return isLive(message) ? message : undefined;
}

/** The newest `limit` live messages of a chat in conversation order, and whether older ones exist. */
export async function recentMessages(
  db: AppDatabase,
  chatId: string,
  limit: number,
): Promise<{ messages: Message[]; hasEarlier: boolean }> {
  // The [chatId+createdAt] index orders by time, then by the time-ordered id: conversation order, read
  // newest first so a long chat costs only the page that is shown.
  const newest = (
    await messagesOf(db, chatId)
      .reverse()
      .limit(limit + 1)
      .toArray()
  ).filter(isLive);
  return { messages: newest.slice(0, limit).reverse(), hasEarlier: newest.length > limit };
}

/**
 * Stores a question and the placeholder of its answer in one transaction, before any network call,
 * so the question survives whatever happens next. Also titles an untitled chat and moves it up.
 */
export async function appendQuestion(
  storage: Storage,
  input: { chatId: string; content: string; model: string },
): Promise<{ question: Message; answer: Message }> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const chat = await db.chats.get(input.chatId);
    if (!isLive(chat)) throw new Error('This chat was deleted.');
    const context = recordContext(storage);
    const question = messageSchema.parse(newUserMessage(context, { chatId: input.chatId, content: input.content }));
    const answer = messageSchema.parse(newAssistantMessage(context, { chatId: input.chatId, model: input.model }));
    await db.messages.bulkAdd([question, answer]);
    await db.chats.put(
      nextVersion(chatSchema, chat, {
        ...chat,
        title: chat.title || titleFromMessage(input.content),
        lastActivityAt: context.nowMs,
        updatedAt: storage.clock.tick(),
      }),
    );
    return { question, answer };
  });
}

/** Stores a question written while offline, with status `queued`; its answer is asked for later, in order. */
export async function appendQueuedQuestion(
  storage: Storage,
  input: { chatId: string; content: string },
): Promise<Message> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const chat = await db.chats.get(input.chatId);
    if (!isLive(chat)) throw new Error('This chat was deleted.');
    const context = recordContext(storage);
    const question = messageSchema.parse(
      newUserMessage(context, { chatId: input.chatId, content: input.content, status: 'queued' }),
    );
    await db.messages.add(question);
    await db.chats.put(
      nextVersion(chatSchema, chat, {
        ...chat,
        title: chat.title || titleFromMessage(input.content),
        lastActivityAt: context.nowMs,
        updatedAt: storage.clock.tick(),
      }),
    );
    return question;
  });
}

/** The oldest queued question of any chat, if there is one. */
export async function oldestQueuedQuestion(db: AppDatabase): Promise<Message | undefined> {
  const queued = (await db.messages.where('status').equals('queued').toArray()).filter(isLive);
  return queued.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0];
}

/**
 * Moves a queued question out of the queue and adds its answer placeholder right after it (same
 * time, later id), so the conversation reads question, answer, next question even when several were queued.
 */
export async function releaseQueuedQuestion(
  storage: Storage,
  input: { questionId: string; model: string },
): Promise<Message | undefined> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const question = await db.messages.get(input.questionId);
    if (!isLive(question) || question.status !== 'queued') return undefined;
    await db.messages.put(
      nextVersion(messageSchema, question, { ...question, status: 'done', updatedAt: storage.clock.tick() }),
    );
    const answer = messageSchema.parse({
      ...newAssistantMessage(recordContext(storage), { chatId: question.chatId, model: input.model }),
      createdAt: question.createdAt,
    });
    await db.messages.add(answer);
    return answer;
  });
}

/**
 * Replaces the answer to a question with a fresh placeholder (regenerate, retry): the old answer
 * becomes a tombstone, as does everything after it.
 */
export async function replaceAnswer(storage: Storage, input: { answerId: string; model: string }): Promise<Message> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const old = await db.messages.get(input.answerId);
    if (!isLive(old) || old.role !== 'assistant') throw new Error('That answer no longer exists.');
    await tombstoneFrom(storage, old);
    return addAnswer(storage, old.chatId, input.model);
  });
}

/** Changes a question's text and asks again: every later message is replaced by a new answer. */
export async function editQuestion(
  storage: Storage,
  input: { questionId: string; content: string; model: string },
): Promise<Message> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const question = await db.messages.get(input.questionId);
    if (!isLive(question) || question.role !== 'user') throw new Error('That message no longer exists.');
    const later = (await listMessages(db, question.chatId)).filter((m) => isAfter(m, question));
    const first = later[0];
    if (first) await tombstoneFrom(storage, first);
    await db.messages.put(
      nextVersion(messageSchema, question, { ...question, content: input.content, updatedAt: storage.clock.tick() }),
    );
    return addAnswer(storage, question.chatId, input.model);
  });
}

/** Writes what is known of an answer (called a few times a second while it streams, and at the end). */
export async function saveAnswer(
  storage: Storage,
  input: { id: string; state: AnswerState; connection?: Message['connection'] },
): Promise<void> {
  const { state } = input;
  await storage.db.transaction('rw', storage.db.messages, async () => {
    const message = await storage.db.messages.get(input.id);
    if (!isLive(message)) return;
    await storage.db.messages.put(
      nextVersion(messageSchema, message, {
        ...message,
        content: state.content,
        reasoning: state.reasoning,
        status: state.status,
        error: state.error,
        usage: state.usage,
        connection: input.connection ?? message.connection,
        updatedAt: storage.clock.tick(),
      }),
    );
  });
}

/** Marks an answer as failed without touching the text it has. */
export async function failAnswer(storage: Storage, input: { id: string; error: CompletionError }): Promise<void> {
  await patchMessage(storage, input.id, { status: 'error', error: input.error });
}

/** Deletes one message: a tombstone that keeps only its id and the deletion's clock. */
export async function deleteMessage(storage: Storage, id: string): Promise<void> {
  await storage.db.transaction('rw', storage.db.messages, async () => {
    if (!isLive(await storage.db.messages.get(id))) return;
    await storage.db.messages.put(tombstoneFor(id, storage.clock.tick()));
  });
}

/** Records the person's rating of an answer, or clears it. */
export async function setFeedback(storage: Storage, id: string, feedback: Feedback | null): Promise<void> {
  await patchMessage(storage, id, { feedback });
}

/** Answers that were streaming when their tab died: `isStreaming` says which are still owned by an open tab. */
export async function recoverAbandonedAnswers(
  storage: Storage,
  isStreaming: (messageId: string) => boolean,
): Promise<number> {
  const unfinished = (await storage.db.messages.where('status').anyOf(answerInFlightStatuses).toArray()).filter(isLive);
  const abandoned = unfinished.filter((message) => !isStreaming(message.id));
  for (const message of abandoned) {
    await failAnswer(storage, {
      id: message.id,
      error: { code: 'abandoned', message: 'The page closed before this answer finished.' },
    });
  }
  return abandoned.length;
}

async function patchMessage(storage: Storage, id: string, patch: Partial<Message>): Promise<void> {
  await storage.db.transaction('rw', storage.db.messages, async () => {
    const message = await storage.db.messages.get(id);
    if (!isLive(message)) return;
    await storage.db.messages.put(
      nextVersion(messageSchema, message, { ...message, ...patch, updatedAt: storage.clock.tick() }),
    );
  });
}

async function addAnswer(storage: Storage, chatId: string, model: string): Promise<Message> {
  const context = recordContext(storage);
  const answer = messageSchema.parse(newAssistantMessage(context, { chatId, model }));
  await storage.db.messages.add(answer);
  const chat = await storage.db.chats.get(chatId);
  if (isLive(chat)) {
    await storage.db.chats.put(
      nextVersion(chatSchema, chat, { ...chat, lastActivityAt: context.nowMs, updatedAt: storage.clock.tick() }),
    );
  }
  return answer;
}

// Tombstones a message and every message after it in its chat.
async function tombstoneFrom(storage: Storage, from: Message): Promise<void> {
  const doomed = (await listMessages(storage.db, from.chatId)).filter((m) => m.id === from.id || isAfter(m, from));
  await storage.db.messages.bulkPut(doomed.map((message) => tombstoneFor(message.id, storage.clock.tick())));
}

function isAfter(message: Message, reference: Message): boolean {
  return (
    message.createdAt > reference.createdAt || (message.createdAt === reference.createdAt && message.id > reference.id)
  );
}
