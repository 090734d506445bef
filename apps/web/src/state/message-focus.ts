import { create } from 'zustand';
import { selectChat } from './ui-store.ts';

/**
 * A request to open a chat at one message (a search result, a link): the message list scrolls to it
 * once it is on screen, then clears the request. `nonce` makes asking twice for the same message
 * scroll again.
 */
export interface MessageFocus {
  chatId: string;
  messageId: string;
  nonce: number;
}

export const useMessageFocus = create<{ target: MessageFocus | null }>()(() => ({ target: null }));

let nextNonce = 1;

/** Opens `chatId` and asks the message list to bring `messageId` into view. */
export function focusMessage(chatId: string, messageId: string): void {
  selectChat(chatId);
  useMessageFocus.setState({ target: { chatId, messageId, nonce: nextNonce++ } });
}

/** Called by the message list once the target is in view (or cannot be shown). */
export function clearMessageFocus(nonce: number): void {
  if (useMessageFocus.getState().target?.nonce === nonce) useMessageFocus.setState({ target: null });
}
