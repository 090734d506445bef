import type { StreamEvent } from '@hearth/schema';
import type { EventSourceMessage } from 'eventsource-parser';
import type { ProviderProtocol } from '../provider/provider-protocol.ts';
import { createAnthropicStage } from './anthropic-stage.ts';
import { createGeminiStage } from './gemini-stage.ts';
import { createOpenAiStage } from './openai-stage.ts';

/**
 * What one server-sent event was: a chunk (its events appended), an error (the error event appended; the
 * stream ends), the provider's end-of-answer mark (`[DONE]`, `message_stop`), or data to skip.
 */
export type SseMessageKind = 'chunk' | 'error' | 'done' | 'skip';

/**
 * The provider-specific last stage of the decoder, for one stream. Everything before it (bytes, UTF-8, line
 * limits, SSE framing, the relay's and the provider's `event: error`) is shared; a stage maps the provider's
 * events to ours and knows how its stream ends. Never throws.
 */
export interface ProviderStage {
  /** Reads one event (its `data` still text), appending the events it stands for. */
  read(message: EventSourceMessage, out: StreamEvent[]): SseMessageKind;
  /**
   * At the end of the body, before any `done`: appends what the answer still owes (usage held back) and says
   * whether the stream was whole. Only a provider whose stream ends by closing (Gemini) says yes.
   */
  end(out: StreamEvent[]): boolean;
}

/** A fresh stage for one stream in the provider's format. */
export function createProviderStage(protocol: ProviderProtocol): ProviderStage {
  switch (protocol) {
    case 'openai':
      return createOpenAiStage();
    case 'anthropic':
      return createAnthropicStage();
    case 'gemini':
      return createGeminiStage();
  }
}
