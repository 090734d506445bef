import type { Chat } from '@hearth/schema';
import { create, type StateCreator } from 'zustand';

// UI state only: which chat is open, what is being typed or edited. Conversations live in Dexie and are
// read with live queries; answers streaming right now belong to their sessions (actions/answer-sessions.ts).

interface NavigationSlice {
  selectedChatId: string | null;
  settingsOpen: boolean;
  sidebarOpen: boolean;
  /** A pairing code that arrived in a link (`#pair=CODE`), waiting in the Sync settings. */
  pairingCodeFromLink: string | null;
}

/** What the person chose on the empty new-chat screen, before the chat exists; the first send uses it. */
export type NewChatOptions = Pick<Chat, 'modelConfigId' | 'systemPrompt' | 'params'>;

const noNewChatOptions: NewChatOptions = { modelConfigId: null, systemPrompt: '', params: {} };

interface DraftSlice {
  /** Unsent text per chat; the key '' is the draft of a chat not created yet. */
  drafts: Record<string, string>;
  editingMessageId: string | null;
  newChatOptions: NewChatOptions;
}

export type UiState = NavigationSlice & DraftSlice;

const navigationSlice: StateCreator<UiState, [], [], NavigationSlice> = () => ({
  selectedChatId: null,
  settingsOpen: false,
  sidebarOpen: false,
  pairingCodeFromLink: null,
});
const draftSlice: StateCreator<UiState, [], [], DraftSlice> = () => ({
  drafts: {},
  editingMessageId: null,
  newChatOptions: noNewChatOptions,
});

/** The page's UI state. Changes go through the plain functions below, not store methods. */
export const useUiStore = create<UiState>()((...a) => ({
  ...navigationSlice(...a),
  ...draftSlice(...a),
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

/** Changes what the next new chat is created with (model, system prompt, generation params). */
export function setNewChatOptions(options: Partial<NewChatOptions>): void {
  useUiStore.setState((state) => ({ newChatOptions: { ...state.newChatOptions, ...options } }));
}

/** Starts the next new chat from the defaults again, once a chat was created with the options. */
export function resetNewChatOptions(): void {
  useUiStore.setState({ newChatOptions: noNewChatOptions });
}
