import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// This module is loaded only when a PDF's text is needed (request-attachments.ts imports it lazily), so
// PDF.js and its worker never weigh on the first load. The worker parses off the main thread.
GlobalWorkerOptions.workerSrc = workerUrl;

/** The text of a PDF, page by page (pages apart by a blank line); empty when it has none (a scan). */
export async function extractPdfText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  // No fetching of font data or WebAssembly decoders: text extraction needs neither.
  const task = getDocument({ data: bytes, useWorkerFetch: false, useWasm: false });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.trim());
      page.cleanup();
    }
    return pages.filter((text) => text.length > 0).join('\n\n');
  } finally {
    await task.destroy();
  }
}
