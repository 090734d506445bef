// How the bytes of a JSON document become text: the tokenizer's state machine (json-tokenizer.ts) decides
// where strings and numbers are; these turn their bytes into JavaScript strings.

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** What each one-character escape (`\n`, `\"`, ...) stands for, by the byte after the backslash. */
export const escapes: Record<number, string> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

/** The value of one hexadecimal digit byte, or -1 when it is none. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Bytes known to be ASCII (a number's) as text. */
export function asciiText(chunk: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(chunk[i] ?? 0);
  return text;
}

/** Short ASCII strings (keys, ids, roles) are most strings in an export: they skip TextDecoder's call cost. */
export function decodeUtf8(bytes: Uint8Array): string {
  const length = bytes.length;
  if (length > 64) return utf8.decode(bytes);
  for (let i = 0; i < length; i++) if ((bytes[i] ?? 0) >= 0x80) return utf8.decode(bytes);
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}
