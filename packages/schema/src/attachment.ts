import { z } from 'zod/mini';

/**
 * A SHA-256 digest of a blob's bytes, in lowercase hex. It is the blob's name everywhere: in IndexedDB,
 * in message records and in the server's blob store, so the same file attached twice is stored once and
 * a blob can be verified against its name.
 */
export const contentHashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 content hash'));
export type ContentHash = z.infer<typeof contentHashSchema>;

/** The largest file one attachment may be (the server's blob store refuses larger uploads too). */
export const attachmentMaxBytes = 20 * 1024 * 1024;
/** How many files one message may carry. */
export const attachmentsPerMessageMax = 20;

/**
 * A file attached to a message. The record carries only its description; the bytes live apart, as a blob
 * named by `hash` (IndexedDB on each device, the server's blob store for sync), so records stay small and
 * a device downloads a blob only when it is shown or sent. What kind of file it is (image, text, PDF) is
 * read from `mediaType`, so a newer app's new kinds never make an older app refuse the message.
 */
export const attachmentSchema = z.looseObject({
  hash: contentHashSchema,
  name: z.string().check(z.minLength(1, 'A file name is required'), z.maxLength(255, 'File name is too long')),
  mediaType: z.string().check(z.minLength(1), z.maxLength(255)),
  size: z.int().check(z.nonnegative(), z.lte(attachmentMaxBytes, 'File is too large')),
  /** Pixel size of an image, for its thumbnail's box before the blob is here. */
  width: z.optional(z.int().check(z.positive())),
  height: z.optional(z.int().check(z.positive())),
});
export type Attachment = z.infer<typeof attachmentSchema>;
