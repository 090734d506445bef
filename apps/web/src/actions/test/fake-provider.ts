import type { BrowserServices } from '../browser-services.ts';

/** What the app sent in one chat-completion request. */
export interface SentBody {
  model: string;
  messages: { role: string; content: string }[];
}

/** One answer the fake provider is streaming, driven step by step by the test. */
export interface FakeAnswerStream {
  readonly body: SentBody;
  /** Aborted when the app stopped the request. */
  readonly signal: AbortSignal;
  /** Sends text as one content delta. */
  send(text: string): void;
  /** Ends the answer as a provider does: a finish reason, usage, then `[DONE]`. */
  finish(): void;
  /** Closes the connection mid-answer, without `[DONE]`. */
  drop(): void;
}

/** A fake OpenAI-compatible provider behind a fetch that streams SSE from a ReadableStream. */
export interface FakeProvider {
  fetchFor: BrowserServices['fetchFor'];
  /** Every request so far, oldest first. */
  readonly requests: FakeAnswerStream[];
  /** The next request the app sends (at once when it was sent already and not yet taken). */
  nextRequest(): Promise<FakeAnswerStream>;
}

const encoder = new TextEncoder();
const chunk = (payload: unknown) => encoder.encode(`data: ${JSON.stringify(payload)}\n\n`);
const delta = (fields: object, finishReason: string | null = null) => ({
  id: 'chatcmpl-fake',
  object: 'chat.completion.chunk',
  model: 'fake-model',
  choices: [{ index: 0, delta: fields, finish_reason: finishReason }],
});

/** Creates a fake provider; each request stays open until the test finishes or drops it. */
export function fakeProvider(): FakeProvider {
  const requests: FakeAnswerStream[] = [];
  let taken = 0;
  const waiters: ((stream: FakeAnswerStream) => void)[] = [];

  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const signal = init?.signal ?? new AbortController().signal;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(opened) {
        controller = opened;
      },
    });
    const stream: FakeAnswerStream = {
      body: JSON.parse(String(init?.body)) as SentBody,
      signal,
      send: (text) => controller.enqueue(chunk(delta({ content: text }))),
      finish: () => {
        controller.enqueue(chunk(delta({}, 'stop')));
        controller.enqueue(
          chunk({ ...delta({}), choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } }),
        );
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
      },
      drop: () => controller.close(),
    };
    requests.push(stream);
    waiters.shift()?.(stream);
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };

  return {
    fetchFor: async () => fetch,
    requests,
    nextRequest() {
      const ready = requests[taken];
      if (ready) {
        taken += 1;
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => {
        waiters.push((stream) => {
          taken += 1;
          resolve(stream);
        });
      });
    },
  };
}
