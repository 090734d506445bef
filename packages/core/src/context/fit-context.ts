/** What a request may hold: the model's context window, less the room kept for the answer. */
export interface ContextBudget {
  /** The model's whole context window, in tokens (prompt and answer together). */
  contextWindow: number;
  /** Tokens kept free for the answer (and thinking): the request's output limit, or a reserve. */
  answerReserve: number;
}

export interface FitContextOptions<T> {
  /** The tokens of what is always sent: the system prompt (0 without one). */
  fixedTokens: number;
  /** The conversation that could be sent, oldest first; the last one being asked about is newest. */
  messages: readonly T[];
  /** Estimated tokens of one message (its text, overhead, and anything attached to it). */
  cost: (message: T) => number;
  /** Whether a message starts a turn the model may be sent first (a question, not an answer). */
  startsTurn: (message: T) => boolean;
  budget: ContextBudget;
}

/** Which newest part of a conversation fits a model's context window. */
export type FitContextResult<T> =
  | {
      fits: true;
      /** The newest messages that fit: a suffix of the conversation, starting with a turn. */
      messages: T[];
      /** How many older messages are left out. */
      leftOut: number;
      /** The estimated tokens of the request without the answer. */
      tokens: number;
    }
  | {
      fits: false;
      /** What the newest question (with the system prompt and the answer's room) needs alone. */
      neededTokens: number;
      contextWindow: number;
    };

/**
 * The newest messages that fit a budget, so a long chat never sends more than the model can read. It
 * walks back from the newest message while the estimate fits, then drops a leading answer so the model is
 * first sent a question (Anthropic refuses a conversation that starts with an answer, and an answer
 * without its question misleads any model). The newest question is never left out: when it alone (with the
 * system prompt and the answer's room) does not fit, nothing is sent and the caller says so instead.
 */
export function fitContext<T>(options: FitContextOptions<T>): FitContextResult<T> {
  const { messages, cost, startsTurn, budget } = options;
  const available = budget.contextWindow - budget.answerReserve - options.fixedTokens;
  // The newest question and everything after it must go; without any question, everything is the tail.
  let newestTurn = messages.length - 1;
  while (newestTurn > 0 && !startsTurn(messages[newestTurn] as T)) newestTurn--;
  let tokens = 0;
  for (let index = messages.length - 1; index >= Math.max(newestTurn, 0); index--) {
    tokens += cost(messages[index] as T);
  }
  if (tokens > available) {
    return {
      fits: false,
      neededTokens: tokens + budget.answerReserve + options.fixedTokens,
      contextWindow: budget.contextWindow,
    };
  }
  let start = Math.max(newestTurn, 0);
  while (start > 0) {
    const more = cost(messages[start - 1] as T);
    if (tokens + more > available) break;
    tokens += more;
    start--;
  }
  // When older messages are cut, an answer left first without its question goes too.
  while (start > 0 && start < newestTurn && !startsTurn(messages[start] as T)) {
    tokens -= cost(messages[start] as T);
    start++;
  }
  return { fits: true, messages: messages.slice(start), leftOut: start, tokens: tokens + options.fixedTokens };
}
