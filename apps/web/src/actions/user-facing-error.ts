/** Problems the person can act on; the UI words each code in the page's language. */
export const userFacingErrorCodes = ['no_model', 'too_long', 'storage_full', 'storage_failed'] as const;
export type UserFacingErrorCode = (typeof userFacingErrorCodes)[number];

/** An error raised by an action for the person to read (not a bug). */
export class UserFacingError extends Error {
  readonly code: UserFacingErrorCode;

  constructor(code: UserFacingErrorCode, options?: ErrorOptions) {
    super(code, options);
    this.name = 'UserFacingError';
    this.code = code;
  }
}

/** Normalises anything thrown by an action into a code the UI can word. */
export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof UserFacingError) return error;
  const name = error instanceof Error ? error.name : '';
  // Dexie wraps the browser's error and keeps it as `inner`.
  const wrapped =
    (error as { inner?: unknown; cause?: unknown } | null)?.inner ?? (error as { cause?: unknown } | null)?.cause;
  const inner = wrapped instanceof Error ? wrapped.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new UserFacingError('storage_full', { cause: error });
  }
  return new UserFacingError('storage_failed', { cause: error });
}
