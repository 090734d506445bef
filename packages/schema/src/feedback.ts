import { z } from 'zod/mini';

export const feedbackCommentMaxLength = 5_000;

/** A person's judgement of one answer: 1 (bad) to 5 (good), and what they want to say about it. */
export const feedbackSchema = z.looseObject({
  rating: z.int().check(z.gte(1, 'Rating is 1 to 5'), z.lte(5, 'Rating is 1 to 5')),
  comment: z.string().check(z.maxLength(feedbackCommentMaxLength, 'Comment is too long')),
});
export type Feedback = z.infer<typeof feedbackSchema>;
