// Helpers for this package's own tests: a deliberately small SSE reader, independent of the app's
// decoder, so the fake is checked against the wire format rather than against the code it tests.

/** One parsed server-sent event. */
export interface SseEvent {
  event: string | null;
  data: string;
}

/** Splits a complete event-stream text into events; comments are dropped, as the SSE spec says. */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event: ')) event = line.slice('event: '.length);
      else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return events;
}

/** The JSON chunks of a stream (events without a name whose data is JSON, `[DONE]` excluded). */
export function jsonChunks(events: readonly SseEvent[]): Record<string, unknown>[] {
  return events.flatMap((event) => {
    if (event.event !== null || event.data === '[DONE]') return [];
    try {
      return [JSON.parse(event.data) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

interface ChunkChoice {
  delta?: Record<string, string>;
  finish_reason?: string | null;
}

/** The choices of a chunk, typed loosely for assertions. */
export function choicesOf(chunk: Record<string, unknown>): ChunkChoice[] {
  return (chunk.choices ?? []) as ChunkChoice[];
}

/** Joins one delta field (`content`, `reasoning_content`, ...) over all chunks. */
export function deltaText(chunks: readonly Record<string, unknown>[], field = 'content'): string {
  return chunks.map((chunk) => choicesOf(chunk)[0]?.delta?.[field] ?? '').join('');
}

/** A chat-completion request body. */
export function chatBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    model: 'test-model',
    messages: [{ role: 'user', content: 'hello there' }],
    stream: true,
    stream_options: { include_usage: true },
    ...overrides,
  });
}

/** POSTs a chat completion to a base URL ending in `/v1`. */
export function postChat(options: { baseUrl: string; body?: string; init?: RequestInit }): Promise<Response> {
  return fetch(`${options.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
    body: options.body ?? chatBody(),
    ...options.init,
  });
}

/** Reads a streamed body event by event until `until` matches the text so far (or the stream ends). */
export async function readUntil(options: {
  response: Response;
  until: (text: string) => boolean;
}): Promise<{ text: string; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const body = options.response.body;
  if (body === null) throw new Error('response has no body');
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!options.until(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return { text, reader };
}

/** A parsed JSON body whose fields a test reads freely; what it asserts about them is its check. */
// biome-ignore lint/suspicious/noExplicitAny: assertions read nested fields of bodies they then compare
export type LooseJson = any;

/** The JSON body of a response, for assertions. */
export const jsonOf = (response: Response): Promise<LooseJson> => response.json();
