import {
  detectForeignExport,
  type ImportedChat,
  type ImportedChatRecords,
  importedChatRecords,
  type RecordContext,
  readForeignExport,
} from '@hearth/core';

/**
 * The readers of other clients' exports (ChatGPT, Claude, ...), as the import pipeline uses them. They
 * live in @hearth/core (packages/core/src/import/), written beside this pipeline; this is the one place
 * that connects them.
 */
export interface ForeignFormats {
  /** The format of a file, or null when no reader knows it. */
  detect(file: Blob): Promise<string | null>;
  /** The file's conversations, one at a time; throws ImportFileError naming what is wrong. */
  read(
    file: Blob,
    options: { onProgress?(bytesRead: number, totalBytes: number): void; signal?: AbortSignal },
  ): AsyncIterable<ImportedChat>;
  /** A conversation as our records, with ids derived from the source's (importing twice adds nothing). */
  records(chat: ImportedChat, context: RecordContext): ImportedChatRecords;
}

/** The readers of @hearth/core: ChatGPT, Claude, Open WebUI and NextChat (docs/import-formats.md). */
export const foreignFormats: ForeignFormats = {
  detect: detectForeignExport,
  read: readForeignExport,
  records: importedChatRecords,
};
