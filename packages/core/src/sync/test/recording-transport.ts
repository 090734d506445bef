import type { SyncPullRequest, SyncPullResponse, SyncPushRequest, SyncPushResponse } from '@hearth/schema';
import type { SyncTransport } from '../sync-transport.ts';

/** Wraps a transport and records every request it was asked to send. */
export class RecordingTransport implements SyncTransport {
  readonly pushes: SyncPushRequest[] = [];
  readonly pulls: SyncPullRequest[] = [];
  readonly #inner: SyncTransport;

  constructor(inner: SyncTransport) {
    this.#inner = inner;
  }

  push(request: SyncPushRequest): Promise<SyncPushResponse> {
    this.pushes.push(structuredClone(request));
    return this.#inner.push(request);
  }

  pull(request: SyncPullRequest): Promise<SyncPullResponse> {
    this.pulls.push(structuredClone(request));
    return this.#inner.pull(request);
  }
}
