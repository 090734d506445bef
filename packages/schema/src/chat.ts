import { z } from 'zod';
import { generationParamsSchema } from './generation-params.ts';
import { idSchema } from './id.ts';
import { recordBaseSchema } from './record-base.ts';

export const chatTitleMaxLength = 300;
export const systemPromptMaxLength = 100_000;

/** Where a forked chat came from. */
export const forkOriginSchema = z.object({ chatId: idSchema, messageId: idSchema });
export type ForkOrigin = z.infer<typeof forkOriginSchema>;

/** A conversation. `lastActivityAt` (epoch ms) orders the chat list. */
export const chatSchema = recordBaseSchema.extend({
  title: z.string().max(chatTitleMaxLength),
  systemPrompt: z.string().max(systemPromptMaxLength),
  modelConfigId: idSchema.nullable(),
  params: generationParamsSchema,
  pinned: z.boolean(),
  forkedFrom: forkOriginSchema.nullable(),
  createdAt: z.number().int().nonnegative(),
  lastActivityAt: z.number().int().nonnegative(),
});
export type Chat = z.infer<typeof chatSchema>;
