import type { ContentDelta } from './completion-chunks.ts';

/** One server-sent event: its data, and its name when the API names its events (Anthropic). */
export interface SseFrame {
  data: string;
  event?: string;
}

/**
 * How one API writes a planned answer as a stream. The stream's pacing and every failure knob (drops, stalls,
 * errors, oddities) are written once, in `streamReply`; a format only says what the frames are.
 */
export interface StreamFormat {
  /** The frames before the first content event, given how many content events there will be. */
  opening(deltaCount: number): SseFrame[];
  /** The frames of one content event (reasoning or answer words); `index` counts from 0. */
  delta(delta: ContentDelta, index: number): SseFrame[];
  /** The frames that end a whole answer: the finish reason, usage, the end mark. */
  closing(): SseFrame[];
  /** The frames that report an error inside the stream, as the provider does. */
  failure(message: string): SseFrame[];
  /** What goes before every event with `keepAlive`: the API's own keep-alive, or `null` for an SSE comment. */
  keepAlive(): SseFrame | null;
}

/** A frame of JSON data. */
export const jsonFrame = (value: unknown, event?: string): SseFrame =>
  event === undefined ? { data: JSON.stringify(value) } : { data: JSON.stringify(value), event };

/** Whether a content event carries reasoning rather than answer words. */
export const isReasoning = (delta: ContentDelta): boolean => delta.field !== 'content';
