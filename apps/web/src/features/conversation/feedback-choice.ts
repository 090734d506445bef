import type { Feedback } from '@hearth/schema';

/**
 * The two quick ratings are the ends of the 1-5 scale, so a thumb and a detailed rating are one value:
 * every device, export and older app reads the same `rating`, whichever control set it.
 */
export const thumbRatings = { up: 5, down: 1 } as const;
export type Thumb = keyof typeof thumbRatings;

/** Which thumb a rating shows as pressed: 4-5 up, 1-2 down, 3 neither. */
export function thumbOf(feedback: Feedback | null): Thumb | null {
  if (!feedback) return null;
  if (feedback.rating >= 4) return 'up';
  if (feedback.rating <= 2) return 'down';
  return null;
}

/**
 * What pressing a thumb leads to. Pressing the thumb already shown clears the rating, unless the person
 * also wrote a comment: clearing would drop their words, so that asks for the detailed form instead.
 */
export function afterThumb(
  current: Feedback | null,
  thumb: Thumb,
): { kind: 'save'; feedback: Feedback | null } | { kind: 'open_details' } {
  if (thumbOf(current) === thumb) {
    return current?.comment ? { kind: 'open_details' } : { kind: 'save', feedback: null };
  }
  return { kind: 'save', feedback: { rating: thumbRatings[thumb], comment: current?.comment ?? '' } };
}
