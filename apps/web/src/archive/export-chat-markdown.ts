import { type ChatMarkdownLabels, chatMarkdown } from '@hearth/core';
import type { AppDatabase } from '../db/app-database.ts';
import { getChat } from '../db/chats-repository.ts';
import { downloadFile } from './download-file.ts';
import { shownConversation } from './shown-conversation.ts';

/** A file name from a chat's title: characters no file system takes (and control characters) become spaces. */
export function markdownFileName(title: string, fallback: string): string {
  const kept = [...title].map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? ' ' : char)).join('');
  const cleaned = kept.replace(/\s+/g, ' ').trim().slice(0, 80).trim();
  return `${cleaned || fallback}.md`;
}

/** Downloads one chat, the branch it shows, as a Markdown file. */
export async function exportChatMarkdown(db: AppDatabase, chatId: string, labels: ChatMarkdownLabels): Promise<void> {
  const chat = await getChat(db, chatId);
  if (!chat) return;
  const text = chatMarkdown({ chat, messages: await shownConversation(db, chatId), labels });
  downloadFile(
    new Blob([text], { type: 'text/markdown;charset=utf-8' }),
    markdownFileName(chat.title, labels.untitled),
  );
}
