import { describe, expect, it } from 'vitest';
import { cleanTitle } from './clean-title.ts';

describe('cleanTitle', () => {
  it('takes the first line without the labels, quotes and full stops models add', () => {
    expect(cleanTitle('Baking sourdough bread')).toBe('Baking sourdough bread');
    expect(cleanTitle('\n  Title: "Baking  sourdough bread."\nBecause you asked about bread.')).toBe(
      'Baking sourdough bread',
    );
    expect(cleanTitle('**Sourdough basics**')).toBe('Sourdough basics');
    expect(cleanTitle('标题：「如何烤面包」。')).toBe('如何烤面包');
    expect(cleanTitle('# Bread')).toBe('Bread');
  });

  it('gives nothing for an empty reply, and cuts a rambling one', () => {
    expect(cleanTitle('')).toBeNull();
    expect(cleanTitle(' \n "" \n')).toBeNull();
    expect(cleanTitle('word '.repeat(40))?.length).toBeLessThanOrEqual(81);
  });
});
