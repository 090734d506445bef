import type { ChatCompletionChunk, StreamEvent } from '@hearth/schema';
import { errorEvent, streamError } from './stream-errors.ts';
import { usageFromWire } from './wire-usage.ts';

/** Whether a chunk carries anything we read; a bare object with none of these is some other protocol's data. */
export function isCompletionChunk(chunk: ChatCompletionChunk): boolean {
  return chunk.choices != null || chunk.usage != null || chunk.error != null;
}

/**
 * Appends the events a validated chunk stands for and returns true when it ends the stream (an error).
 * Only the first choice is read; empty deltas are dropped.
 */
export function pushChunkEvents(chunk: ChatCompletionChunk, out: StreamEvent[]): boolean {
  const choice = chunk.choices?.[0];
  if (choice) {
    const delta = choice.delta;
    if (delta) {
      // DeepSeek names it reasoning_content, OpenRouter and Ollama reasoning; some proxies send both, identical.
      const reasoning = delta.reasoning_content || delta.reasoning;
      if (reasoning) out.push({ type: 'reasoning-delta', text: reasoning });
      if (delta.content) out.push({ type: 'text-delta', text: delta.content });
    }
    if (choice.finish_reason) out.push({ type: 'finish', reason: choice.finish_reason });
  }
  if (chunk.usage) out.push({ type: 'usage', usage: usageFromWire(chunk.usage) });
  if (!chunk.error) return false;
  out.push(errorEvent(streamError(chunk.error.message)));
  return true;
}
