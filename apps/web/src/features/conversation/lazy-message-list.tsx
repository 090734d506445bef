import { lazy } from 'react';

// The message list and what it renders (virtua, the message items) load in their own chunk: the first
// page shows the chat list, and no chat is open before the person picks one. The chunk is fetched as
// soon as the app has painted (preloadMessageList), so opening a chat does not wait for it.
const loadMessageList = () => import('./message-list.tsx');

/** The message list, loaded on first use. */
export const LazyMessageList = lazy(() => loadMessageList().then((module) => ({ default: module.MessageList })));

/** Starts fetching the message list's chunk without rendering it. */
export function preloadMessageList(): void {
  loadMessageList().catch(() => {
    // Nothing to do here: rendering the list tries again, and its error shows there.
  });
}
