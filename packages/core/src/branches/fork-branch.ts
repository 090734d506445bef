import type { Chat, Message, MessageStatus } from '@hearth/schema';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { isAnswerInFlight } from '../records/answer-in-flight.ts';
import { titleFromMessage } from '../records/chat-title.ts';
import { newChat, type RecordContext } from '../records/new-records.ts';

/**
 * "New chat from here": a new chat holding copies of `branch` (a chat's branch, first message first, up
 * to the message chosen), with the chat's own options, `forkedFrom` naming the origin, and its title
 * taken from the first question as any chat's is. The copies get new ids and point at each other, in
 * the same order, with the same times, texts, attachments, reasoning, usage and models; ratings stay with the
 * originals. Only fields this version knows are copied: a field it cannot read may mean something only
 * true of the original. Undefined for an empty branch.
 */
export function forkBranch(
  context: RecordContext,
  input: { chat: Chat; branch: readonly Message[] },
): { chat: Chat; messages: Message[] } | undefined {
  const { chat, branch } = input;
  const from = branch.at(-1);
  if (from === undefined) return undefined;
  const question = branch.find((message) => message.role === 'user') ?? branch[0];
  const fork = newChat(context, {
    title: titleFromMessage(question?.content ?? ''),
    systemPrompt: chat.systemPrompt,
    modelConfigId: chat.modelConfigId,
    params: chat.params,
    forkedFrom: { chatId: chat.id, messageId: from.id },
  });
  const messages: Message[] = [];
  for (const original of branch) {
    // Ids made in branch order by one generator count up, so even copies of the same millisecond keep
    // their order, and every copy sorts after the one it points at.
    const copy: Message = {
      id: uuidV7(context.nowMs),
      updatedAt: context.clock.tick(),
      deleted: false,
      chatId: fork.id,
      role: original.role,
      content: original.content,
      reasoning: original.reasoning,
      status: copiedStatus(original.status),
      error: original.error,
      model: original.model,
      usage: original.usage,
      createdAt: original.createdAt,
      feedback: null,
      parentId: messages.at(-1)?.id ?? null,
      connection: original.connection,
    };
    // The files go with the question: the copy names the same blobs, which are stored once.
    if (original.attachments !== undefined) copy.attachments = original.attachments;
    messages.push(copy);
  }
  return { chat: { ...fork, shownLeafId: messages.at(-1)?.id ?? null }, messages };
}

// A copy is a snapshot: an answer still arriving ends there (its text so far kept, as Stop keeps it),
// and a question waiting for the network is not asked a second time from the new chat.
function copiedStatus(status: MessageStatus): MessageStatus {
  if (isAnswerInFlight(status)) return 'stopped';
  return status === 'queued' ? 'done' : status;
}
