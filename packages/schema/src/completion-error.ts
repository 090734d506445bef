import { z } from 'zod/mini';
import { relayErrorCodeSchema } from './relay-error-body.ts';

/**
 * Why a completion did not finish. A closed set, so the UI and retries switch on codes,
 * never on message text.
 */
export const completionErrorCodes = [
  'upstream_http', // the provider answered 4xx/5xx; `message` is the provider's own words
  'network', // the request failed before any response (offline, DNS, CORS)
  'interrupted', // the stream ended before the provider's end of answer, or the connection dropped mid-answer
  'bad_response', // the provider sent something that is not a stream in its format
  'stream_error', // the provider reported an error inside the stream
  'timeout', // no data for too long
  'abandoned', // the tab closed or crashed while the answer was streaming
  'not_saved', // the answer arrived but the browser refused to store it (storage full)
] as const;
export const completionErrorCodeSchema = z.enum(completionErrorCodes);
export type CompletionErrorCode = z.infer<typeof completionErrorCodeSchema>;

/**
 * An error as stored on a message and shown to the person.
 *
 * A relay's own refusal or failure keeps the nearest `code` above and says what the relay said in
 * `relayCode`, rather than adding completion codes: messages sync between app versions, and an older
 * version keeps a field it does not know but refuses a record with a code it does not know. So an older
 * app still shows a sensible heading (and `message`, which names the relay), and this one words the
 * relay's problem exactly.
 */
export const completionErrorSchema = z.looseObject({
  code: completionErrorCodeSchema,
  message: z.string(),
  httpStatus: z.optional(z.int()),
  /** Set only when the relay itself refused or failed, never for the provider's own errors. */
  relayCode: z.optional(relayErrorCodeSchema),
  /** From `Retry-After` on a 429 (the relay's or the provider's): whole seconds until a retry may pass. */
  retryAfterSeconds: z.optional(z.int().check(z.nonnegative())),
  /**
   * Set when nothing was sent because the newest question alone (with the system prompt and the answer's
   * room) is more than the model's context window: the estimate and the window, in tokens. Its `code` is
   * `upstream_http` without a status, what the provider would have answered, so older versions word it sensibly.
   */
  contextOverflow: z.optional(
    z.looseObject({ neededTokens: z.int().check(z.nonnegative()), contextWindow: z.int().check(z.nonnegative()) }),
  ),
});
export type CompletionError = z.infer<typeof completionErrorSchema>;
