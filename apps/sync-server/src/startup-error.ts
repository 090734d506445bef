/** Why the server refused to start; `main` prints the message, tests branch on the code. */
export const startupErrorCodes = [
  'data_dir_unusable',
  'database_unreadable',
  'database_corrupt',
  'database_too_new',
  'migration_failed',
  'relay_options_invalid',
  'mcp_stdio_config_invalid',
  'listen_failed',
] as const;
export type StartupErrorCode = (typeof startupErrorCodes)[number];

/** A start-up failure whose message tells the operator what to do about it. */
export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(
    readonly code: StartupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The code of a Node or SQLite error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
