import { attachmentKind, storedMediaType } from '@hearth/core';
import { type Attachment, attachmentMaxBytes, attachmentSchema, attachmentsPerMessageMax } from '@hearth/schema';
import { toUserFacingError } from '../actions/user-facing-error.ts';
import type { AppDatabase } from '../db/app-database.ts';
import { storeBlob } from '../db/blob-store.ts';
import type { AttachProblem } from './attach-problem.ts';
import { addPendingAttachments, pendingAttachmentsOf, setAttachProblems } from './pending-attachments.ts';

/** A file's checks before anything is stored: the kind, the size, and room on the message. */
export function checkFile(file: { name: string; size: number; mediaType: string }, room: number): AttachProblem | null {
  if (room <= 0) return { code: 'too_many', name: file.name };
  if (file.size > attachmentMaxBytes) return { code: 'too_large', name: file.name, size: file.size };
  if (attachmentKind(file) === 'unsupported') return { code: 'unsupported', name: file.name };
  return null;
}

/**
 * Attaches files to a chat's composer (from the picker, a paste, a drop or the camera): each checked, then
 * stored as a blob at once and referenced by the composer. A file that fails a check or cannot be stored is
 * named in a problem and left out; the others, the files attached before and the draft text stay.
 */
export async function attachFiles(db: AppDatabase, chatId: string | null, files: readonly File[]): Promise<void> {
  const problems: AttachProblem[] = [];
  const attached: Attachment[] = [];
  for (const file of files) {
    const name = file.name || 'file';
    const mediaType = storedMediaType({ name, browserType: file.type });
    const room = attachmentsPerMessageMax - pendingAttachmentsOf(chatId).length - attached.length;
    const problem = checkFile({ name, size: file.size, mediaType }, room);
    if (problem) {
      problems.push(problem);
      continue;
    }
    try {
      const hash = await storeBlob(db, file, mediaType);
      attached.push(
        attachmentSchema.parse({
          hash,
          name: name.slice(0, 255),
          mediaType,
          size: file.size,
          ...(await imageSize(file, mediaType)),
        }),
      );
    } catch (error) {
      const code = toUserFacingError(error).code === 'storage_full' ? 'storage_full' : 'storage_failed';
      problems.push({ code, name });
    }
  }
  addPendingAttachments(chatId, attached);
  setAttachProblems(chatId, problems);
}

// The pixel size of an image, for its thumbnail's box; nothing when the browser cannot decode it.
async function imageSize(file: Blob, mediaType: string): Promise<{ width?: number; height?: number }> {
  if (attachmentKind({ name: '', mediaType }) !== 'image' || typeof createImageBitmap !== 'function') return {};
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size.width > 0 && size.height > 0 ? size : {};
  } catch {
    return {};
  }
}
