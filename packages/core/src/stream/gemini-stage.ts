import {
  type GeminiResponse,
  type GeminiUsage,
  geminiResponseSchema,
  type StreamEvent,
  type Usage,
} from '@hearth/schema';
import { parseJsonText } from './json-text.ts';
import { providerMessageFromJson } from './provider-error-message.ts';
import type { ProviderStage, SseMessageKind } from './provider-stage.ts';
import { errorEvent, notACompletionError, streamError } from './stream-errors.ts';

// Gemini's finish reasons in the words the rest of the app reads (OpenAI's); others pass lower-cased.
const finishReasons: Readonly<Record<string, string>> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  BLOCKLIST: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  SPII: 'content_filter',
  IMAGE_SAFETY: 'content_filter',
};

function usageOf(usage: GeminiUsage): Usage {
  const prompt = usage.promptTokenCount ?? 0;
  const thoughts = usage.thoughtsTokenCount ?? 0;
  // Our completion tokens include the thinking, as OpenAI's do; Gemini counts the two apart.
  const completion = (usage.candidatesTokenCount ?? 0) + thoughts;
  const result: Usage = {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: usage.totalTokenCount ?? prompt + completion,
  };
  if (usage.thoughtsTokenCount != null) result.reasoningTokens = thoughts;
  return result;
}

/** What one answer has shown so far: Gemini repeats its running usage in every piece, so it is sent once, at the end. */
interface AnswerSoFar {
  usage: Usage | undefined;
  finished: boolean;
}

/** Appends the events of one response: thoughts, words, the finish reason; an error or a blocked prompt ends it. */
function pushResponse(response: GeminiResponse, answer: AnswerSoFar, out: StreamEvent[]): SseMessageKind {
  if (response.error) {
    out.push(errorEvent(streamError(response.error.message)));
    return 'error';
  }
  if (response.usageMetadata) answer.usage = usageOf(response.usageMetadata);
  const candidate = response.candidates?.[0];
  for (const part of candidate?.content?.parts ?? []) {
    if (part.text) out.push({ type: part.thought ? 'reasoning-delta' : 'text-delta', text: part.text });
  }
  const blocked = response.promptFeedback?.blockReason;
  if (!candidate && blocked) {
    out.push(errorEvent(streamError(`The provider blocked the prompt (${blocked}).`)));
    return 'error';
  }
  if (candidate?.finishReason) {
    answer.finished = true;
    out.push({ type: 'finish', reason: finishReasons[candidate.finishReason] ?? candidate.finishReason.toLowerCase() });
  }
  // An object with none of these is some other protocol's data.
  return candidate || response.usageMetadata ? 'chunk' : 'skip';
}

function pushUsage(answer: AnswerSoFar, out: StreamEvent[]): void {
  if (answer.usage) out.push({ type: 'usage', usage: answer.usage });
}

/**
 * The stage of Gemini's `streamGenerateContent?alt=sse`: every `data:` is a GenerateContentResponse, parts with
 * `thought: true` are thoughts. There is no end marker: the stream is whole when the connection closes after a
 * finish reason.
 */
export function createGeminiStage(): ProviderStage {
  const answer: AnswerSoFar = { usage: undefined, finished: false };
  return {
    read({ event, data }, out) {
      // Gemini names no events: a named one is some other protocol's, only data to us.
      if (event !== undefined && event !== 'message') return 'skip';
      const json = parseJsonText(data);
      if (!json.success) return 'skip';
      const parsed = geminiResponseSchema.safeParse(json.value);
      if (parsed.success) return pushResponse(parsed.data, answer, out);
      const message = providerMessageFromJson(json.value);
      if (message === undefined) return 'skip';
      out.push(errorEvent(streamError(message)));
      return 'error';
    },
    end(out) {
      if (!answer.finished) return false;
      pushUsage(answer, out);
      return true;
    },
  };
}

/** The events of a whole answer: `generateContent`'s one response, or the array `streamGenerateContent` gives without SSE. */
export function geminiAnswerEvents(json: unknown): StreamEvent[] {
  const pieces: unknown[] = Array.isArray(json) ? json : [json];
  if (pieces.length === 0) return [errorEvent(notACompletionError('gemini'))];
  const answer: AnswerSoFar = { usage: undefined, finished: false };
  const events: StreamEvent[] = [];
  for (const piece of pieces) {
    const parsed = geminiResponseSchema.safeParse(piece);
    const kind = parsed.success ? pushResponse(parsed.data, answer, events) : 'skip';
    if (kind === 'error') return events;
    if (kind === 'skip') {
      const message = providerMessageFromJson(piece);
      return [...events, errorEvent(message === undefined ? notACompletionError('gemini') : streamError(message))];
    }
  }
  pushUsage(answer, events);
  return events;
}
