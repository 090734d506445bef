import type { PixelHit, RecordedRequest } from './recorded-request.ts';

/** A predicate over recorded requests; it is re-run whenever a request is added or changes outcome. */
export type RequestPredicate = (request: RecordedRequest) => boolean;

interface Waiter {
  predicate: RequestPredicate;
  resolve: (request: RecordedRequest) => void;
}

/** The requests and pixel hits seen since the last reset, with waiting on either. */
export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  readonly pixelHits: PixelHit[] = [];
  private nextId = 1;
  private readonly waiters = new Set<Waiter>();

  /** Adds a request (given everything but its id) and returns the live record. */
  add(fields: Omit<RecordedRequest, 'id'>): RecordedRequest {
    const request: RecordedRequest = { id: this.nextId++, ...fields };
    this.requests.push(request);
    this.changed(request);
    return request;
  }

  /** Tells waiters that a live record changed (its outcome, status or chunk count). */
  changed(request: RecordedRequest): void {
    for (const waiter of this.waiters) {
      if (waiter.predicate(request)) {
        this.waiters.delete(waiter);
        waiter.resolve(request);
      }
    }
  }

  addPixelHit(hit: PixelHit): void {
    this.pixelHits.push(hit);
  }

  /** Forgets everything recorded; exchanges still in flight keep running but are no longer listed. */
  reset(): void {
    this.requests.length = 0;
    this.pixelHits.length = 0;
    this.nextId = 1;
  }

  /** Resolves with the first request, recorded or future, that matches; rejects after `timeoutMs`. */
  // The 4 s default stays under vitest's 5 s test timeout, so the descriptive error below is what a test reports.
  waitFor(predicate: RequestPredicate = () => true, timeoutMs = 4000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.requests.map((r) => `${r.method} ${r.path} (${r.outcome})`).join('; ') || 'none';
        reject(new Error(`No matching request within ${timeoutMs} ms. Requests seen: ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
