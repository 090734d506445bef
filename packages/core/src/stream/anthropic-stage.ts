import {
  type AnthropicUsage,
  anthropicMessageSchema,
  anthropicStreamEventSchema,
  type StreamEvent,
  type Usage,
} from '@hearth/schema';
import { parseJsonText } from './json-text.ts';
import { providerMessageFromJson } from './provider-error-message.ts';
import type { ProviderStage } from './provider-stage.ts';
import { errorEvent, notACompletionError, streamError } from './stream-errors.ts';

// Anthropic's stop reasons in the words the rest of the app reads (OpenAI's); others pass as Anthropic says them.
const finishReasons: Readonly<Record<string, string>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

const finishReasonOf = (stopReason: string): string => finishReasons[stopReason] ?? stopReason;

interface TokenCounts {
  input: number;
  output: number;
}

/** Folds a usage report in: `message_start` has the input, `message_delta` the output so far (a running total). */
function addUsage(counts: TokenCounts, usage: AnthropicUsage | null | undefined): void {
  if (!usage) return;
  // Prompt-cache reads and writes are input too, counted apart by Anthropic.
  const input =
    (usage.input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
  if (usage.input_tokens != null) counts.input = input;
  if (usage.output_tokens != null) counts.output = usage.output_tokens;
}

function usageOf(counts: TokenCounts): Usage {
  // Anthropic counts thinking inside output_tokens and reports no split.
  return { promptTokens: counts.input, completionTokens: counts.output, totalTokens: counts.input + counts.output };
}

/** Appends the words of a content block or delta: thinking is our reasoning, text our answer. */
function pushWords(block: { text?: string | undefined; thinking?: string | undefined }, out: StreamEvent[]): void {
  if (block.thinking) out.push({ type: 'reasoning-delta', text: block.thinking });
  if (block.text) out.push({ type: 'text-delta', text: block.text });
}

/**
 * The stage of Anthropic's Messages streams: `message_start`, content blocks (`content_block_start`,
 * `content_block_delta` with text or thinking, `content_block_stop`), `message_delta` with the stop reason and
 * usage, then `message_stop`; `ping` any time. Events of types it does not know are skipped.
 */
export function createAnthropicStage(): ProviderStage {
  const counts: TokenCounts = { input: 0, output: 0 };
  return {
    read({ event: name, data }, out) {
      const json = parseJsonText(data);
      if (!json.success) return 'skip';
      const parsed = anthropicStreamEventSchema.safeParse(json.value);
      // Anthropic names every event after its type: under another name it is someone else's data, not ours.
      const unnamed = name === undefined || name === 'message';
      if (parsed.success && !unnamed && name !== parsed.data.type) return 'skip';
      if (!parsed.success) {
        // An error body without a name is a proxy's refusal; named events we do not know are only data.
        const message = unnamed ? providerMessageFromJson(json.value) : undefined;
        if (message === undefined) return 'skip';
        out.push(errorEvent(streamError(message)));
        return 'error';
      }
      const event = parsed.data;
      switch (event.type) {
        case 'message_start':
          addUsage(counts, event.message.usage);
          return 'chunk';
        case 'content_block_start':
          pushWords(event.content_block, out);
          return 'chunk';
        case 'content_block_delta':
          pushWords(event.delta, out);
          return 'chunk';
        case 'content_block_stop':
        case 'ping':
          return 'chunk';
        case 'message_delta':
          addUsage(counts, event.usage);
          if (event.delta.stop_reason) out.push({ type: 'finish', reason: finishReasonOf(event.delta.stop_reason) });
          if (event.usage) out.push({ type: 'usage', usage: usageOf(counts) });
          return 'chunk';
        case 'message_stop':
          return 'done';
        case 'error':
          out.push(errorEvent(streamError(event.error.message)));
          return 'error';
      }
    },
    // EOF before `message_stop` is an interrupted answer.
    end: () => false,
  };
}

/** The events of a whole Messages answer (a proxy that ignored `stream`). */
export function anthropicAnswerEvents(json: unknown): StreamEvent[] {
  const parsed = anthropicMessageSchema.safeParse(json);
  if (!parsed.success) {
    const message = providerMessageFromJson(json);
    return [errorEvent(message === undefined ? notACompletionError('anthropic') : streamError(message))];
  }
  const { content, stop_reason, usage } = parsed.data;
  const events: StreamEvent[] = [];
  for (const block of content) pushWords(block, events);
  if (stop_reason) events.push({ type: 'finish', reason: finishReasonOf(stop_reason) });
  if (usage) {
    const counts: TokenCounts = { input: 0, output: 0 };
    addUsage(counts, usage);
    events.push({ type: 'usage', usage: usageOf(counts) });
  }
  return events;
}
