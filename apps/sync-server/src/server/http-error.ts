/** Error codes of the server's own JSON error bodies (the relay has its own). */
export const httpErrorCodes = ['not_found', 'web_app_not_built', 'bad_request', 'internal_error'] as const;
export type HttpErrorCode = (typeof httpErrorCodes)[number];

/** The body of every error the server itself answers: `{ error: { code, message } }`. */
export function errorBody(code: HttpErrorCode, message: string) {
  return { error: { code, message } };
}
