import { z } from 'zod/mini';

/** A person's judgement of one answer. */
export const feedbackSchema = z.looseObject({
  rating: z.int().check(z.gte(1, 'Rating is 1 to 5'), z.lte(5, 'Rating is 1 to 5')),
  comment: z.string().check(z.maxLength(5_000, 'Comment is too long')),
});
export type Feedback = z.infer<typeof feedbackSchema>;
