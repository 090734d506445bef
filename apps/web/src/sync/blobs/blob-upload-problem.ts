/**
 * Why some attachments written here are not on the sync server, for the sync status: the account's quota
 * is full, a file is over the server's limit, or the server keeps no files. The chats still sync; other
 * devices show such an attachment as not available.
 */
export type BlobUploadProblem =
  | { code: 'quota_exceeded'; usedBytes: number; limitBytes: number }
  | { code: 'too_large' }
  | { code: 'no_blob_store' };
