import { z } from 'zod/mini';
import { generationParamsSchema } from './generation-params.ts';
import { idSchema } from './id.ts';
import { recordBaseSchema } from './record-base.ts';

export const chatTitleMaxLength = 300;
export const systemPromptMaxLength = 100_000;

/** Where a forked chat came from. */
export const forkOriginSchema = z.looseObject({ chatId: idSchema, messageId: idSchema });
export type ForkOrigin = z.infer<typeof forkOriginSchema>;

const epochMs = z.int().check(z.nonnegative());

/**
 * Who gave a chat its title: the person (renamed it), or the model (a generated title). Absent: the title is
 * still the one taken from the first message, which a generated title may replace; a person's never is.
 */
export const titleSourceSchema = z.enum(['person', 'generated']);
export type TitleSource = z.infer<typeof titleSourceSchema>;

/**
 * A live conversation. `lastActivityAt` (epoch ms) orders the chat list. `shownLeafId` is the last message
 * of the branch on screen; missing or pointing at a message that is gone, the newest leaf is shown.
 */
export const chatSchema = z.looseObject({
  ...recordBaseSchema.shape,
  title: z.string().check(z.maxLength(chatTitleMaxLength)),
  systemPrompt: z.string().check(z.maxLength(systemPromptMaxLength)),
  modelConfigId: z.nullable(idSchema),
  params: generationParamsSchema,
  pinned: z.boolean(),
  forkedFrom: z.nullable(forkOriginSchema),
  shownLeafId: z.optional(z.nullable(idSchema)),
  titleSource: z.optional(titleSourceSchema),
  createdAt: epochMs,
  lastActivityAt: epochMs,
});
export type Chat = z.infer<typeof chatSchema>;
