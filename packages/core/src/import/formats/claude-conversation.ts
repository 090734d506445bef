import type { MessageRole } from '@hearth/schema';
import { ImportNotes } from '../import-notes.ts';
import type { ImportedChat, ImportedMessage } from '../imported-chat.ts';
import { linkMessageTree, type SourceNode } from '../message-tree.ts';
import { fenced, paragraphs, readableJson } from '../readable-text.ts';
import {
  asObject,
  asString,
  type ConversationPlace,
  conversationError,
  type JsonObject,
  msFromIso,
  requireArray,
  requireId,
} from '../source-fields.ts';

const senders: Record<string, MessageRole> = { human: 'user', user: 'user', assistant: 'assistant' };

/**
 * One conversation of Claude's `conversations.json`. Messages follow `parent_message_uuid` when the export
 * has it (a root's parent is a placeholder id that names no message) and their order in the file when it
 * does not. Content parts: text as text, `thinking` as reasoning, tool calls and results as readable
 * text; attachments (with the text Claude extracted from them) and files as notes in the message.
 */
export function claudeConversation(value: unknown, index: number): ImportedChat {
  const place: ConversationPlace = { index, id: null };
  const conversation = asObject(value);
  if (conversation === null) throw conversationError(place, 'conversation', 'is not an object');
  const id = requireId(conversation, 'uuid', place);
  place.id = id;
  const items = requireArray(conversation, 'chat_messages', place);
  const notes = new ImportNotes();
  const model = asString(conversation.model);
  const createdAt = msFromIso(conversation.created_at);
  const hasTree = items.some((item) => asString(asObject(item)?.parent_message_uuid) !== null);
  const nodes: SourceNode[] = [];
  let previous: string | null = null;
  let earliest = Number.POSITIVE_INFINITY;

  items.forEach((item, position) => {
    const source = asObject(item);
    if (source === null)
      throw conversationError(place, 'chat_messages', `has message ${position + 1} that is not an object`);
    const messageId = asString(source.uuid);
    if (messageId === null || messageId === '') {
      throw conversationError(place, 'uuid', `has message ${position + 1} without a "uuid"`);
    }
    const parent = hasTree ? asString(source.parent_message_uuid) : previous;
    const message = readMessage(source, messageId, { place, notes, model, fallbackMs: createdAt ?? 0 });
    if (message) earliest = Math.min(earliest, message.createdAt);
    nodes.push({ sourceId: messageId, parentSourceId: parent, message });
    previous = messageId;
  });

  // A root points at a placeholder uuid rather than at nothing: not a lost parent, so no orphan note.
  const known = new Set(nodes.map((node) => node.sourceId));
  for (const node of nodes)
    if (node.parentSourceId !== null && !known.has(node.parentSourceId)) node.parentSourceId = null;
  const leaf = asString(conversation.current_leaf_message_uuid) ?? (hasTree ? null : previous);
  const tree = linkMessageTree(nodes, leaf, place, notes);
  const created = createdAt ?? (Number.isFinite(earliest) ? earliest : 0);
  return {
    source: 'claude',
    sourceId: id,
    title: asString(conversation.name) ?? '',
    createdAt: created,
    updatedAt: msFromIso(conversation.updated_at) ?? created,
    systemPrompt: '',
    pinned: conversation.is_starred === true,
    messages: tree.messages,
    shownLeafSourceId: tree.shownLeafSourceId,
    notes: notes.list(),
  };
}

interface MessageContext {
  place: ConversationPlace;
  notes: ImportNotes;
  model: string | null;
  fallbackMs: number;
}

function readMessage(source: JsonObject, id: string, context: MessageContext): ImportedMessage | null {
  const { place, notes } = context;
  const sender = asString(source.sender);
  if (sender === null) throw conversationError(place, 'sender', `has a message ${id} without a "sender"`);
  const role = senders[sender];
  if (role === undefined) {
    notes.add('unknown_role_skipped');
    return null;
  }
  const { text, reasoning } = contentOf(source, notes);
  const content = paragraphs([attachmentsText(source, notes), text]);
  if (content.trim() === '' && reasoning.trim() === '') {
    notes.add('empty_message_skipped');
    return null;
  }
  return {
    sourceId: id,
    parentSourceId: null,
    role,
    content,
    reasoning,
    createdAt: msFromIso(source.created_at) ?? context.fallbackMs,
    model: role === 'assistant' ? context.model : null,
    feedback: null,
  };
}

/** The message's content parts when it has them; older exports have only `text`. */
function contentOf(source: JsonObject, notes: ImportNotes): { text: string; reasoning: string } {
  const parts = Array.isArray(source.content) ? source.content : [];
  if (parts.length === 0) return { text: asString(source.text) ?? '', reasoning: '' };
  const texts: string[] = [];
  const thoughts: string[] = [];
  for (const raw of parts) {
    const part = asObject(raw);
    if (part === null) continue;
    switch (asString(part.type)) {
      case 'text':
        texts.push(asString(part.text) ?? '');
        break;
      case 'thinking':
        thoughts.push(asString(part.thinking) ?? asString(part.text) ?? '');
        break;
      case 'tool_use':
        notes.add('tool_message_as_text');
        texts.push(
          paragraphs([
            `**Tool call: ${asString(part.name) ?? 'tool'}**`,
            fenced(readableJson(part.input ?? {}), 'json'),
          ]),
        );
        break;
      case 'tool_result':
        notes.add('tool_message_as_text');
        texts.push(
          paragraphs([`**Tool result: ${asString(part.name) ?? 'tool'}**`, fenced(toolResultText(part.content))]),
        );
        break;
      case 'image':
        // The picture's bytes are not in the export; the note says one was there.
        notes.add('attachment_as_text');
        texts.push('[Image]');
        break;
      default: {
        const text = asString(part.text);
        if (text !== null) texts.push(text);
        else notes.add('unknown_content_skipped');
      }
    }
  }
  return { text: paragraphs(texts), reasoning: paragraphs(thoughts) };
}

function toolResultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return readableJson(content ?? '');
  return content.map((item) => asString(asObject(item)?.text) ?? readableJson(item)).join('\n');
}

/** Attachments carry the text Claude read from them; files are only names (their bytes are not in the export). */
function attachmentsText(source: JsonObject, notes: ImportNotes): string {
  const pieces: string[] = [];
  for (const raw of Array.isArray(source.attachments) ? source.attachments : []) {
    const attachment = asObject(raw) ?? {};
    const name = asString(attachment.file_name) ?? 'attachment';
    const extracted = asString(attachment.extracted_content) ?? '';
    pieces.push(extracted === '' ? `[Attachment: ${name}]` : paragraphs([`[Attachment: ${name}]`, fenced(extracted)]));
    notes.add('attachment_as_text');
  }
  for (const raw of Array.isArray(source.files) ? source.files : []) {
    pieces.push(`[File: ${asString(asObject(raw)?.file_name) ?? 'file'}]`);
    notes.add('attachment_as_text');
  }
  return paragraphs(pieces);
}
