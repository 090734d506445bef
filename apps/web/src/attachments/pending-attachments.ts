import type { Attachment } from '@hearth/schema';
import { create } from 'zustand';
import type { AttachProblem } from './attach-problem.ts';

// UI state only: the files chosen in a chat's composer and not sent yet, as references. Their bytes are
// stored in IndexedDB the moment they are chosen (attach-files.ts), so switching chats keeps them, and a
// reload forgets only the references (the unreferenced blobs are then freed by the sweep, blob-sweep.ts).

interface PendingAttachmentsState {
  /** Per chat key ('' for a chat not created yet), in the order chosen. */
  byChat: Record<string, Attachment[]>;
  /** The last files that could not be attached, per chat key, until dismissed or sent. */
  problems: Record<string, AttachProblem[]>;
}

/** The composer's pending files. Changes go through the functions below. */
export const usePendingAttachments = create<PendingAttachmentsState>()(() => ({ byChat: {}, problems: {} }));

const keyOf = (chatId: string | null) => chatId ?? '';

/** The files waiting in a chat's composer. */
export function pendingAttachmentsOf(chatId: string | null): readonly Attachment[] {
  return usePendingAttachments.getState().byChat[keyOf(chatId)] ?? [];
}

/** Adds files (already stored) to a chat's composer; a file already there is not added twice. */
export function addPendingAttachments(chatId: string | null, added: readonly Attachment[]): void {
  usePendingAttachments.setState((state) => {
    const current = state.byChat[keyOf(chatId)] ?? [];
    const fresh = added.filter((file) => !current.some((present) => present.hash === file.hash));
    return { byChat: { ...state.byChat, [keyOf(chatId)]: [...current, ...fresh] } };
  });
}

/** Takes one file out of a chat's composer. */
export function removePendingAttachment(chatId: string | null, hash: string): void {
  usePendingAttachments.setState((state) => ({
    byChat: { ...state.byChat, [keyOf(chatId)]: (state.byChat[keyOf(chatId)] ?? []).filter((f) => f.hash !== hash) },
  }));
}

/** Empties a chat's composer of files, once its message is stored. */
export function clearPendingAttachments(chatId: string | null): void {
  usePendingAttachments.setState((state) => ({
    byChat: { ...state.byChat, [keyOf(chatId)]: [] },
    problems: { ...state.problems, [keyOf(chatId)]: [] },
  }));
}

/** Shows (or, with none, clears) why files were not attached in a chat's composer. */
export function setAttachProblems(chatId: string | null, problems: AttachProblem[]): void {
  usePendingAttachments.setState((state) => ({ problems: { ...state.problems, [keyOf(chatId)]: problems } }));
}

/** Every blob a composer is holding on to, in any chat: the sweep must keep these. */
export function allPendingHashes(): Set<string> {
  const hashes = new Set<string>();
  for (const files of Object.values(usePendingAttachments.getState().byChat)) {
    for (const file of files) hashes.add(file.hash);
  }
  return hashes;
}
