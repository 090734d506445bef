/** The outcome of a parsing stage: a value, or the reason there is none. Stages return this instead of throwing. */
export type ParseResult<T, E = string> = { success: true; value: T } | { success: false; error: E };
