/** The body Google's APIs send with a failed request: `{error: {code, message, status}}`. */
export interface GeminiErrorBody {
  error: { code: number; message: string; status: string };
}

// Statuses and messages as the Gemini API sends them, so the app's display is tested on real text.
const defaultsByStatus: Record<number, { status: string; message: string }> = {
  400: { status: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' },
  403: {
    status: 'PERMISSION_DENIED',
    message:
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  },
  404: { status: 'NOT_FOUND', message: 'Requested entity was not found.' },
  429: { status: 'RESOURCE_EXHAUSTED', message: 'Resource has been exhausted (e.g. check quota).' },
  500: { status: 'INTERNAL', message: 'An internal error has occurred. Please retry or report in the documentation.' },
  503: { status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
};

/** A Gemini-shaped error body; `message` falls back to a realistic one for the status. */
export function geminiErrorBody(options: { status: number; message?: string | null }): GeminiErrorBody {
  const defaults = defaultsByStatus[options.status] ?? {
    status: options.status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION',
    message: `The upstream failed with status ${options.status}.`,
  };
  return { error: { code: options.status, message: options.message ?? defaults.message, status: defaults.status } };
}
