/** Text that breaks naive readers: several scripts, emoji sequences, right-to-left runs, combining marks. */
export const unicodeSamples = {
  cjk: '你好，世界。日本語のテキスト。한국어 문장.',
  emoji: 'Family 👩‍👩‍👧‍👦, flag 🏳️‍🌈, skin tone 👍🏽, astral 𝄞',
  rtl: 'مرحبا بالعالم — שלום עולם',
  combining: 'e\u0301 a\u0308 n\u0303 Z\u0351\u036b',
} as const;

/** All the samples in one message. */
export const unicodeMessage = Object.values(unicodeSamples).join('\n');

/** A message of about `bytes` bytes of UTF-8 (multi-byte characters included), as a pasted log or book would be. */
export function enormousText(bytes: number): string {
  const line = 'An enormous message line, with 世界 and 🦊 so that chunks split characters. ';
  const lineBytes = new TextEncoder().encode(line).length;
  return line.repeat(Math.max(1, Math.ceil(bytes / lineBytes)));
}
