import type { StreamEvent } from '@hearth/schema';
import type { ProviderProtocol } from '../provider/provider-protocol.ts';
import { anthropicAnswerEvents } from './anthropic-stage.ts';
import { geminiAnswerEvents } from './gemini-stage.ts';
import { parseJsonText } from './json-text.ts';
import { openAiAnswerEvents } from './openai-stage.ts';
import { errorEvent, notACompletionError } from './stream-errors.ts';

/** The events equivalent to a whole non-streamed answer, so callers handle both kinds alike. */
export function completionResponseEvents(text: string, protocol: ProviderProtocol = 'openai'): StreamEvent[] {
  const json = parseJsonText(text);
  if (!json.success) return [errorEvent(notACompletionError(protocol))];
  switch (protocol) {
    case 'openai':
      return openAiAnswerEvents(json.value);
    case 'anthropic':
      return anthropicAnswerEvents(json.value);
    case 'gemini':
      return geminiAnswerEvents(json.value);
  }
}
