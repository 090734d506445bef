import type { Feedback, MessageRole } from '@hearth/schema';
import { ImportNotes } from '../import-notes.ts';
import type { ImportedChat, ImportedMessage } from '../imported-chat.ts';
import { linkMessageTree, type SourceNode } from '../message-tree.ts';
import { paragraphs } from '../readable-text.ts';
import {
  asFiniteNumber,
  asId,
  asObject,
  asString,
  type ConversationPlace,
  conversationError,
  type JsonObject,
  requireId,
  requireObject,
} from '../source-fields.ts';

const roles: Record<string, MessageRole> = { user: 'user', assistant: 'assistant', system: 'system' };

/**
 * One chat of Open WebUI's "Export chats" file (a list of its chat rows). `chat.history.messages` is the
 * tree (`parentId`), `chat.history.currentId` the shown message; a chat from a version without history
 * falls back to the linear `chat.messages`. Reasoning that Open WebUI folds into the answer as
 * `<details type="reasoning">` is moved to the reasoning field; a thumbs rating becomes feedback.
 */
export function openWebUiChat(value: unknown, index: number): ImportedChat {
  const place: ConversationPlace = { index, id: null };
  const row = asObject(value);
  if (row === null) throw conversationError(place, 'chat', 'is not an object');
  const id = requireId(row, 'id', place);
  place.id = id;
  const chat = requireObject(row, 'chat', place);
  const notes = new ImportNotes();
  const createdAt = epochMs(row.created_at) ?? epochMs(chat.timestamp) ?? 0;
  const history = asObject(chat.history);
  const nodes = history ? historyNodes(history, place, notes, createdAt) : linearNodes(chat, place, notes, createdAt);
  const shown = history ? asId(history.currentId) : (nodes.at(-1)?.sourceId ?? null);
  const tree = linkMessageTree(nodes, shown, place, notes);
  const params = asObject(chat.params) ?? {};
  return {
    source: 'open-webui',
    sourceId: id,
    title: asString(row.title) ?? asString(chat.title) ?? '',
    createdAt,
    updatedAt: epochMs(row.updated_at) ?? createdAt,
    systemPrompt: asString(params.system) ?? asString(chat.system) ?? '',
    pinned: row.pinned === true,
    messages: tree.messages,
    shownLeafSourceId: tree.shownLeafSourceId,
    notes: notes.list(),
  };
}

function historyNodes(
  history: JsonObject,
  place: ConversationPlace,
  notes: ImportNotes,
  fallbackMs: number,
): SourceNode[] {
  const messages = asObject(history.messages);
  if (messages === null) throw conversationError(place, 'history.messages', 'has no "history.messages" object');
  return Object.entries(messages).map(([key, raw]) => {
    const source = asObject(raw);
    if (source === null)
      throw conversationError(place, 'history.messages', `has a message ${key} that is not an object`);
    return {
      sourceId: key,
      parentSourceId: asId(source.parentId),
      message: readMessage(source, key, place, notes, fallbackMs),
    };
  });
}

function linearNodes(chat: JsonObject, place: ConversationPlace, notes: ImportNotes, fallbackMs: number): SourceNode[] {
  const list = chat.messages;
  if (!Array.isArray(list)) throw conversationError(place, 'chat.history', 'has neither "history" nor "messages"');
  let previous: string | null = null;
  return list.map((raw, position) => {
    const source = asObject(raw);
    if (source === null)
      throw conversationError(place, 'chat.messages', `has message ${position + 1} that is not an object`);
    const key = asId(source.id) ?? `#${position}`;
    const node = {
      sourceId: key,
      parentSourceId: previous,
      message: readMessage(source, key, place, notes, fallbackMs),
    };
    previous = key;
    return node;
  });
}

function readMessage(
  source: JsonObject,
  key: string,
  place: ConversationPlace,
  notes: ImportNotes,
  fallbackMs: number,
): ImportedMessage | null {
  const roleName = asString(source.role);
  if (roleName === null) throw conversationError(place, 'role', `has a message ${key} without a "role"`);
  const role = roles[roleName];
  if (role === undefined) {
    notes.add('unknown_role_skipped');
    return null;
  }
  const { text, reasoning } = splitReasoning(asString(source.content) ?? '');
  const content = paragraphs([filesText(source.files, notes), text]);
  if (content.trim() === '' && reasoning === '') {
    notes.add('empty_message_skipped');
    return null;
  }
  return {
    sourceId: key,
    parentSourceId: null,
    role,
    content,
    reasoning,
    createdAt: epochMs(source.timestamp) ?? fallbackMs,
    model: role === 'assistant' ? (asString(source.model) ?? null) : null,
    feedback: feedbackOf(source.annotation),
  };
}

/** Open WebUI stores times in seconds; some older rows in milliseconds. No real chat predates 1973. */
function epochMs(value: unknown): number | null {
  const number = asFiniteNumber(value);
  if (number === null || number < 0) return null;
  return Math.round(number >= 1e11 ? number : number * 1000);
}

const reasoningBlock = /<details\b[^>]*\btype="reasoning"[^>]*>([\s\S]*?)<\/details>\s*/g;

/** Takes `<details type="reasoning">` blocks out of the answer; their quoted lines are the reasoning. */
function splitReasoning(content: string): { text: string; reasoning: string } {
  const thoughts: string[] = [];
  const text = content.replace(reasoningBlock, (_block, inner: string) => {
    const body = inner
      .replace(/<summary>[\s\S]*?<\/summary>/, '')
      .split('\n')
      .map((line) => line.replace(/^>\s?/, ''))
      .join('\n')
      .trim();
    thoughts.push(body);
    return '';
  });
  return { text: text.trim(), reasoning: paragraphs(thoughts) };
}

function filesText(files: unknown, notes: ImportNotes): string {
  if (!Array.isArray(files)) return '';
  const pieces: string[] = [];
  for (const raw of files) {
    const file = asObject(raw) ?? {};
    const name = asString(file.name) ?? asString(asObject(file.file)?.filename) ?? '';
    // Images are data URLs, often megabytes: the note says an image was here without copying it.
    pieces.push(
      asString(file.type) === 'image' ? `[Image${name === '' ? '' : `: ${name}`}]` : `[File: ${name || 'file'}]`,
    );
    notes.add('attachment_as_text');
  }
  return paragraphs(pieces);
}

/** Thumbs up is the top of our 1–5 scale and thumbs down the bottom; the reason given becomes the comment. */
function feedbackOf(annotation: unknown): Feedback | null {
  const object = asObject(annotation);
  const rating = asFiniteNumber(object?.rating);
  if (object === null || rating === null || rating === 0) return null;
  const comment = asString(object.comment) ?? asString(object.reason) ?? '';
  return { rating: rating > 0 ? 5 : 1, comment: comment.slice(0, 5_000) };
}
