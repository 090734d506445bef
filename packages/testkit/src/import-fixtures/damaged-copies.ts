const encoder = new TextEncoder();

/** The first part of a file, as an interrupted download leaves it: cut at `fraction` of its bytes. */
export function truncatedCopy(content: string | Uint8Array, fraction = 0.6): Uint8Array {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}
