import type { Attachment } from '@hearth/schema';

/**
 * What a request sends of one attachment, read from its blob by the app before the request is built (the
 * builders stay pure): an image's bytes in base64, or the text of a text file or one extracted from a PDF.
 */
export type AttachmentContent =
  | { kind: 'image'; mediaType: string; base64: string }
  | { kind: 'text'; text: string; extractedFromPdf?: boolean };

/** The contents of the attachments of a conversation, by content hash. */
export type AttachmentContents = ReadonlyMap<string, AttachmentContent>;

/** An image as the request builders put it in each provider's format. */
export interface InlineImage {
  mediaType: string;
  base64: string;
}

/** The attachments of a message split for a request: images apart, files as context text. */
export interface MessageFiles {
  images: InlineImage[];
  /** The files' text blocks, each naming its file; empty when there are none. */
  context: string[];
}

/**
 * Splits a message's attachments into images and the text blocks that carry files as context. A file whose
 * content the app could not read is named in a line of its own, so the model is not silently left short.
 */
export function messageFiles(
  attachments: readonly Attachment[],
  contents: AttachmentContents | undefined,
): MessageFiles {
  const files: MessageFiles = { images: [], context: [] };
  for (const attachment of attachments) {
    const content = contents?.get(attachment.hash);
    if (content === undefined) {
      files.context.push(`(The file “${attachment.name}” was attached but could not be read.)`);
    } else if (content.kind === 'image') {
      files.images.push({ mediaType: content.mediaType, base64: content.base64 });
    } else {
      files.context.push(fileContextBlock(attachment.name, content));
    }
  }
  return files;
}

/**
 * A file as context: its name, then its text in a fence longer than any run of backticks inside, so the
 * file cannot close the block early. Text extracted from a PDF says so: its layout and pictures are gone.
 */
export function fileContextBlock(name: string, content: { text: string; extractedFromPdf?: boolean }): string {
  const longestRun = Math.max(0, ...(content.text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const heading = content.extractedFromPdf
    ? `File “${name}” (text extracted from the PDF; its layout and images are not included):`
    : `File “${name}”:`;
  return `${heading}\n${fence}\n${content.text}\n${fence}`;
}
