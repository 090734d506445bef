import { z } from 'zod/mini';

const count = z.int().check(z.nonnegative());
const countsSchema = z.looseObject({
  chats: count,
  messages: count,
  modelConfigs: count,
  settings: count,
  deletions: count,
});
const notesSchema = z.array(z.looseObject({ kind: z.string(), count }));
const recordsSchema = z.array(
  z.object({ table: z.string(), record: z.looseObject({ updatedAt: z.string(), deleted: z.boolean() }) }),
);
const importFileErrorCodeSchema = z.enum(['unrecognized', 'truncated', 'malformed', 'missing_entry', 'newer_version']);

/**
 * A message from the web app's import worker to its page, checked where it enters the page. The records
 * of a group were validated line by line in the worker by their tables' schemas; checking them again in
 * the page would spend the time the worker exists to save it, so only their framing is checked here.
 * The types of these messages are the pipeline's own (`@hearth/core`, apps/web/src/archive/import-messages.ts).
 */
export const importWorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reading'), bytesRead: count, totalBytes: count }),
  z.object({
    type: z.literal('preview'),
    format: z.string(),
    header: z.nullable(z.object({ exportedAt: count, appName: z.string(), appVersion: z.string() })),
    preview: z.object({ found: countsSchema, alreadyHere: countsSchema, notes: notesSchema }),
  }),
  z.object({ type: z.literal('group-part'), records: recordsSchema }),
  z.object({
    type: z.literal('group'),
    group: z.object({ records: recordsSchema, clocks: z.enum(['keep-time', 'now']), notes: notesSchema }),
  }),
  z.object({ type: z.literal('end') }),
  z.object({
    type: z.literal('failed'),
    error: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('file'),
        code: importFileErrorCodeSchema,
        detail: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
      z.object({ kind: z.literal('unreadable') }),
      z.object({ kind: z.literal('unexpected'), message: z.string() }),
    ]),
  }),
]);
