import type { SyncPushRequest } from '@hearth/schema';
import { SyncTransportError } from '../sync-client-error.ts';
import type { SyncTransport } from '../sync-transport.ts';

/** What goes wrong with one request. */
export const transportFaults = ['none', 'drop_request', 'lose_response', 'duplicate'] as const;
export type TransportFault = (typeof transportFaults)[number];

function networkFailure(): SyncTransportError {
  return new SyncTransportError('network', 'simulated network failure');
}

/**
 * Wraps any transport with the network's failures: offline (nothing reaches the server), a dropped
 * request, a lost response (the server did the work, the client never hears), and a duplicated
 * delivery (the server gets the request twice; the client sees the second answer). `onDelivered`
 * sees every push the server answered, so a test knows which writes reached it.
 */
export class FaultyTransport implements SyncTransport {
  readonly #inner: SyncTransport;
  readonly #onDelivered: (request: SyncPushRequest) => void;
  #planned: TransportFault[] = [];
  offline = false;

  constructor(options: { inner: SyncTransport; onDelivered?: (request: SyncPushRequest) => void }) {
    this.#inner = options.inner;
    this.#onDelivered = options.onDelivered ?? (() => {});
  }

  /** Faults for the next requests, one each, in order; later requests go through. */
  plan(faults: readonly TransportFault[]): void {
    this.#planned = [...faults];
  }

  async push(request: SyncPushRequest) {
    return this.#send(async () => {
      const response = await this.#inner.push(request);
      this.#onDelivered(request);
      return response;
    });
  }

  async pull(request: Parameters<SyncTransport['pull']>[0]) {
    return this.#send(() => this.#inner.pull(request));
  }

  async #send<T>(deliver: () => Promise<T>): Promise<T> {
    if (this.offline) throw networkFailure();
    const fault = this.#planned.shift() ?? 'none';
    switch (fault) {
      case 'none':
        return deliver();
      case 'drop_request':
        throw networkFailure();
      case 'lose_response':
        await deliver();
        throw networkFailure();
      case 'duplicate':
        await deliver();
        return deliver();
    }
  }
}
