import { type SyncPullRequest, syncProtocolVersion } from '@hearth/schema';
import type { ParseResult } from '../stream/parse-result.ts';
import { type PulledPage, parsePullResponse } from './parse-sync-response.ts';
import { callServer, type SyncContext } from './sync-context.ts';

type PageResult = ParseResult<PulledPage, unknown>;

/**
 * Fetches pull pages one after another (each page's cursor names the next), running ahead of whoever
 * reads them by up to `ahead` pages, so the network keeps working while a batch is written locally.
 * Stops after the last page or the first failure, which the reader gets in order; a result never
 * rejects, so pages fetched ahead of a failed write are never unhandled rejections.
 */
export class PageFetcher {
  readonly #context: SyncContext;
  readonly #ahead: number;
  readonly #ready: Promise<PageResult>[] = [];
  #cursor: number;
  #fetching = false;
  #finished = false;

  constructor(options: { context: SyncContext; cursor: number; ahead: number }) {
    this.#context = options.context;
    this.#cursor = options.cursor;
    this.#ahead = Math.max(1, options.ahead);
    this.#fetch();
  }

  /** The next page, in order. Call it only while pages remain (until a page with `hasMore: false` or a failure). */
  next(): Promise<PageResult> {
    const result = this.#ready.shift();
    if (result === undefined) throw new Error('No page left to read.');
    if (!this.#fetching) this.#fetch();
    return result;
  }

  #fetch(): void {
    if (this.#finished || this.#ready.length >= this.#ahead) return;
    this.#fetching = true;
    const cursor = this.#cursor;
    const request: SyncPullRequest = {
      protocolVersion: syncProtocolVersion,
      cursor,
      ...(this.#context.pullPageSize === undefined ? {} : { limit: this.#context.pullPageSize }),
    };
    const result = callServer(() => this.#context.transport.pull(request)).then(
      (answer) => parsePullResponse(answer, cursor),
      (error: unknown): PageResult => ({ success: false, error }),
    );
    this.#ready.push(result);
    void result.then((page) => {
      this.#fetching = false;
      if (!page.success || !page.value.hasMore) {
        this.#finished = true;
        return;
      }
      this.#cursor = page.value.cursor;
      this.#fetch();
    });
  }
}
