import type { Message } from '@hearth/schema';
import { type AttachmentContents, type InlineImage, messageFiles } from '../attachments/attachment-content.ts';

/** One turn of the history as the request builders take it: the words, and the images of a question. */
export interface HistoryTurn {
  role: 'system' | 'user' | 'assistant';
  /** The message's text, after the text of its files (text and code files, PDFs' extracted text). */
  content: string;
  /** Images attached to the message, for each builder to put in its provider's format. */
  images: InlineImage[];
}

/**
 * Whether a message of the branch being answered is part of what the model sees: every user message and
 * every answer the person saw complete or chose to stop. Answers still in flight, failed attempts and
 * empty turns (no words, no files) are left out, because sending them would put words in the model's mouth that it never finished.
 */
export function isSentToModel(message: Message): boolean {
  if (message.role === 'assistant' && message.status !== 'done' && message.status !== 'stopped') return false;
  return message.content.length > 0 || (message.attachments?.length ?? 0) > 0;
}

/**
 * The part of a conversation the model should see, from the branch being answered (first message first,
 * as `branchTo` gives it: other branches are never sent, and deleted messages are not records any more),
 * the messages `isSentToModel` keeps. Attached files come from `attachments` (read by the app from their
 * blobs); a message with only files is not empty.
 */
export function selectHistory(messages: readonly Message[], attachments?: AttachmentContents): HistoryTurn[] {
  const history: HistoryTurn[] = [];
  for (const message of messages) {
    if (!isSentToModel(message)) continue;
    const files = messageFiles(message.attachments ?? [], attachments);
    const content = [...files.context, message.content].filter((text) => text.length > 0).join('\n\n');
    if (content.length === 0 && files.images.length === 0) continue;
    history.push({ role: message.role, content, images: files.images });
  }
  return history;
}
