import type { ClipboardEvent } from 'react';
import { attachFilesLater } from '../../attachments/attach-files-later.ts';

/**
 * A paste into the composer that carries files (a screenshot, files copied in a file manager) attaches
 * them; its text, if it has some too, still goes into the text box, and a paste of text alone is untouched.
 */
export function pasteFiles(event: ClipboardEvent, chatId: string | null): void {
  const files = [...event.clipboardData.files];
  if (files.length === 0) return;
  if (!event.clipboardData.types.includes('text/plain')) event.preventDefault();
  attachFilesLater(chatId, files);
}
