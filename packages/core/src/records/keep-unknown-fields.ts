import { knownShape, type SchemaOf } from '@hearth/schema';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one rule for writing a new version of a record (docs/records.md): the writer owns the fields its
 * schema knows, and keeps every field it does not know exactly as the current version has it, at any
 * depth of a known object field (`params.topP` survives an edit of `params.temperature`). Maps (the
 * headers) and lists are values of their own and are replaced whole.
 */
export function keepUnknownFields<T>(schema: SchemaOf<unknown>, current: unknown, next: T): T {
  const shape = knownShape(schema);
  if (shape === undefined || !isPlainObject(current) || !isPlainObject(next)) return next;
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    if (!Object.hasOwn(shape, key)) merged[key] = value;
  }
  for (const [key, value] of Object.entries(next)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    merged[key] = field === undefined ? value : keepUnknownFields(field, current[key], value);
  }
  return merged as T;
}
