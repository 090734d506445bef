import type { MessageRole } from '@hearth/schema';
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
  requireArray,
  requireId,
} from '../source-fields.ts';
import { parseLocaleDateTime } from './locale-date-time.ts';

const roles: Record<string, MessageRole> = { user: 'user', assistant: 'assistant', system: 'system' };

interface Clock {
  createdAt: number;
  idTimeMs: number;
}

/**
 * One session of a NextChat backup (`chat-next-web-store.sessions`). Sessions are linear. The mask's
 * system messages become the system prompt and its other preset messages open the conversation; the
 * mask's `createdAt`, set when the session was made, is the chat's creation time. Message times are
 * locale text (see parseLocaleDateTime); ids come from their wall-clock reading so that every device
 * makes the same ids from the same backup.
 */
export function nextchatSession(value: unknown, index: number): ImportedChat {
  const place: ConversationPlace = { index, id: null };
  const session = asObject(value);
  if (session === null) throw conversationError(place, 'session', 'is not an object');
  const id = requireId(session, 'id', place);
  place.id = id;
  const items = requireArray(session, 'messages', place);
  const notes = new ImportNotes();
  const mask = asObject(session.mask) ?? {};
  const maskCreated = asFiniteNumber(mask.createdAt);
  const lastUpdate = asFiniteNumber(session.lastUpdate);
  const model = asString(asObject(mask.modelConfig)?.model);
  const start = maskCreated ?? lastUpdate ?? 0;
  let clock: Clock = { createdAt: start, idTimeMs: start };

  const systemPrompts: string[] = [];
  const nodes: SourceNode[] = [];
  let previous: string | null = null;
  const add = (source: JsonObject, key: string, preset: boolean): void => {
    // Preset messages have no time of their own: they stand at the session's start, unremarked.
    clock = timeOf(source, clock, preset ? null : notes);
    const message = readMessage(source, key, { place, notes, clock, model });
    if (message && preset) notes.add('preset_message_kept');
    nodes.push({ sourceId: key, parentSourceId: previous, message });
    previous = key;
  };

  const context = Array.isArray(mask.context) ? mask.context : [];
  context.forEach((raw, position) => {
    const source = asObject(raw);
    if (source === null) return;
    if (source.role === 'system') systemPrompts.push(textOf(source.content, notes));
    else add(source, `mask:${asId(source.id) ?? position}`, true);
  });
  items.forEach((raw, position) => {
    const source = asObject(raw);
    if (source === null)
      throw conversationError(place, 'messages', `has message ${position + 1} that is not an object`);
    add(source, asId(source.id) ?? `#${position}`, false);
  });

  const tree = linkMessageTree(nodes, previous, place, notes);
  const first = tree.messages[0];
  const createdAt = maskCreated ?? first?.createdAt ?? start;
  return {
    source: 'nextchat',
    sourceId: id,
    title: asString(session.topic) ?? '',
    createdAt,
    idTimeMs: maskCreated ?? first?.idTimeMs ?? start,
    updatedAt: lastUpdate ?? Math.max(createdAt, tree.messages.at(-1)?.createdAt ?? 0),
    systemPrompt: paragraphs(systemPrompts),
    pinned: false,
    messages: tree.messages,
    shownLeafSourceId: tree.shownLeafSourceId,
    notes: notes.list(),
  };
}

/** A message's time, or the one before it when its text cannot be read (so order and ids stay stable). */
function timeOf(source: JsonObject, before: Clock, notes: ImportNotes | null): Clock {
  const date = source.date;
  if (typeof date === 'number' && Number.isFinite(date) && date >= 0) return { createdAt: date, idTimeMs: date };
  const parsed = typeof date === 'string' ? parseLocaleDateTime(date) : null;
  if (parsed) return { createdAt: parsed.localMs, idTimeMs: parsed.wallMs };
  notes?.add('time_guessed');
  return before;
}

interface MessageContext {
  place: ConversationPlace;
  notes: ImportNotes;
  clock: Clock;
  model: string | null;
}

function readMessage(source: JsonObject, key: string, context: MessageContext): ImportedMessage | null {
  const roleName = asString(source.role);
  if (roleName === null) throw conversationError(context.place, 'role', `has a message ${key} without a "role"`);
  const role = roles[roleName];
  if (role === undefined) {
    context.notes.add('unknown_role_skipped');
    return null;
  }
  const content = textOf(source.content, context.notes);
  if (content.trim() === '') {
    context.notes.add('empty_message_skipped');
    return null;
  }
  return {
    sourceId: key,
    parentSourceId: null,
    role,
    content,
    reasoning: asString(source.reasoning) ?? '',
    createdAt: context.clock.createdAt,
    idTimeMs: context.clock.idTimeMs,
    model: role === 'assistant' ? (asString(source.model) ?? context.model) : null,
    feedback: null,
  };
}

/** Text, or the parts of a message with images: each image as a note, without its (data) URL. */
function textOf(content: unknown, notes: ImportNotes): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const pieces: string[] = [];
  for (const raw of content) {
    const part = asObject(raw) ?? {};
    if (part.type === 'text') pieces.push(asString(part.text) ?? '');
    else if (part.type === 'image_url') {
      const url = asString(asObject(part.image_url)?.url) ?? '';
      pieces.push(url.startsWith('http') ? `[Image: ${url}]` : '[Image]');
      notes.add('attachment_as_text');
    }
  }
  return paragraphs(pieces);
}
