import { isAnswerInFlight } from '@hearth/core';
import { create } from 'zustand';
import { stopAnswer, streamingAnswerIn } from '../actions/answer-sessions.ts';
import { regenerateAnswer } from '../actions/conversation-actions.ts';
import { appStorage } from '../app/app-storage.ts';
import { shownBranchPage } from '../db/branches-repository.ts';
import { listChats, listChatWindow } from '../db/chats-repository.ts';
import { chatSearchId } from '../features/chat-list/chat-search-id.ts';
import { selectChat, setSidebarOpen, useUiStore } from '../state/ui-store.ts';
import type { ShortcutId } from './shortcut-map.ts';

/** Whether the list of shortcuts is open (UI state of its own: nothing else reads it). */
export const useShortcutList = create<{ open: boolean }>()(() => ({ open: false }));

/** Opens or closes the list of shortcuts. */
export function setShortcutListOpen(open: boolean): void {
  useShortcutList.setState({ open });
}

/**
 * Does what a shortcut asks. True when it did something; false lets the key do what it would have done
 * (Escape with no answer to stop, regenerate with nothing to regenerate).
 */
export function runShortcut(id: ShortcutId): boolean {
  const chatId = useUiStore.getState().selectedChatId;
  switch (id) {
    case 'newChat':
      selectChat(null);
      focusWhenShown('.composer textarea');
      return true;
    case 'focusSearch':
      setSidebarOpen(true);
      focusWhenShown(`#${chatSearchId}`);
      return true;
    case 'stop': {
      const streaming = chatId ? streamingAnswerIn(chatId) : null;
      if (streaming) stopAnswer(streaming);
      return streaming !== null;
    }
    case 'regenerate':
      if (!chatId) return false;
      void regenerateLast(chatId).catch(() => undefined);
      return true;
    case 'previousChat':
    case 'nextChat':
      void openNeighbour(chatId, id === 'nextChat' ? 1 : -1).catch(() => undefined);
      return true;
    case 'showShortcuts':
      setShortcutListOpen(!useShortcutList.getState().open);
      return true;
  }
}

// After a re-render: the element may be about to appear (the composer of a new chat, the drawer).
function focusWhenShown(selector: string): void {
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    element?.focus();
    if (element instanceof HTMLInputElement) element.select();
  });
}

/** Asks again for the answer at the end of the branch on screen, as its Regenerate button does. */
async function regenerateLast(chatId: string): Promise<void> {
  if (streamingAnswerIn(chatId)) return;
  const { messages } = await shownBranchPage(appStorage().db, chatId, 1);
  const last = messages.at(-1)?.message;
  if (last?.role !== 'assistant' || isAnswerInFlight(last.status)) return;
  await regenerateAnswer(appStorage(), last.id);
}

/** Opens the chat above (-1) or below (1) the open one in the chat list; from a new chat, the first. */
async function openNeighbour(chatId: string | null, step: 1 | -1): Promise<void> {
  const { db } = appStorage();
  // Most moves stay near the top of the list: its window is read first, every chat only when needed.
  let chats = (await listChatWindow(db, 100)).chats;
  let at = chats.findIndex((chat) => chat.id === chatId);
  if (at < 0 && chatId !== null) {
    chats = await listChats(db);
    at = chats.findIndex((chat) => chat.id === chatId);
  }
  const next = at < 0 ? chats[step === 1 ? 0 : chats.length - 1] : chats[at + step];
  if (next) selectChat(next.id);
}
