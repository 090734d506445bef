import type { ProviderProtocol } from '../provider/provider-protocol.ts';

/** Options shared by the functions that turn a provider's response into stream events. */
export interface CompletionStreamOptions {
  /** The wire format of the answer; OpenAI-compatible unless said. */
  protocol?: ProviderProtocol | undefined;
  /** Aborting stops reading and cancels the body; no error event is produced, since the caller chose to stop. */
  signal?: AbortSignal | undefined;
  /** With no bytes from the provider for this long, the answer ends with a `timeout` error. */
  idleTimeoutMs?: number | undefined;
  /** The longest line (or event) accepted before the answer ends with `bad_response`; keeps memory bounded. */
  maxLineBytes?: number | undefined;
}

/** 4 MiB: far above any real chunk, far below what would hurt a browser tab. */
export const defaultMaxLineBytes = 4 * 1024 * 1024;
