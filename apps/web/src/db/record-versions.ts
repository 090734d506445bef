import { keepUnknownFields } from '@hearth/core';
import type { SchemaOf, Tombstone } from '@hearth/schema';

/**
 * The next version of a live record as this app writes it (docs/records.md): the fields this version
 * knows come from `next`, every field it does not know is kept from `current` (a newer version's), and
 * the result is validated. Every repository write of an existing record goes through here.
 */
export function nextVersion<T>(schema: SchemaOf<T>, current: unknown, next: T): T {
  return schema.parse(keepUnknownFields(schema, current, next));
}

/** The deletion of a record: its id and the clock of the deletion, nothing else (deletes forget). */
export function tombstoneFor(id: string, updatedAt: string): Tombstone {
  return { id, updatedAt, deleted: true };
}

/** True for a live record, narrowing away tombstones. */
export function isLive<T extends { deleted: boolean }>(record: T | undefined): record is Exclude<T, { deleted: true }> {
  return record !== undefined && !record.deleted;
}
