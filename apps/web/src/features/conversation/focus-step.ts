/** What the message list does next for a request to show one message (state/message-focus.ts). */
export type FocusStep =
  | { kind: 'wait' }
  | { kind: 'show'; index: number }
  | { kind: 'read-earlier'; more: number }
  | { kind: 'give-up' };

/** The fewest older messages one step reads while looking for the message. */
const leastStep = 50;

/**
 * The next step towards the message `messageId`, given the loaded messages (oldest first) of the branch
 * on screen: show it once loaded, else read further up, else (the branch starts here) give up.
 */
export function focusStep(input: {
  messageId: string;
  loadedIds: readonly string[];
  hasEarlier: boolean;
  loadingEarlier: boolean;
}): FocusStep {
  if (input.loadingEarlier) return { kind: 'wait' };
  const index = input.loadedIds.indexOf(input.messageId);
  if (index >= 0) return { kind: 'show', index };
  // Each step reads as many again as are loaded: a message deep in a long chat takes a few reads, not hundreds.
  if (input.hasEarlier) return { kind: 'read-earlier', more: Math.max(leastStep, input.loadedIds.length) };
  // Not on the branch shown, or deleted: nothing to scroll to.
  return { kind: 'give-up' };
}
