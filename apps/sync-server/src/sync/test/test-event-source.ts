import { get } from 'node:http';
import { readSse } from './sse-reader.ts';

type Listener = (event: { type: string; data: string; lastEventId: string }) => void;

/**
 * Just enough of the browser's EventSource for tRPC's httpSubscriptionLink in Node 20 (which has none):
 * one connection, named events, `error` when it ends, `close()`. It does not reconnect by itself.
 */
export class TestEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readonly url: string;
  readonly withCredentials = false;
  readyState = 0;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #controller = new AbortController();

  constructor(url: string | URL) {
    this.url = String(url);
    const request = get(
      this.url,
      { headers: { accept: 'text/event-stream' }, agent: false, signal: this.#controller.signal },
      (response) => {
        this.readyState = this.OPEN;
        this.#emit({ type: 'open', data: '', lastEventId: '' });
        void this.#read(response);
      },
    );
    request.on('error', () => this.#fail());
  }

  addEventListener(type: string, listener: Listener): void {
    const listeners = this.#listeners.get(type) ?? new Set<Listener>();
    listeners.add(listener);
    this.#listeners.set(type, listeners);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.readyState = this.CLOSED;
    this.#controller.abort();
  }

  async #read(body: AsyncIterable<Uint8Array>): Promise<void> {
    try {
      for await (const event of readSse(body)) {
        this.#emit({ type: event.event, data: event.data, lastEventId: event.id ?? '' });
      }
    } catch {
      // aborted by close(), or the connection broke
    }
    this.#fail();
  }

  #fail(): void {
    if (this.readyState === this.CLOSED) return;
    this.readyState = this.CLOSED;
    this.#emit({ type: 'error', data: '', lastEventId: '' });
  }

  #emit(event: { type: string; data: string; lastEventId: string }): void {
    for (const listener of this.#listeners.get(event.type) ?? []) listener(event);
  }
}
