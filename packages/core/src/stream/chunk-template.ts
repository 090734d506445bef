import type { ChatCompletionChunk, StreamEvent } from '@hearth/schema';
import { pushChunkEvents } from './chunk-events.ts';

const QUOTE = 34;
const BACKSLASH = 92;
const SPACE = 32;
const textFields = ['content', 'reasoning_content', 'reasoning'] as const;

/**
 * A validated chunk's text with its delta string cut out. Providers repeat the same id, model and
 * bookkeeping in every chunk, so most chunks differ from an earlier one only in that string; a match costs
 * two string comparisons and a scan of the literal instead of JSON.parse and zod on the whole object, and
 * gives the same event.
 */
export interface ChunkTemplate {
  /** The delta event that `data` stands for, if it is this template with another non-empty string in the slot. */
  match(data: string): StreamEvent | undefined;
}

/** The slow path, JSON.parse and the schema, which the template must agree with. */
export type ValidateChunk = (data: string) => ChatCompletionChunk | undefined;

/**
 * Learns a template from a payload and the chunk `validate` made of it, or returns undefined unless the chunk
 * stands for one delta whose string can be located for certain.
 */
export function learnChunkTemplate(
  data: string,
  chunk: ChatCompletionChunk,
  validate: ValidateChunk,
): ChunkTemplate | undefined {
  const delta = chunk.choices?.[0]?.delta;
  const field = textFields.find((name) => typeof delta?.[name] === 'string' && delta[name] !== '');
  if (!delta || !field) return undefined;
  const text = delta[field] as string;
  const slot = locateLiteral(data, field, text);
  if (!slot) return undefined;
  const prefix = data.slice(0, slot.start);
  const suffix = data.slice(slot.end);
  // The proof: with another string in the slot, the slow path must give exactly one delta of that string. That
  // holds only if the slot is a whole string token in value position of the field that makes the delta: inside
  // another string or after a pending backslash the probe fails to parse or merges into a string holding a quote;
  // as a key or any other value it changes nothing, leaving the original text. It then holds for every string
  // literal, since the parser reads the suffix in the same state whatever the string was.
  // The probe must differ from the text, so that a slot that changes nothing shows the original text instead.
  const probe = text === 'probe' ? 'probe!' : 'probe';
  const probed = validate(prefix + JSON.stringify(probe) + suffix);
  const events: StreamEvent[] = [];
  if (probed) pushChunkEvents(probed, events);
  const only = events.length === 1 ? events[0] : undefined;
  if (!only || (only.type !== 'text-delta' && only.type !== 'reasoning-delta') || only.text !== probe) return undefined;
  const type = only.type;
  const minLength = prefix.length + suffix.length + 2;

  return {
    match(candidate) {
      if (candidate.length < minLength) return undefined;
      const end = candidate.length - suffix.length;
      // Equality of slices is several times faster in V8 than startsWith when one string is two-byte (CJK).
      if (candidate.slice(0, prefix.length) !== prefix || candidate.slice(end) !== suffix) return undefined;
      if (candidate.charCodeAt(prefix.length) !== QUOTE || candidate.charCodeAt(end - 1) !== QUOTE) return undefined;
      const value = readStringLiteral(candidate, prefix.length, end);
      // An empty string may let another field speak (`reasoning_content || reasoning`): the slow path decides.
      return value ? { type, text: value } : undefined;
    },
  };
}

/**
 * Where the string literal of `text` probably sits in `data`: as JSON.stringify writes it, or else (providers
 * that escape all non-ASCII, Python's default) the literal after the field's key. A guess: the probe decides.
 */
function locateLiteral(data: string, field: string, text: string): { start: number; end: number } | undefined {
  const literal = JSON.stringify(text);
  const at = data.indexOf(literal);
  if (at !== -1 && data.indexOf(literal, at + 1) === -1) return { start: at, end: at + literal.length };
  const key = `"${field}":`;
  let start = data.indexOf(key);
  if (start === -1) return undefined;
  start += key.length;
  while (data.charCodeAt(start) === SPACE) start++;
  if (data.charCodeAt(start) !== QUOTE) return undefined;
  let end = start + 1;
  while (end < data.length && data.charCodeAt(end) !== QUOTE) end += data.charCodeAt(end) === BACKSLASH ? 2 : 1;
  return end < data.length ? { start, end: end + 1 } : undefined;
}

/** The string of the JSON string literal at [start, end), or undefined if that is not exactly one literal. */
function readStringLiteral(text: string, start: number, end: number): string | undefined {
  // Most deltas are a few plain characters: without escapes, quotes or control characters the literal's
  // content is its value, and the JSON.parse call can be spared.
  let plain = true;
  for (let i = start + 1; i < end - 1; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE || code === BACKSLASH || code < 0x20) {
      plain = false;
      break;
    }
  }
  if (plain) return text.slice(start + 1, end - 1);
  try {
    // `"a","b"` fails here, so a match is always exactly one literal.
    const value: unknown = JSON.parse(text.slice(start, end));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
