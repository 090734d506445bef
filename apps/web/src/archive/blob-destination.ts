/**
 * A destination that keeps an archive as a list of Blobs, one per chunk: the browser holds Blob data
 * outside the page's memory (and on disk when large), so a big export never sits in the JS heap whole.
 */
export function blobDestination(type: string): { writable: WritableStream<Uint8Array>; blob(): Blob } {
  const parts: Blob[] = [];
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
    },
  });
  return { writable, blob: () => new Blob(parts, { type }) };
}
