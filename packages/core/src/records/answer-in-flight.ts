import type { MessageStatus } from '@hearth/schema';

/** The statuses of an answer still arriving: requested (`pending`) or with text coming in (`streaming`). */
export const answerInFlightStatuses = ['pending', 'streaming'] as const satisfies readonly MessageStatus[];

const inFlight: ReadonlySet<MessageStatus> = new Set(answerInFlightStatuses);

/**
 * Whether a message is an answer still in flight: the one rule behind Stop, a busy chat, pushing an
 * answer once it ends, and telling a live answer from one a closed tab abandoned. Index queries use
 * `answerInFlightStatuses`, the same rule as a list.
 */
export function isAnswerInFlight(status: MessageStatus): boolean {
  return inFlight.has(status);
}
