import type { StreamEvent } from '@hearth/schema';
import type { ProviderProtocol } from '../provider/provider-protocol.ts';
import { completionEventsFromResponse } from './completion-events-from-response.ts';
import { errorEvent, networkError, timeoutError } from './stream-errors.ts';

export interface StreamCompletionOptions {
  url: string;
  /** Method, headers and body of the request; its own `signal` is replaced by `signal` below. */
  init: RequestInit;
  /** The wire format of the answer (a built request says it); OpenAI-compatible unless said. */
  protocol?: ProviderProtocol | undefined;
  /** Injectable for tests and for the relay path; defaults to the global fetch. */
  fetch?: typeof fetch | undefined;
  /** Aborting stops the request at any point; the stream then ends with no event. */
  signal?: AbortSignal | undefined;
  /** Applies to waiting for the response as well as to silences within it. */
  idleTimeoutMs?: number | undefined;
}

/** Sends a chat-completion request and yields its typed events; failures become error events, never throws. */
export async function* streamCompletion(
  options: StreamCompletionOptions,
): AsyncGenerator<StreamEvent, void, undefined> {
  const { signal, idleTimeoutMs } = options;
  if (signal?.aborted) return;
  // One controller for the whole request, so both the caller and the idle timer can stop it.
  const controller = new AbortController();
  const forwardAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort);
  let timedOut = false;
  const timer =
    idleTimeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, idleTimeoutMs);
  try {
    let response: Response;
    try {
      const fetchFn = options.fetch ?? globalThis.fetch;
      response = await fetchFn(options.url, { ...options.init, signal: controller.signal });
    } catch {
      // A rejection is all a browser reveals of a CORS refusal, so it cannot be told apart from being offline.
      if (signal?.aborted) return;
      yield errorEvent(timedOut ? timeoutError(idleTimeoutMs ?? 0) : networkError());
      return;
    } finally {
      clearTimeout(timer);
    }
    yield* completionEventsFromResponse(response, {
      protocol: options.protocol,
      signal: controller.signal,
      idleTimeoutMs,
    });
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
  }
}
