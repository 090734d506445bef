import type { Attachment, Chat, Message, ModelConfig, ModelConfigFields } from '@hearth/schema';
import { createdAtAfter, type OrderedMessage } from '../branches/message-order.ts';
import type { HybridClock } from '../clock/hybrid-clock.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';

/** What every record constructor needs: a clock for `updatedAt` and the wall time. */
export interface RecordContext {
  clock: HybridClock;
  nowMs: number;
}

/** A new, empty chat. */
export function newChat(
  context: RecordContext,
  fields: Partial<
    Pick<Chat, 'title' | 'systemPrompt' | 'modelConfigId' | 'params' | 'forkedFrom' | 'shownLeafId'>
  > = {},
): Chat {
  return {
    id: uuidV7(context.nowMs),
    updatedAt: context.clock.tick(),
    deleted: false,
    title: fields.title ?? '',
    systemPrompt: fields.systemPrompt ?? '',
    modelConfigId: fields.modelConfigId ?? null,
    params: fields.params ?? {},
    pinned: false,
    forkedFrom: fields.forkedFrom ?? null,
    shownLeafId: fields.shownLeafId ?? null,
    createdAt: context.nowMs,
    lastActivityAt: context.nowMs,
  };
}

/**
 * A message the person wrote, below `parent` (null: the first message of the chat, or a version of it).
 * Created after its parent whatever this device's clock says, so the tree keeps the link. `attachments`
 * is set only when there are some, so a message without files looks as it always did to older apps.
 */
export function newUserMessage(
  context: RecordContext,
  fields: {
    chatId: string;
    content: string;
    parent: OrderedMessage | null;
    status?: 'done' | 'queued';
    attachments?: readonly Attachment[];
  },
): Message {
  const message: Message = {
    id: uuidV7(context.nowMs),
    updatedAt: context.clock.tick(),
    deleted: false,
    chatId: fields.chatId,
    role: 'user',
    content: fields.content,
    reasoning: '',
    status: fields.status ?? 'done',
    error: null,
    model: null,
    usage: null,
    createdAt: createdAtAfter(fields.parent, context.nowMs),
    feedback: null,
    parentId: fields.parent?.id ?? null,
    connection: null,
  };
  if (fields.attachments !== undefined && fields.attachments.length > 0) message.attachments = [...fields.attachments];
  return message;
}

/** The placeholder of an answer about to be requested, below the question it answers (`parent`). */
export function newAssistantMessage(
  context: RecordContext,
  fields: { chatId: string; model: string; parent: OrderedMessage | null },
): Message {
  return {
    id: uuidV7(context.nowMs),
    updatedAt: context.clock.tick(),
    deleted: false,
    chatId: fields.chatId,
    role: 'assistant',
    content: '',
    reasoning: '',
    status: 'pending',
    error: null,
    model: fields.model,
    usage: null,
    createdAt: createdAtAfter(fields.parent, context.nowMs),
    feedback: null,
    parentId: fields.parent?.id ?? null,
    connection: null,
  };
}

/** A new model configuration from validated form fields. */
export function newModelConfig(context: RecordContext, fields: ModelConfigFields): ModelConfig {
  return { id: uuidV7(context.nowMs), updatedAt: context.clock.tick(), deleted: false, ...fields };
}
