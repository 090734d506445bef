import type { StreamEvent } from '@hearth/schema';
import { chatCompletionResponseSchema } from './chat-completion-response.ts';
import { parseJsonText } from './json-text.ts';
import { providerMessageFromJson } from './provider-error-message.ts';
import { errorEvent, notACompletionError, streamError } from './stream-errors.ts';
import { usageFromWire } from './wire-usage.ts';

/** The events equivalent to a whole non-streamed answer, so callers handle both kinds alike. */
export function completionResponseEvents(text: string): StreamEvent[] {
  const json = parseJsonText(text);
  if (!json.success) return [errorEvent(notACompletionError())];
  const parsed = chatCompletionResponseSchema.safeParse(json.value);
  if (parsed.success && parsed.data.error) return [errorEvent(streamError(parsed.data.error.message))];
  if (!parsed.success || !parsed.data.choices) {
    // Not a completion; perhaps an error in one of the other shapes (`{"error": "..."}`, `{"message": ...}`).
    const message = providerMessageFromJson(json.value);
    return [errorEvent(message === undefined ? notACompletionError() : streamError(message))];
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
