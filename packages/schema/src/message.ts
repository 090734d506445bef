import { z } from 'zod/mini';
import { attachmentSchema, attachmentsPerMessageMax } from './attachment.ts';
import { completionErrorSchema } from './completion-error.ts';
import { feedbackSchema } from './feedback.ts';
import { idSchema } from './id.ts';
import { recordBaseSchema } from './record-base.ts';
import { usageSchema } from './usage.ts';

export const messageRoles = ['system', 'user', 'assistant'] as const;
export const messageRoleSchema = z.enum(messageRoles);
export type MessageRole = z.infer<typeof messageRoleSchema>;

/** queued: waiting for the network; pending: request sent; streaming: text arriving. */
export const messageStatuses = ['queued', 'pending', 'streaming', 'done', 'stopped', 'error'] as const;
export const messageStatusSchema = z.enum(messageStatuses);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** Which path an answer took to reach the browser. */
export const connectionPathSchema = z.enum(['direct', 'relay']);
export type ConnectionPath = z.infer<typeof connectionPathSchema>;

/**
 * One live turn of a conversation. `createdAt` (epoch ms) orders messages within a chat. `parentId` makes
 * a chat a tree (docs/records.md, "Branches"): the message this one answers or follows. Records written
 * before branches existed, or by an app version that does not know them, have no `parentId`; their parent
 * is the message created just before them in the chat, which is what such an app showed above them.
 */
export const messageSchema = z.looseObject({
  ...recordBaseSchema.shape,
  chatId: idSchema,
  role: messageRoleSchema,
  content: z.string(),
  reasoning: z.string(),
  status: messageStatusSchema,
  error: z.nullable(completionErrorSchema),
  model: z.nullable(z.string()),
  usage: z.nullable(usageSchema),
  createdAt: z.int().check(z.nonnegative()),
  feedback: z.nullable(feedbackSchema),
  parentId: z.optional(z.nullable(idSchema)),
  connection: z.nullable(connectionPathSchema),
  /** Files sent with this message (attachment.ts); absent on messages without any, and on older apps' records. */
  attachments: z.optional(
    z.array(attachmentSchema).check(z.maxLength(attachmentsPerMessageMax, 'Too many files on one message')),
  ),
});
export type Message = z.infer<typeof messageSchema>;
