import { z } from 'zod/mini';

/**
 * Why a completion did not finish. A closed set, so the UI and retries switch on codes,
 * never on message text.
 */
export const completionErrorCodes = [
  'upstream_http', // the provider answered 4xx/5xx; `message` is the provider's own words
  'network', // the request failed before any response (offline, DNS, CORS)
  'interrupted', // the stream ended without [DONE] or the connection dropped mid-answer
  'bad_response', // the provider sent something that is not an OpenAI-compatible stream
  'stream_error', // the provider reported an error inside the stream
  'timeout', // no data for too long
  'abandoned', // the tab closed or crashed while the answer was streaming
  'not_saved', // the answer arrived but the browser refused to store it (storage full)
] as const;
export const completionErrorCodeSchema = z.enum(completionErrorCodes);
export type CompletionErrorCode = z.infer<typeof completionErrorCodeSchema>;

/** An error as stored on a message and shown to the person. */
export const completionErrorSchema = z.looseObject({
  code: completionErrorCodeSchema,
  message: z.string(),
  httpStatus: z.optional(z.int()),
});
export type CompletionError = z.infer<typeof completionErrorSchema>;
