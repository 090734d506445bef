import { ImportFileError } from './import-file-error.ts';

/** Where in the file a conversation is, so an error can name it: its position and, once read, its id. */
export interface ConversationPlace {
  /** 0-based position in the file's list of conversations. */
  index: number;
  id: string | null;
}

/** A conversation that lacks a field or has one of the wrong kind: the whole file is refused with this. */
export function conversationError(place: ConversationPlace, field: string, problem: string): ImportFileError {
  const name = place.id === null ? `Conversation ${place.index + 1}` : `Conversation ${place.index + 1} (${place.id})`;
  const detail: Record<string, string | number> = { conversation: place.index, field };
  if (place.id !== null) detail.id = place.id;
  return new ImportFileError('malformed', `${name} ${problem}.`, detail);
}

export type JsonObject = Record<string, unknown>;

/** The value as a plain object, or null when it is anything else (an array, a string, null). */
export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function asFiniteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Ids are strings in every format, but some clients wrote numbers: both name the same thing. */
export function asId(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function requireObject(parent: JsonObject, key: string, place: ConversationPlace): JsonObject {
  const value = asObject(parent[key]);
  if (value === null) throw conversationError(place, key, `has no "${key}" object`);
  return value;
}

export function requireArray(parent: JsonObject, key: string, place: ConversationPlace): unknown[] {
  const value = parent[key];
  if (!Array.isArray(value)) throw conversationError(place, key, `has no "${key}" list`);
  return value;
}

export function requireId(parent: JsonObject, key: string, place: ConversationPlace, what = key): string {
  const value = asId(parent[key]);
  if (value === null) throw conversationError(place, what, `has no "${what}"`);
  return value;
}

/** Epoch ms from a count of seconds with a fraction (ChatGPT, Open WebUI), rounded to a whole ms. */
export function msFromSeconds(value: unknown): number | null {
  const seconds = asFiniteNumber(value);
  return seconds === null || seconds < 0 ? null : Math.round(seconds * 1000);
}

/** Epoch ms from an ISO 8601 date-time (Claude). */
export function msFromIso(value: unknown): number | null {
  const text = asString(value);
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}
