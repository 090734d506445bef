import {
  chatSchema,
  knownShape,
  messageSchema,
  modelConfigSchema,
  type SyncRecord,
  settingSchema,
} from '@hearth/schema';
import type { z } from 'zod/mini';

const liveSchemas: Record<SyncRecord['table'], z.ZodMiniType> = {
  chats: chatSchema,
  messages: messageSchema,
  modelConfigs: modelConfigSchema,
  settings: settingSchema,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(schema: z.ZodMiniType | undefined, value: unknown, prefix: string, found: string[]): void {
  const shape = knownShape(schema);
  if (shape === undefined || !isPlainObject(value)) return;
  for (const [key, field] of Object.entries(value)) {
    const inner = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (inner === undefined) found.push(`${prefix}${key}`);
    else walk(inner, field, `${prefix}${key}.`, found);
  }
}

/** The paths of fields this app version's schema does not know, in a live record (`params.topP`, `folder`). */
export function unknownFieldPaths(change: SyncRecord): string[] {
  if (change.record.deleted) return [];
  const found: string[] = [];
  walk(liveSchemas[change.table], change.record, '', found);
  return found;
}

/** The record as an older app version would hold it in memory: only the fields its schema knows. */
export function knownFieldsOnly<T>(schema: z.ZodMiniType, value: T): T {
  const shape = knownShape(schema);
  if (shape === undefined || !isPlainObject(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const inner = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (inner !== undefined) kept[key] = knownFieldsOnly(inner, field);
  }
  return kept as T;
}

/** The live schema of a table. */
export function liveSchemaOf(table: SyncRecord['table']): z.ZodMiniType {
  return liveSchemas[table];
}
