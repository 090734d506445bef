import { type ChatCompletionChunk, chatCompletionChunkSchema } from '@hearth/schema';
import { parseJsonText } from './json-text.ts';
import type { ParseResult } from './parse-result.ts';

/** Why a `data:` payload is not a chunk; JSON that is not a chunk is kept, as it may be an error report. */
export type ChunkDataError = { reason: 'not-json' } | { reason: 'not-a-chunk'; json: unknown };

const notJson: ParseResult<never, ChunkDataError> = { success: false, error: { reason: 'not-json' } };

/** Validates one `data:` payload: JSON.parse behind a cheap first-character check, then the chunk schema. */
export function validateChunkData(data: string): ParseResult<ChatCompletionChunk, ChunkDataError> {
  const json = parseJsonText(data);
  if (!json.success) return notJson;
  const chunk = chatCompletionChunkSchema.safeParse(json.value);
  if (chunk.success) return { success: true, value: chunk.data };
  return { success: false, error: { reason: 'not-a-chunk', json: json.value } };
}
