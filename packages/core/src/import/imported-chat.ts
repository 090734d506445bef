import type { Feedback, MessageRole } from '@hearth/schema';

/**
 * The clients whose exports can be read. `hearth` is our own archive (docs/archive-format.md), read
 * record for record; every other source becomes `ImportedChat`s first.
 */
export type ImportSource = 'hearth' | 'chatgpt' | 'claude' | 'open-webui' | 'nextchat' | (string & {});

/**
 * One conversation read from another client's export, before it becomes our records. A source's ids are
 * kept as `sourceId`s so that the records made from them get the same ids every time (importing the same
 * file twice adds nothing).
 */
export interface ImportedChat {
  source: ImportSource;
  /** The conversation's id in the source; stable across exports of the same account. */
  sourceId: string;
  title: string;
  /** Epoch ms. */
  createdAt: number;
  /**
   * The time the chat's record id is made from, when `createdAt` depends on the device that reads the
   * file (a local time written without its zone): the same on every device. Defaults to `createdAt`.
   */
  idTimeMs?: number;
  /** Epoch ms: when the conversation last changed in the source. */
  updatedAt: number;
  systemPrompt: string;
  pinned: boolean;
  /** In any order; the tree is given by `parentSourceId`. */
  messages: ImportedMessage[];
  /** The last message of the branch the source showed; null when the source does not say. */
  shownLeafSourceId: string | null;
  /** What was left out or changed on the way, for the preview ("2 hidden system messages"). */
  notes: ImportNote[];
}

export interface ImportedMessage {
  sourceId: string;
  /** The message this one follows; null for the first message of the conversation. */
  parentSourceId: string | null;
  role: MessageRole;
  /** Markdown. Parts that are not text (images, code runs, browsing) are written out readably here. */
  content: string;
  reasoning: string;
  /** Epoch ms. */
  createdAt: number;
  /** As `ImportedChat.idTimeMs`, for the message's record id. Defaults to `createdAt`. */
  idTimeMs?: number;
  /** The model that wrote an answer, when the source says. */
  model: string | null;
  feedback: Feedback | null;
}

/** Something an import leaves out or turns into text, counted per kind for the preview. */
export interface ImportNote {
  kind: ImportNoteKind;
  count: number;
}

export type ImportNoteKind =
  | 'hidden_message_skipped'
  | 'tool_message_as_text'
  | 'attachment_as_text'
  | 'empty_message_skipped'
  /** ChatGPT's separate "thoughts" nodes, folded into the reasoning of the answer below them. */
  | 'reasoning_from_thoughts'
  /** ChatGPT's custom instructions (`user_editable_context`), kept as the chat's system prompt. */
  | 'instructions_as_system_prompt'
  /** A content part of a kind the reader does not know, kept as its text or fields. */
  | 'unknown_content_as_text'
  /** A content part of a kind the reader does not know and that has no text. */
  | 'unknown_content_skipped'
  /** A message from a role we have no place for. */
  | 'unknown_role_skipped'
  /** A message whose parent is not in the conversation: it starts a branch of its own. */
  | 'orphan_message_as_root'
  /** NextChat's preset messages of the chat's mask, kept at the start of the conversation. */
  | 'preset_message_kept'
  /** A message time the reader could not read: the time of the message before it is used. */
  | 'time_guessed'
  | (string & {});
