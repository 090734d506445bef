import { z } from 'zod/mini';

/** The body of GET /models on an OpenAI-compatible API. */
export const modelsListSchema = z.object({
  data: z.array(z.object({ id: z.string().check(z.minLength(1)) })),
});
export type ModelsList = z.infer<typeof modelsListSchema>;
