import type { Chat, Message, ModelConfig, ModelConfigFields } from '@hearth/schema';
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
  fields: Partial<Pick<Chat, 'title' | 'systemPrompt' | 'modelConfigId' | 'params' | 'forkedFrom'>> = {},
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
    createdAt: context.nowMs,
    lastActivityAt: context.nowMs,
  };
}

/** A message the person wrote. */
export function newUserMessage(
  context: RecordContext,
  fields: { chatId: string; content: string; status?: 'done' | 'queued' },
): Message {
  return {
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
    createdAt: context.nowMs,
    feedback: null,
    connection: null,
  };
}

/** The placeholder of an answer about to be requested. */
export function newAssistantMessage(context: RecordContext, fields: { chatId: string; model: string }): Message {
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
    createdAt: context.nowMs,
    feedback: null,
    connection: null,
  };
}

/** A new model configuration from validated form fields. */
export function newModelConfig(context: RecordContext, fields: ModelConfigFields): ModelConfig {
  return { id: uuidV7(context.nowMs), updatedAt: context.clock.tick(), deleted: false, ...fields };
}
