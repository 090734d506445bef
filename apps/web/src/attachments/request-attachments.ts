import { type AttachmentContent, attachmentKind } from '@hearth/core';
import type { Attachment, Message } from '@hearth/schema';
import type { AppDatabase } from '../db/app-database.ts';
import { loadBlob } from './blob-source.ts';

// Extracted PDF text by hash: regenerating or asking again in a chat with a PDF does not parse it again.
const pdfTexts = new Map<string, Promise<string>>();
const pdfTextsKept = 16;

/**
 * Reads what a request sends of every attachment in `messages` (the branch being answered): images in
 * base64, text files decoded, PDFs' text extracted (PDF.js loaded only now). A file that cannot be had or
 * read is left out of the map, and the request names it as unreadable rather than failing the answer.
 */
export async function readRequestAttachments(
  db: AppDatabase,
  messages: readonly Message[],
): Promise<Map<string, AttachmentContent>> {
  const contents = new Map<string, AttachmentContent>();
  for (const message of messages) {
    for (const attachment of message.attachments ?? []) {
      if (contents.has(attachment.hash)) continue;
      const content = await readContent(db, attachment).catch(() => undefined);
      if (content) contents.set(attachment.hash, content);
    }
  }
  return contents;
}

async function readContent(db: AppDatabase, attachment: Attachment): Promise<AttachmentContent | undefined> {
  const kind = attachmentKind(attachment);
  if (kind === 'unsupported') return undefined;
  const blob = await loadBlob(db, attachment);
  if (kind === 'image') return { kind: 'image', mediaType: attachment.mediaType, base64: await base64Of(blob) };
  if (kind === 'text') return { kind: 'text', text: new TextDecoder().decode(await blob.arrayBuffer()) };
  const text = await pdfText(attachment.hash, blob);
  return {
    kind: 'text',
    text: text || '(No text could be extracted from this PDF: it may hold only scanned images.)',
    extractedFromPdf: true,
  };
}

function pdfText(hash: string, blob: Blob): Promise<string> {
  const known = pdfTexts.get(hash);
  if (known !== undefined) return known;
  const extracting = (async () => {
    const { extractPdfText } = await import('./pdf-text.ts');
    return extractPdfText(new Uint8Array(await blob.arrayBuffer()));
  })();
  // A failed extraction is not kept: the next request tries again.
  extracting.catch(() => pdfTexts.delete(hash));
  pdfTexts.set(hash, extracting);
  for (const oldest of pdfTexts.keys()) {
    if (pdfTexts.size <= pdfTextsKept) break;
    pdfTexts.delete(oldest);
  }
  return extracting;
}

/** Base64 of a blob's bytes, a slice at a time (one huge `String.fromCharCode` call overflows the stack). */
export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const slice = 0x8000;
  let binary = '';
  for (let at = 0; at < bytes.length; at += slice) {
    binary += String.fromCharCode(...bytes.subarray(at, at + slice));
  }
  return btoa(binary);
}
