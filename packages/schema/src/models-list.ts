import { z } from 'zod';

/** The body of GET /models on an OpenAI-compatible API. */
export const modelsListSchema = z.object({
  data: z.array(z.object({ id: z.string().min(1) })),
});
export type ModelsList = z.infer<typeof modelsListSchema>;
