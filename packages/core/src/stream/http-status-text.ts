// HTTP/2 responses carry no status text, so fetch gives '' there; these keep the generic message readable.
const reasonPhrases: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The status line words for a response, e.g. "502 Bad Gateway", falling back to the standard phrase. */
export function describeHttpStatus(status: number, statusText: string): string {
  const reason = statusText.trim() || reasonPhrases[status];
  return reason ? `${status} ${reason}` : `${status}`;
}
