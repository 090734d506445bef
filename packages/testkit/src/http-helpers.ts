import type { IncomingMessage } from 'node:http';

/** A request body as read: the text (capped), its full size and whether the client left while sending it. */
export interface ReadBody {
  text: string;
  bytes: number;
  aborted: boolean;
}

// Keeps memory bounded if a test (or a broken relay) sends a huge body; the size is still counted.
const maxKeptBytes = 8 * 1024 * 1024;

/** Reads a request body to the end, keeping at most 8 MB of it. */
export async function readBody(req: IncomingMessage): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      if (bytes < maxKeptBytes) chunks.push(buffer.subarray(0, maxKeptBytes - bytes));
      bytes += buffer.length;
    }
  } catch {
    return { text: Buffer.concat(chunks).toString('utf8'), bytes, aborted: true };
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes, aborted: false };
}

/** The parsed JSON of a body, the raw text when it is not JSON, `undefined` when empty. */
export function bodyValue(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Waits `ms`; resolves false instead when `signal` aborts first (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves when `signal` aborts. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
