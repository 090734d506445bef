/** Why a configuration was refused; callers branch on these, never on message text. */
export const configIssueCodes = [
  'invalid_value',
  'unknown_flag',
  'missing_flag_value',
  'unexpected_argument',
  'insecure_bind',
] as const;
export type ConfigIssueCode = (typeof configIssueCodes)[number];

/** One readable problem with the configuration, e.g. `PORT (--port): must be ...`. */
export interface ConfigIssue {
  code: ConfigIssueCode;
  message: string;
}

/** The result of reading the configuration: every problem at once, not only the first. */
export type ConfigParse<T> = { success: true; value: T } | { success: false; issues: ConfigIssue[] };
