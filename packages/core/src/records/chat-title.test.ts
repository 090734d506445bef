import { describe, expect, it } from 'vitest';
import { titleFromMessage } from './chat-title.ts';

describe('titleFromMessage', () => {
  it('uses the first line with whitespace folded', () => {
    expect(titleFromMessage('  How do   I sort\tan array?\nin JS')).toBe('How do I sort an array?');
  });

  it('cuts long lines at a word and marks the cut', () => {
    const title = titleFromMessage('word '.repeat(40));
    expect(title.length).toBeLessThanOrEqual(61);
    expect(title.endsWith('word…')).toBe(true);
  });
});
