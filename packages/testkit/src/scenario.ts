/** Where the reasoning text goes in a delta: DeepSeek-style `reasoning_content` or OpenRouter/Ollama `reasoning`. */
export type ReasoningField = 'reasoning_content' | 'reasoning';

/** The shape of the body of a failure response chosen with `status`. */
export type ErrorBodyKind = 'json' | 'text' | 'html';

/**
 * Everything a test can control about how the fake upstream answers. `null` means "off" for a knob
 * that has no natural default. Chunk-count knobs (`dropAfter`, `endAfter`, `stallAfter`) count content
 * events (reasoning or answer deltas) and apply to streamed answers only. Every knob applies to every API
 * (OpenAI-compatible, Anthropic, Gemini), each answering in its own format.
 */
export interface Scenario {
  /** Fixed answer text; `null` answers `Echo: <last user message>` so tests can see which history was sent. */
  text: string | null;
  /** Answer with N word tokens `token1 token2 ...` instead of `text`/echo. */
  tokens: number | null;
  /**
   * Reasoning text streamed before the answer: always for OpenAI-compatible requests, for Anthropic only when the
   * request enables `thinking`, for Gemini only when it asks `includeThoughts`, as the real providers do.
   */
  reasoning: string | null;
  reasoningField: ReasoningField;
  /** Tokens per second; 0 sends as fast as the socket takes them. */
  rate: number;
  /** Tokens per SSE event. */
  chunkTokens: number;
  /** Send a usage chunk when the request asks for it with `stream_options.include_usage`. */
  usage: boolean;
  /** `Access-Control-Allow-Origin: *` on every answer and preflight; off sends no CORS headers at all. */
  cors: boolean;
  /** Fail every API request with this HTTP status. */
  status: number | null;
  /** Error message for `status`; `null` uses a realistic default for the status. */
  message: string | null;
  errorBody: ErrorBodyKind;
  /** Destroy the socket after N content events (no finish chunk, no `[DONE]`, no clean end). */
  dropAfter: number | null;
  /** End the response cleanly after N content events, without `[DONE]`. */
  endAfter: number | null;
  /** Send nothing more after N content events and keep the socket open. */
  stallAfter: number | null;
  /** Report an error inside the stream after N content events, as the provider does (then end the response). */
  errorAfter: number | null;
  /** Wait this long before sending the status line and headers. */
  delayFirstByteMs: number;
  /** Put a `: keep-alive` comment before every event. */
  keepAlive: boolean;
  /** Use CRLF line endings in the event stream. */
  crlf: boolean;
  /** Write the event stream N bytes at a time (splitting UTF-8 characters and line endings); 0 is off. */
  splitBytes: number;
  /** Answer with hostile markdown/HTML and sprinkle an unknown event and a non-JSON data line in the stream. */
  hostile: boolean;
  /** Add one non-JSON `data:` line of this many bytes to the stream; `null` is off. */
  hugeLine: number | null;
  /** Answer every API request with this redirect status (301, 302, 303, 307 or 308). */
  redirect: number | null;
  /** Location of `redirect`; `null` points at `/redirect-target` on this server. */
  redirectTo: string | null;
  /** Add a `Set-Cookie` header to every API answer. */
  setCookie: boolean;
  /** Answer every API request with a 200 `text/html` page. */
  html: boolean;
  /** Ignore `stream: true` and answer with one whole `chat.completion` JSON. */
  jsonMode: boolean;
  /** Model ids listed by `GET /models`. */
  models: readonly string[];
  /**
   * The context window every listed model has, in each API's own field: OpenRouter's `context_length`,
   * Anthropic's `max_input_tokens`, Gemini's `inputTokenLimit`. `null`: OpenAI-compatible lists say nothing
   * (as OpenAI's own does), Anthropic and Gemini list their usual figures (they always list one).
   */
  contextWindow: number | null;
  /** The most models on one page of Anthropic's and Gemini's paged lists (less when the client asks for less). */
  modelsPageSize: number;
}

/** The scenario of a plain `/v1` base URL. */
export const defaultScenario: Readonly<Scenario> = Object.freeze({
  text: null,
  tokens: null,
  reasoning: null,
  reasoningField: 'reasoning_content',
  rate: 0,
  chunkTokens: 1,
  usage: true,
  cors: true,
  status: null,
  message: null,
  errorBody: 'json',
  dropAfter: null,
  endAfter: null,
  stallAfter: null,
  errorAfter: null,
  delayFirstByteMs: 0,
  keepAlive: false,
  crlf: false,
  splitBytes: 0,
  hostile: false,
  hugeLine: null,
  redirect: null,
  redirectTo: null,
  setCookie: false,
  html: false,
  jsonMode: false,
  models: Object.freeze(['fake-model', 'fake-reasoner']),
  contextWindow: null,
  modelsPageSize: 1000,
});

/** Layers partial scenarios over the defaults; later layers win. */
export function resolveScenario(...layers: readonly Partial<Scenario>[]): Scenario {
  const resolved: Scenario = { ...defaultScenario };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      // A layer built by hand may carry `undefined` for "not set"; it must not erase a lower layer.
      if (value !== undefined) Object.assign(resolved, { [key]: value });
    }
  }
  return resolved;
}
