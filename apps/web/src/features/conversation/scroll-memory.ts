// Where each chat was scrolled to, kept while the app runs (not stored: a relaunch opens every chat at
// its newest message). A chat left at its newest message has no entry, so it opens at the newest again.

/** How far up a chat was read, as the message list needs it to put the reader back. */
export interface ChatScrollPosition {
  /** How many messages of the branch were loaded, so the same pages load again. */
  loaded: number;
  /** The place (see ShownMessage) of the first message at least partly on screen. */
  anchorPlace: string;
  /** How many pixels of that message were above the top of the list. */
  offset: number;
}

const positions = new Map<string, ChatScrollPosition>();

/** The position a chat was left at, or undefined to open it at its newest message. */
export function recallScrollPosition(chatId: string): ChatScrollPosition | undefined {
  return positions.get(chatId);
}

/** Remembers where a chat is being left; null when it was left at its newest message. */
export function rememberScrollPosition(chatId: string, position: ChatScrollPosition | null): void {
  if (position === null) positions.delete(chatId);
  else positions.set(chatId, position);
}

// Chats whose list must go to its newest message at its next change: the person just sent there, and
// their message must show wherever they had scrolled to.
const latestRequested = new Set<string>();

/** Asks the chat's message list to show its newest message once the next change arrives (a send). */
export function requestScrollToLatest(chatId: string): void {
  latestRequested.add(chatId);
}

/** Withdraws the request (the send failed: nothing new will arrive). */
export function cancelScrollToLatest(chatId: string): void {
  latestRequested.delete(chatId);
}

/** True once after `requestScrollToLatest` for this chat. */
export function takeScrollToLatest(chatId: string): boolean {
  return latestRequested.delete(chatId);
}
