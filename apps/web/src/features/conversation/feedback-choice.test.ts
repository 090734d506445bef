import { describe, expect, it } from 'vitest';
import { afterThumb, thumbOf } from './feedback-choice.ts';

describe('a thumb', () => {
  it('shows the end of the scale a rating is nearest to, and neither for the middle', () => {
    expect([1, 2, 3, 4, 5].map((rating) => thumbOf({ rating, comment: '' }))).toEqual([
      'down',
      'down',
      null,
      'up',
      'up',
    ]);
    expect(thumbOf(null)).toBeNull();
  });

  it('rates with an end of the scale and keeps the comment already written', () => {
    expect(afterThumb(null, 'up')).toEqual({ kind: 'save', feedback: { rating: 5, comment: '' } });
    expect(afterThumb({ rating: 5, comment: 'too long' }, 'down')).toEqual({
      kind: 'save',
      feedback: { rating: 1, comment: 'too long' },
    });
    expect(afterThumb({ rating: 3, comment: '' }, 'down')).toEqual({
      kind: 'save',
      feedback: { rating: 1, comment: '' },
    });
  });

  it('pressed again clears the rating, but never a comment the person wrote', () => {
    expect(afterThumb({ rating: 4, comment: '' }, 'up')).toEqual({ kind: 'save', feedback: null });
    expect(afterThumb({ rating: 2, comment: 'wrong date' }, 'down')).toEqual({ kind: 'open_details' });
  });
});
