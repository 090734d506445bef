import type { ImportNotes } from './import-notes.ts';
import type { ImportedMessage } from './imported-chat.ts';
import { type ConversationPlace, conversationError } from './source-fields.ts';

/** One node of a source's conversation tree, before the nodes that are left out are taken away. */
export interface SourceNode {
  sourceId: string;
  parentSourceId: string | null;
  /** Null when the node is left out (hidden, empty, structural): its children move up to its nearest kept ancestor. */
  message: ImportedMessage | null;
  /** Reasoning that a left-out node hands down to the next answer below it (ChatGPT's "thoughts" nodes). */
  reasoning?: string;
}

interface Resolved {
  /** The kept message that children of this node follow: the node itself when kept. */
  kept: string | null;
  /** Reasoning from left-out nodes between that kept message and this node's children. */
  reasoning: string;
}

/**
 * Turns a source's nodes into the kept messages with their parents re-pointed past left-out nodes, parents
 * before children (siblings by time), and the shown leaf moved up to a kept message when the source's own
 * was left out. A loop in the parent links fails the conversation; a parent the source does not have makes
 * its child a root, counted in the notes.
 */
export function linkMessageTree(
  nodes: readonly SourceNode[],
  shownSourceId: string | null,
  place: ConversationPlace,
  notes: ImportNotes,
): { messages: ImportedMessage[]; shownLeafSourceId: string | null } {
  const byId = new Map<string, SourceNode>();
  for (const node of nodes) {
    if (byId.has(node.sourceId)) throw conversationError(place, 'id', `has two messages with the id ${node.sourceId}`);
    byId.set(node.sourceId, node);
  }
  const resolved = new Map<string, Resolved>();
  const resolve = (start: SourceNode): Resolved => resolveNode(start, byId, resolved, place, notes);

  const messages: ImportedMessage[] = [];
  for (const node of nodes) {
    const message = node.message;
    if (message === null) continue;
    const above = parentOf(node, byId);
    if (above === null && node.parentSourceId !== null) notes.add('orphan_message_as_root');
    const from = above ? resolve(above) : { kept: null, reasoning: '' };
    message.parentSourceId = from.kept;
    if (from.reasoning !== '' && message.role === 'assistant') {
      message.reasoning = message.reasoning === '' ? from.reasoning : `${from.reasoning}\n\n${message.reasoning}`;
    }
    messages.push(message);
  }
  const shown = shownSourceId === null ? undefined : byId.get(shownSourceId);
  return { messages: parentsFirst(messages), shownLeafSourceId: shown ? resolve(shown).kept : null };
}

function parentOf(node: SourceNode, byId: ReadonlyMap<string, SourceNode>): SourceNode | null {
  return node.parentSourceId === null ? null : (byId.get(node.parentSourceId) ?? null);
}

/** Walks up iteratively (a conversation can be a chain of thousands), memoising every node on the way. */
function resolveNode(
  start: SourceNode,
  byId: ReadonlyMap<string, SourceNode>,
  resolved: Map<string, Resolved>,
  place: ConversationPlace,
  notes: ImportNotes,
): Resolved {
  const chain: SourceNode[] = [];
  const onChain = new Set<string>();
  let node: SourceNode | null = start;
  let base: Resolved = { kept: null, reasoning: '' };
  while (node !== null) {
    const known = resolved.get(node.sourceId);
    if (known) {
      base = known;
      break;
    }
    if (onChain.has(node.sourceId)) {
      throw conversationError(place, 'parent', `has messages whose parents form a loop (at ${node.sourceId})`);
    }
    onChain.add(node.sourceId);
    chain.push(node);
    const parent = parentOf(node, byId);
    // Kept messages with a lost parent are counted where they are linked; this counts the left-out ones.
    if (parent === null && node.parentSourceId !== null && node.message === null) notes.add('orphan_message_as_root');
    node = parent;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const current = chain[i] as SourceNode;
    base =
      current.message !== null
        ? { kept: current.sourceId, reasoning: '' }
        : { kept: base.kept, reasoning: joinReasoning(base.reasoning, current.reasoning ?? '') };
    resolved.set(current.sourceId, base);
  }
  return base;
}

function joinReasoning(before: string, more: string): string {
  if (more === '') return before;
  return before === '' ? more : `${before}\n\n${more}`;
}

function parentsFirst(messages: ImportedMessage[]): ImportedMessage[] {
  const children = new Map<string | null, ImportedMessage[]>();
  for (const message of messages) {
    const siblings = children.get(message.parentSourceId);
    if (siblings) siblings.push(message);
    else children.set(message.parentSourceId, [message]);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.createdAt - b.createdAt);
  const ordered: ImportedMessage[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const message = stack.pop() as ImportedMessage;
    ordered.push(message);
    const below = children.get(message.sourceId);
    if (below) for (let i = below.length - 1; i >= 0; i--) stack.push(below[i] as ImportedMessage);
  }
  return ordered;
}
