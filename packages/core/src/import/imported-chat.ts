import type { Feedback, MessageRole } from '@hearth/schema';

/**
 * The clients whose exports can be read. `hearth` is our own archive (docs/archive-format.md), read
 * record for record; every other source becomes `ImportedChat`s first.
 */
export type ImportSource = 'hearth' | 'chatgpt' | 'claude' | (string & {});

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
  | (string & {});
