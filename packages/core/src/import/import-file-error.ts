/**
 * Why a file could not be imported. Every reader (our archive, each foreign format) throws this, so the
 * import screen can say in the person's language what is wrong with the file and that nothing was
 * written. `detail` carries what the text names (the entry that is missing, the byte where the JSON
 * breaks, the format the file looks like).
 */
export type ImportFileErrorCode =
  /** Not a file any reader knows: neither our archive nor a supported client's export. */
  | 'unrecognized'
  /** The file ends before its content does (an interrupted download or copy). */
  | 'truncated'
  /** The file is the right kind but its content breaks the format (invalid JSON, a missing field). */
  | 'malformed'
  /** A ZIP without the entry the format keeps its conversations in. */
  | 'missing_entry'
  /** Our own archive, written by a newer version of the format than this app reads. */
  | 'newer_version';

export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    readonly detail: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}
