import { describe, expect, it } from 'vitest';
import type { AttachmentContents } from '../attachments/attachment-content.ts';
import { attachmentTokens, imageTokens } from './attachment-tokens.ts';
import { estimateTextTokens } from './token-estimate.ts';

const file = (hash: string, mediaType: string) => ({ hash: hash.repeat(64), name: `${hash}.bin`, mediaType, size: 10 });

describe('attachmentTokens', () => {
  it('counts images at a fixed figure and files by the text they are sent as', () => {
    const text = 'word '.repeat(2_000);
    const contents: AttachmentContents = new Map([
      ['a'.repeat(64), { kind: 'image', mediaType: 'image/png', base64: 'AAAA' }],
      ['b'.repeat(64), { kind: 'text', text }],
    ]);
    const tokens = attachmentTokens({ attachments: [file('a', 'image/png'), file('b', 'text/plain')] }, contents);
    expect(tokens).toBeGreaterThanOrEqual(imageTokens + estimateTextTokens(text));
    expect(tokens).toBeLessThan(imageTokens + estimateTextTokens(text) + 50);
  });

  it('is nothing for a message without files, and the "could not be read" line for a missing one', () => {
    expect(attachmentTokens({}, undefined)).toBe(0);
    const missing = attachmentTokens({ attachments: [file('c', 'text/plain')] }, new Map());
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(50);
  });
});
