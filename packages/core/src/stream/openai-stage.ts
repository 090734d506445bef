import type { StreamEvent } from '@hearth/schema';
import { chatCompletionResponseSchema } from './chat-completion-response.ts';
import { validateChunkData } from './chunk-data.ts';
import { isCompletionChunk, pushChunkEvents } from './chunk-events.ts';
import { createChunkTemplates } from './chunk-templates.ts';
import { providerMessageFromJson } from './provider-error-message.ts';
import type { ProviderStage } from './provider-stage.ts';
import { errorEvent, notACompletionError, streamError } from './stream-errors.ts';
import { usageFromWire } from './wire-usage.ts';

/** The stage of OpenAI-compatible chat-completion streams: `data:` chunks, ended by `[DONE]`. */
export function createOpenAiStage(): ProviderStage {
  // It remembers chunk shapes so that repeats are validated cheaply.
  const templates = createChunkTemplates();
  return {
    read({ event, data }, out) {
      // Event names we do not know (pings, other protocols) are only data to us, never instructions.
      if (event !== undefined && event !== 'message') return 'skip';
      if (data === '[DONE]' || (data.length < 16 && data.trim() === '[DONE]')) return 'done';
      const delta = templates.match(data);
      if (delta) {
        out.push(delta);
        return 'chunk';
      }
      const chunk = validateChunkData(data);
      if (chunk.success) {
        if (!isCompletionChunk(chunk.value)) return 'skip';
        templates.learn(data, chunk.value);
        return pushChunkEvents(chunk.value, out) ? 'error' : 'chunk';
      }
      // `{"error": "..."}` does not fit the chunk schema (whose error is an object) but is still an error report.
      const message = chunk.error.reason === 'not-a-chunk' ? providerMessageFromJson(chunk.error.json) : undefined;
      if (message === undefined) return 'skip';
      out.push(errorEvent(streamError(message)));
      return 'error';
    },
    // EOF before `[DONE]` is an interrupted answer.
    end: () => false,
  };
}

/** The events of a whole `chat.completion` (a provider that ignored `stream: true`). */
export function openAiAnswerEvents(json: unknown): StreamEvent[] {
  const parsed = chatCompletionResponseSchema.safeParse(json);
  if (parsed.success && parsed.data.error) return [errorEvent(streamError(parsed.data.error.message))];
  if (!parsed.success || !parsed.data.choices) {
    // Not a completion; perhaps an error in one of the other shapes (`{"error": "..."}`, `{"message": ...}`).
    const message = providerMessageFromJson(json);
    return [errorEvent(message === undefined ? notACompletionError('openai') : streamError(message))];
  }
  const { choices, usage } = parsed.data;
  const choice = choices[0];
  const message = choice?.message;
  const events: StreamEvent[] = [];
  const reasoning = message?.reasoning_content || message?.reasoning;
  if (reasoning) events.push({ type: 'reasoning-delta', text: reasoning });
  if (message?.content) events.push({ type: 'text-delta', text: message.content });
  if (choice?.finish_reason) events.push({ type: 'finish', reason: choice.finish_reason });
  if (usage) events.push({ type: 'usage', usage: usageFromWire(usage) });
  return events;
}
