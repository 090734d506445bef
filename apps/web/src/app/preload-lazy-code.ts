import { preloadAttachmentViews } from '../features/attachments/lazy-attachments.tsx';
import { preloadChatRows } from '../features/chat-list/lazy-chat-rows.tsx';
import { preloadMessageList } from '../features/conversation/lazy-message-list.tsx';
import { preloadMarkdown } from '../features/markdown/lazy-markdown.tsx';

/**
 * Loads every lazily split part of the app once the page is idle. The first paint stays small, and a
 * tab keeps working on its version even after an update removed that version's files from the cache.
 */
export function preloadLazyCode(): () => void {
  // Needed by the next click (open a chat) and by the chat list's scrolling: fetched right after the first paint.
  preloadChatRows();
  preloadMessageList();
  const idle = requestIdleCallback(
    () => {
      preloadMarkdown();
      preloadAttachmentViews();
      void import('../features/settings/settings-dialog.tsx').catch(() => undefined);
    },
    { timeout: 3_000 },
  );
  return () => cancelIdleCallback(idle);
}
