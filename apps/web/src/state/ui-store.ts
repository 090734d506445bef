import type { AnswerState } from '@hearth/core';
import { create, type StateCreator } from 'zustand';

// UI state only: which chat is open, what is being typed, what is streaming right now. Conversations
// themselves live in Dexie and are read with live queries.

interface NavigationSlice {
  selectedChatId: string | null;
  settingsOpen: boolean;
  sidebarOpen: boolean;
  /** A pairing code that arrived in a link (`#pair=CODE`), waiting in the Sync settings. */
  pairingCodeFromLink: string | null;
}

interface DraftSlice {
  /** Unsent text per chat; the key '' is the draft of a chat not created yet. */
  drafts: Record<string, string>;
  editingMessageId: string | null;
}

interface LiveAnswerSlice {
  /** Answers streaming in this tab, by message id: rendered at every delta, persisted only now and then. */
  liveAnswers: Record<string, AnswerState>;
}

export type UiState = NavigationSlice & DraftSlice & LiveAnswerSlice;

const navigationSlice: StateCreator<UiState, [], [], NavigationSlice> = () => ({
  selectedChatId: null,
  settingsOpen: false,
  sidebarOpen: false,
  pairingCodeFromLink: null,
});
const draftSlice: StateCreator<UiState, [], [], DraftSlice> = () => ({ drafts: {}, editingMessageId: null });
const liveAnswerSlice: StateCreator<UiState, [], [], LiveAnswerSlice> = () => ({ liveAnswers: {} });

/** The page's UI state. Changes go through the plain functions below, not store methods. */
export const useUiStore = create<UiState>()((...a) => ({
  ...navigationSlice(...a),
  ...draftSlice(...a),
  ...liveAnswerSlice(...a),
}));

/** Opens a chat (null: the empty "new chat" screen). */
export function selectChat(chatId: string | null): void {
  useUiStore.setState({ selectedChatId: chatId, sidebarOpen: false, editingMessageId: null });
}

/** Shows or hides the settings dialog. */
export function setSettingsOpen(open: boolean): void {
  useUiStore.setState({ settingsOpen: open });
}

/** Opens Settings with a pairing code from a link, so the person only has to confirm. */
export function openPairing(code: string): void {
  useUiStore.setState({ pairingCodeFromLink: code, settingsOpen: true });
}

/** Shows or hides the chat list on narrow screens. */
export function setSidebarOpen(open: boolean): void {
  useUiStore.setState({ sidebarOpen: open });
}

/** Remembers what is typed in a chat's composer. */
export function setDraft(chatId: string | null, text: string): void {
  useUiStore.setState((state) => ({ drafts: { ...state.drafts, [chatId ?? '']: text } }));
}

/** Starts or ends editing a message in place. */
export function setEditingMessage(messageId: string | null): void {
  useUiStore.setState({ editingMessageId: messageId });
}

/** Shows the newest state of a streaming answer. */
export function setLiveAnswer(messageId: string, answer: AnswerState): void {
  useUiStore.setState((state) => ({ liveAnswers: { ...state.liveAnswers, [messageId]: answer } }));
}

/** Forgets a finished answer's live state (its record now holds everything). */
export function clearLiveAnswer(messageId: string): void {
  useUiStore.setState((state) => {
    const { [messageId]: _, ...rest } = state.liveAnswers;
    return { liveAnswers: rest };
  });
}
