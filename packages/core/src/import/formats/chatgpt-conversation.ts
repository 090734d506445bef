import { ImportNotes } from '../import-notes.ts';
import type { ImportedChat, ImportedMessage } from '../imported-chat.ts';
import { linkMessageTree, type SourceNode } from '../message-tree.ts';
import {
  asObject,
  asString,
  type ConversationPlace,
  conversationError,
  type JsonObject,
  msFromSeconds,
  requireObject,
} from '../source-fields.ts';
import { chatgptContent } from './chatgpt-content.ts';

/**
 * One conversation of ChatGPT's `conversations.json`: its `mapping` tree becomes the message tree,
 * `current_node` the shown branch. Left out, with their children moved up: the empty root, hidden nodes
 * (`is_visually_hidden_from_conversation`), empty system messages, empty messages and "Thought for…"
 * labels. `thoughts` become the reasoning of the answer below them; visible tool output becomes an answer
 * in readable text; custom instructions (`user_editable_context`) become the chat's system prompt.
 */
export function chatgptConversation(value: unknown, index: number): ImportedChat {
  const place: ConversationPlace = { index, id: null };
  const conversation = asObject(value);
  if (conversation === null) throw conversationError(place, 'conversation', 'is not an object');
  const id = asString(conversation.conversation_id) ?? asString(conversation.id);
  if (id === null || id === '') throw conversationError(place, 'conversation_id', 'has no "conversation_id"');
  place.id = id;
  const mapping = requireObject(conversation, 'mapping', place);
  const createdAt = msFromSeconds(conversation.create_time);
  const defaultModel = asString(conversation.default_model_slug);
  const notes = new ImportNotes();
  const instructions: string[] = [];
  const nodes: SourceNode[] = [];
  let earliest = Number.POSITIVE_INFINITY;
  let latest = 0;

  for (const [key, raw] of Object.entries(mapping)) {
    const node = asObject(raw);
    if (node === null) throw conversationError(place, 'mapping', `has a node ${key} that is not an object`);
    const parent = node.parent === null || node.parent === undefined ? null : asString(node.parent);
    if (parent === null && node.parent !== null && node.parent !== undefined) {
      throw conversationError(place, 'parent', `has a node ${key} whose parent is not an id`);
    }
    const source = node.message === null || node.message === undefined ? null : asObject(node.message);
    if (source === null && node.message !== null && node.message !== undefined) {
      throw conversationError(place, 'message', `has a node ${key} whose message is not an object`);
    }
    const read = source === null ? null : readMessage(source, key, { place, notes, createdAt, defaultModel });
    if (read?.instructions) instructions.push(read.instructions);
    if (read?.message) {
      earliest = Math.min(earliest, read.message.createdAt);
      latest = Math.max(latest, read.message.createdAt);
    }
    nodes.push({
      sourceId: key,
      parentSourceId: parent,
      message: read?.message ?? null,
      reasoning: read?.reasoning ?? '',
    });
  }

  const shown = asString(conversation.current_node);
  const tree = linkMessageTree(nodes, shown, place, notes);
  if (instructions.length > 0) notes.add('instructions_as_system_prompt', instructions.length);
  const created = createdAt ?? (Number.isFinite(earliest) ? earliest : 0);
  return {
    source: 'chatgpt',
    sourceId: id,
    title: asString(conversation.title) ?? '',
    createdAt: created,
    updatedAt: msFromSeconds(conversation.update_time) ?? Math.max(created, latest),
    systemPrompt: instructions.join('\n\n'),
    pinned: false,
    messages: tree.messages,
    shownLeafSourceId: tree.shownLeafSourceId,
    notes: notes.list(),
  };
}

interface MessageContext {
  place: ConversationPlace;
  notes: ImportNotes;
  createdAt: number | null;
  defaultModel: string | null;
}

interface ReadMessage {
  message: ImportedMessage | null;
  reasoning: string;
  instructions: string;
}

function readMessage(source: JsonObject, key: string, context: MessageContext): ReadMessage {
  const { place, notes } = context;
  const role = asString(asObject(source.author)?.role);
  if (role === null) throw conversationError(place, 'author.role', `has a message ${key} without "author.role"`);
  const metadata = asObject(source.metadata) ?? {};
  const content = asObject(source.content) ?? {};
  const read = chatgptContent(content, notes);
  const skipped = { message: null, reasoning: read.reasoning, instructions: read.instructions };
  if (read.instructions !== '') return skipped;
  if (read.reasoning !== '') {
    notes.add('reasoning_from_thoughts');
    return skipped;
  }
  if (metadata.is_visually_hidden_from_conversation === true) {
    notes.add('hidden_message_skipped');
    return skipped;
  }
  if (read.label) return skipped;
  if (read.text.trim() === '') {
    // ChatGPT's own empty system message opens nearly every conversation: hidden in its app, so here too.
    notes.add(role === 'system' ? 'hidden_message_skipped' : 'empty_message_skipped');
    return skipped;
  }
  const isTool = role === 'tool';
  if (isTool) notes.add('tool_message_as_text');
  if (role !== 'user' && role !== 'assistant' && role !== 'system' && !isTool) {
    notes.add('unknown_role_skipped');
    return skipped;
  }
  const answerRole = isTool || role === 'assistant';
  const message: ImportedMessage = {
    sourceId: key,
    parentSourceId: null,
    role: isTool ? 'assistant' : role,
    content: isTool ? toolText(source, read.text) : read.text,
    reasoning: '',
    createdAt: msFromSeconds(source.create_time) ?? context.createdAt ?? 0,
    model: answerRole ? (asString(metadata.model_slug) ?? context.defaultModel) : null,
    feedback: null,
  };
  return { message, reasoning: '', instructions: '' };
}

/** Tool output is written as an answer, so it says which tool spoke. */
function toolText(source: JsonObject, text: string): string {
  const name = asString(asObject(source.author)?.name);
  return name === null || name === '' ? text : `**Tool: ${name}**\n\n${text}`;
}
