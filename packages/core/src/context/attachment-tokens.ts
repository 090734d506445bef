import type { Message } from '@hearth/schema';
import { type AttachmentContents, messageFiles } from '../attachments/attachment-content.ts';
import { estimateTextTokens } from './token-estimate.ts';

/**
 * What one image is counted as. Providers price images by their pixels (Anthropic about w×h/750 tokens,
 * at most ~1,600 once it scales a large image down; OpenAI 85 plus 170 per 512-pixel tile of a scaled copy,
 * ~1,100 for a typical photo; Gemini 258 per tile): the largest of these keeps the estimate on the safe side.
 */
export const imageTokens = 1_600;

/**
 * The tokens a message's files add to a request: the text blocks of text files and PDFs as they are sent,
 * and a fixed figure per image. Files that could not be read are counted by the line that says so.
 */
export function attachmentTokens(
  message: Pick<Message, 'attachments'>,
  contents: AttachmentContents | undefined,
): number {
  const attachments = message.attachments ?? [];
  if (attachments.length === 0) return 0;
  const files = messageFiles(attachments, contents);
  return files.images.length * imageTokens + files.context.reduce((sum, block) => sum + estimateTextTokens(block), 0);
}
