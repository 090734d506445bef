import {
  type AnswerState,
  answerInFlightStatuses,
  BranchReader,
  ConversationTree,
  compareMessages,
  createdAtAfter,
  newAssistantMessage,
  newUserMessage,
  parentForSend,
  parentForVersion,
  subtreeOf,
  titleFromMessage,
} from '@hearth/core';
import {
  type Attachment,
  type Chat,
  type CompletionError,
  chatSchema,
  type Feedback,
  type Message,
  messageSchema,
} from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { dexieBranchSource } from './branch-source.ts';
import { messagesOf } from './chats-repository.ts';
import { isLive, nextVersion, tombstoneFor } from './record-versions.ts';
import { recordContext, type Storage } from './storage.ts';

/** The live messages of a chat in conversation order. */
export async function listMessages(db: AppDatabase, chatId: string): Promise<Message[]> {
  return (await messagesOf(db, chatId).toArray()).filter(isLive).sort(compareMessages);
}

/**
 * The whole tree of a chat (docs/records.md, "Branches"), every message read: for what needs all of it
 * (a subtree to delete, a branch to copy or send). What needs only a few messages uses `chatReader`.
 */
export async function chatTree(db: AppDatabase, chatId: string): Promise<ConversationTree<Message>> {
  return new ConversationTree((await messagesOf(db, chatId).toArray()).filter(isLive));
}

/** The tree of a chat read a lookup at a time through the indexes (core's BranchReader): one per read. */
export function chatReader(db: AppDatabase, chatId: string): BranchReader<Message> {
  return new BranchReader(dexieBranchSource(db, chatId), chatId);
}

/** One live message, or undefined when it does not exist or was deleted. */
export async function getMessage(db: AppDatabase, id: string): Promise<Message | undefined> {
  const message = await db.messages.get(id);
  return isLive(message) ? message : undefined;
}

/**
 * Stores a question at the end of the branch on screen and the placeholder of its answer in one
 * transaction, before any network call, so the question survives whatever happens next. The chat shows
 * the new answer, is titled when it has no title, and moves up.
 */
export async function appendQuestion(
  storage: Storage,
  input: { chatId: string; content: string; model: string; attachments?: readonly Attachment[] },
): Promise<{ question: Message; answer: Message }> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const chat = await liveChat(db, input.chatId);
    const context = recordContext(storage);
    const parent = await parentForSend(chatReader(db, chat.id), chat.shownLeafId);
    const question = messageSchema.parse(
      newUserMessage(context, { chatId: chat.id, content: input.content, parent, ...attachmentsOf(input) }),
    );
    const answer = messageSchema.parse(
      newAssistantMessage(context, { chatId: chat.id, model: input.model, parent: question }),
    );
    await db.messages.bulkAdd([question, answer]);
    await writeChat(storage, chat, {
      title: chat.title || titleFromMessage(input.content || firstFileName(input)),
      lastActivityAt: context.nowMs,
      shownLeafId: answer.id,
    });
    return { question, answer };
  });
}

/**
 * Stores a question written while offline, with status `queued`, at the end of the branch on screen;
 * its answer is asked for later, in order.
 */
export async function appendQueuedQuestion(
  storage: Storage,
  input: { chatId: string; content: string; attachments?: readonly Attachment[] },
): Promise<Message> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const chat = await liveChat(db, input.chatId);
    const context = recordContext(storage);
    const parent = await parentForSend(chatReader(db, chat.id), chat.shownLeafId);
    const question = messageSchema.parse(
      newUserMessage(context, {
        chatId: chat.id,
        content: input.content,
        parent,
        status: 'queued',
        ...attachmentsOf(input),
      }),
    );
    await db.messages.add(question);
    await writeChat(storage, chat, {
      title: chat.title || titleFromMessage(input.content || firstFileName(input)),
      lastActivityAt: context.nowMs,
      shownLeafId: question.id,
    });
    return question;
  });
}

/** The oldest queued question of any chat, if there is one. */
export async function oldestQueuedQuestion(db: AppDatabase): Promise<Message | undefined> {
  const queued = (await db.messages.where('status').equals('queued').toArray()).filter(isLive);
  return queued.sort(compareMessages)[0];
}

/**
 * Moves a queued question out of the queue and adds its answer placeholder right below it, created just
 * after it; the questions queued after it move below that answer, so the conversation reads question,
 * answer, next question even when several were queued.
 */
export async function releaseQueuedQuestion(
  storage: Storage,
  input: { questionId: string; model: string },
): Promise<Message | undefined> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const question = await db.messages.get(input.questionId);
    if (!isLive(question) || question.status !== 'queued') return undefined;
    const below = await chatReader(db, question.chatId).childrenOf(question);
    await db.messages.put(
      nextVersion(messageSchema, question, { ...question, status: 'done', updatedAt: storage.clock.tick() }),
    );
    const answer = messageSchema.parse({
      ...newAssistantMessage(recordContext(storage), { chatId: question.chatId, model: input.model, parent: question }),
      // Before the questions queued after this one, which were written later.
      createdAt: createdAtAfter(question, question.createdAt),
    });
    await db.messages.add(answer);
    const queuedBelow = below.filter((child) => child.parentId === question.id && child.status === 'queued');
    for (const child of queuedBelow) await moveBelow(storage, child, answer);
    const chat = await db.chats.get(question.chatId);
    if (isLive(chat) && chat.shownLeafId === question.id) await writeChat(storage, chat, { shownLeafId: answer.id });
    return answer;
  });
}

/**
 * Takes a queued question back out of the conversation (its text goes back to the composer): a
 * tombstone, and what was queued below it moves up to its parent, so no other question goes with it.
 */
export async function takeBackQueuedQuestion(storage: Storage, id: string): Promise<Message | undefined> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const question = await db.messages.get(id);
    if (!isLive(question) || question.status !== 'queued') return undefined;
    const reader = chatReader(db, question.chatId);
    const parent = (await reader.parentOf(question)) ?? null;
    const below = await reader.childrenOf(question);
    await db.messages.put(tombstoneFor(question.id, storage.clock.tick()));
    for (const child of below) {
      if (child.parentId === question.id) await moveBelow(storage, child, parent);
    }
    const chat = await db.chats.get(question.chatId);
    if (isLive(chat) && chat.shownLeafId === question.id) {
      await writeChat(storage, chat, { shownLeafId: parent?.id ?? null });
    }
    return question;
  });
}

/**
 * Asks again for an answer (regenerate, retry): a new answer placeholder beside the old one (same
 * question), which stays, one switch away. The chat shows the new one.
 */
export async function addAnswerVersion(storage: Storage, input: { answerId: string; model: string }): Promise<Message> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const old = await db.messages.get(input.answerId);
    if (!isLive(old) || old.role !== 'assistant') throw new Error('That answer no longer exists.');
    const chat = await liveChat(db, old.chatId);
    const parent = await parentForVersion(chatReader(db, chat.id), old);
    return addAnswer(storage, { chat, model: input.model, parent });
  });
}

/**
 * An edited question: a new question beside the old one (same parent) with a new answer placeholder
 * below it. The old question and everything below it stay, one switch away; the chat shows the new one.
 */
export async function addQuestionVersion(
  storage: Storage,
  input: { questionId: string; content: string; model: string; attachments?: readonly Attachment[] },
): Promise<Message> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const old = await db.messages.get(input.questionId);
    if (!isLive(old) || old.role !== 'user') throw new Error('That message no longer exists.');
    const chat = await liveChat(db, old.chatId);
    const parent = await parentForVersion(chatReader(db, chat.id), old);
    const question = messageSchema.parse(
      newUserMessage(recordContext(storage), {
        chatId: chat.id,
        content: input.content,
        parent,
        ...attachmentsOf(input),
      }),
    );
    await db.messages.add(question);
    return addAnswer(storage, { chat, model: input.model, parent: question });
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

/**
 * Deletes a message and everything below it, in every branch: tombstones that keep only their ids and
 * the deletion's clock. A chat that showed one of them shows the branch above instead. Returns the ids deleted.
 */
export async function deleteMessage(storage: Storage, id: string): Promise<string[]> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const message = await db.messages.get(id);
    if (!isLive(message)) return [];
    const tree = await chatTree(db, message.chatId);
    const doomed = subtreeOf(tree, id).map((gone) => gone.id);
    await db.messages.bulkPut(doomed.map((gone) => tombstoneFor(gone, storage.clock.tick())));
    const chat = await db.chats.get(message.chatId);
    if (isLive(chat) && chat.shownLeafId != null && doomed.includes(chat.shownLeafId)) {
      await writeChat(storage, chat, { shownLeafId: tree.parentOf(id)?.id ?? null });
    }
    return doomed;
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

// The files of a question, passed on only when there are some (exactOptionalPropertyTypes).
function attachmentsOf(input: { attachments?: readonly Attachment[] }): { attachments?: readonly Attachment[] } {
  return input.attachments !== undefined && input.attachments.length > 0 ? { attachments: input.attachments } : {};
}

// A question of files only is titled by its first file.
function firstFileName(input: { attachments?: readonly Attachment[] }): string {
  return input.attachments?.[0]?.name ?? '';
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

async function addAnswer(
  storage: Storage,
  input: { chat: Chat; model: string; parent: Message | null },
): Promise<Message> {
  const { chat } = input;
  const context = recordContext(storage);
  const answer = messageSchema.parse(
    newAssistantMessage(context, { chatId: chat.id, model: input.model, parent: input.parent }),
  );
  await storage.db.messages.add(answer);
  await writeChat(storage, chat, { lastActivityAt: context.nowMs, shownLeafId: answer.id });
  return answer;
}

// A new version of `message` below `parent`, created after it so that the link holds (see createdAtAfter).
async function moveBelow(storage: Storage, message: Message, parent: Message | null): Promise<void> {
  await storage.db.messages.put(
    nextVersion(messageSchema, message, {
      ...message,
      parentId: parent?.id ?? null,
      createdAt: createdAtAfter(parent, message.createdAt),
      updatedAt: storage.clock.tick(),
    }),
  );
}

/** A new version of a chat with `patch` applied, every field this version does not know kept. */
async function writeChat(storage: Storage, chat: Chat, patch: Partial<Chat>): Promise<void> {
  await storage.db.chats.put(nextVersion(chatSchema, chat, { ...chat, ...patch, updatedAt: storage.clock.tick() }));
}

async function liveChat(db: AppDatabase, id: string): Promise<Chat> {
  const chat = await db.chats.get(id);
  if (!isLive(chat)) throw new Error('This chat was deleted.');
  return chat;
}
