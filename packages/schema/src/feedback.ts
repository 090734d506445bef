import { z } from 'zod';

/** A person's judgement of one answer. */
export const feedbackSchema = z.object({
  rating: z.number().int().min(1, 'Rating is 1 to 5').max(5, 'Rating is 1 to 5'),
  comment: z.string().max(5_000, 'Comment is too long'),
});
export type Feedback = z.infer<typeof feedbackSchema>;
