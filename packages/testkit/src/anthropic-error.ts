/** The body Anthropic sends with a failed request (and, as `data`, with an `error` event in a stream). */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id?: string;
}

// Types and messages as Anthropic's error documentation lists them, so the app's display is tested on real text.
const defaultsByStatus: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'The requested resource could not be found.' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit.' },
  500: { type: 'api_error', message: 'Internal server error' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

/** An Anthropic-shaped error body; `message` falls back to a realistic one for the status. */
export function anthropicErrorBody(options: {
  status: number;
  message?: string | null;
  requestId?: number;
}): AnthropicErrorBody {
  const defaults = defaultsByStatus[options.status] ?? {
    type: options.status >= 500 ? 'api_error' : 'invalid_request_error',
    message: `The upstream failed with status ${options.status}.`,
  };
  const body: AnthropicErrorBody = {
    type: 'error',
    error: { type: defaults.type, message: options.message ?? defaults.message },
  };
  if (options.requestId !== undefined) body.request_id = `req_fake_${options.requestId}`;
  return body;
}
