/** Why a file the person chose was not attached; each is worded in attachment-strings.ts, naming the file. */
export type AttachProblem =
  | { code: 'too_large'; name: string; size: number }
  | { code: 'too_many'; name: string }
  | { code: 'unsupported'; name: string }
  | { code: 'storage_full'; name: string }
  | { code: 'storage_failed'; name: string };
