import { appStorage } from '../../app/app-storage.ts';
import { exportChatMarkdown } from '../../archive/export-chat-markdown.ts';
import { getActiveLocale } from '../../i18n/active-locale.ts';
import { archiveStrings } from './archive-strings.ts';

/** Downloads a chat as Markdown, its headings in the page's language. */
export function downloadChatMarkdown(chatId: string): Promise<void> {
  return exportChatMarkdown(appStorage().db, chatId, archiveStrings[getActiveLocale()].markdown);
}
