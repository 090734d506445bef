import type { ImportNote, ImportNoteKind } from './imported-chat.ts';

/** Counts what a conversation's reading left out or rewrote, per kind, for the preview. */
export class ImportNotes {
  private readonly counts = new Map<ImportNoteKind, number>();

  add(kind: ImportNoteKind, count = 1): void {
    if (count > 0) this.counts.set(kind, (this.counts.get(kind) ?? 0) + count);
  }

  list(): ImportNote[] {
    return Array.from(this.counts, ([kind, count]) => ({ kind, count }));
  }
}
