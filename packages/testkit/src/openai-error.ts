/** The body OpenAI sends with a failed request. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

interface ErrorDefaults {
  message: string;
  type: string;
  code: string | null;
}

// Messages and codes as OpenAI really sends them, so the app's error display is tested on real text.
const defaultsByStatus: Record<number, ErrorDefaults> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: {
    message:
      'Incorrect API key provided: sk-te***. You can find your API key at https://platform.openai.com/account/api-keys.',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
  403: { message: 'You are not allowed to use this model.', type: 'invalid_request_error', code: 'forbidden' },
  404: {
    message: 'The model does not exist or you do not have access to it.',
    type: 'invalid_request_error',
    code: 'model_not_found',
  },
  429: {
    message: 'Rate limit reached for requests. Please try again in 20s.',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  500: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    code: null,
  },
  502: { message: 'Bad gateway.', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

/** An OpenAI-shaped error body; `message` and `code` fall back to realistic ones for the status. */
export function openAiErrorBody(options: {
  status: number;
  message?: string | null;
  code?: string | null;
  param?: string | null;
}): OpenAiErrorBody {
  const defaults = defaultsByStatus[options.status] ?? {
    message: `The upstream failed with status ${options.status}.`,
    type: options.status >= 500 ? 'server_error' : 'invalid_request_error',
    code: null,
  };
  return {
    error: {
      message: options.message ?? defaults.message,
      type: defaults.type,
      param: options.param ?? null,
      code: options.code === undefined ? defaults.code : options.code,
    },
  };
}
