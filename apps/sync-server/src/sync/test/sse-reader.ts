import { get } from 'node:http';

/** One server-sent event as the wire carries it. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * A minimal SSE reader (Node 20 has no EventSource): yields events as they arrive, split on blank
 * lines, with `event:`, `data:` and `id:` fields; comments and retry fields are ignored.
 */
export async function* readSse(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true }).replaceAll('\r\n', '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const event: SseEvent = { event: 'message', data: '', id: undefined };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon === 0 || line === '') continue;
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') event.id = value;
      }
      event.data = data.join('\n');
      if (data.length > 0 || event.event !== 'message') yield event;
    }
  }
}

/**
 * Opens `url` as an event stream on a connection of its own (no keep-alive pool), so that aborting
 * `signal` really closes the socket and the server sees the client leave.
 */
export function openSse(options: {
  url: string;
  headers?: Record<string, string>;
  signal: AbortSignal;
}): Promise<{ status: number; contentType: string | undefined; events: AsyncIterator<SseEvent> }> {
  return new Promise((resolve, reject) => {
    const request = get(
      options.url,
      { headers: { accept: 'text/event-stream', ...options.headers }, agent: false, signal: options.signal },
      (response) => {
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'],
          events: readSse(response)[Symbol.asyncIterator](),
        });
      },
    );
    request.on('error', reject);
  });
}
