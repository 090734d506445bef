import { compareMessages, type OrderedMessage } from './message-order.ts';

/** What the tree needs of a message: its place in conversation order and the parent it names, if any. */
export interface TreeMessage extends OrderedMessage {
  /** A message id; null for a first message (or a version of one); absent when an older app wrote it. */
  readonly parentId?: string | null | undefined;
}

/**
 * The messages of one chat as a tree (docs/records.md, "Branches"). The parent of a message is the one
 * its `parentId` names when that message is in the chat and sorts before it; a `parentId` of null makes
 * it a first message. Otherwise (no `parentId`: written before branches, or by an app version that does
 * not know them; or a parent deleted or not yet synced) its parent is the message just before it in
 * conversation order, which is what such an app showed above it. Every parent sorts before its child,
 * so no parentIds, however written, can make a cycle, and every message is in the tree exactly once.
 */
export class ConversationTree<M extends TreeMessage> {
  /** Every message, in conversation order. */
  readonly ordered: readonly M[];
  readonly #byId = new Map<string, M>();
  readonly #parent = new Map<string, M | undefined>();
  readonly #children = new Map<string | null, M[]>();

  /** Builds the tree of one chat's live messages, given in any order (ids distinct). */
  constructor(messages: Iterable<M>) {
    this.ordered = [...messages].sort(compareMessages);
    const position = new Map<string, number>();
    this.ordered.forEach((message, index) => {
      position.set(message.id, index);
      this.#byId.set(message.id, message);
    });
    this.ordered.forEach((message, index) => {
      const parent = effectiveParent(this.ordered, position, index);
      this.#parent.set(message.id, parent);
      const siblings = this.#children.get(parent?.id ?? null) ?? [];
      siblings.push(message); // in conversation order, since `ordered` is
      this.#children.set(parent?.id ?? null, siblings);
    });
  }

  /** The message with this id, if it is in the tree. */
  get(id: string | null | undefined): M | undefined {
    return id == null ? undefined : this.#byId.get(id);
  }

  /** The parent of a message; undefined for a first message (and for an id not in the tree). */
  parentOf(id: string): M | undefined {
    return this.#parent.get(id);
  }

  /** The children of a message, or the first messages for null, in conversation order. */
  childrenOf(id: string | null): readonly M[] {
    return this.#children.get(id) ?? [];
  }

  /** The newest message of the chat: always a leaf, since a child sorts after its parent. */
  get newest(): M | undefined {
    return this.ordered.at(-1);
  }
}

function effectiveParent<M extends TreeMessage>(
  ordered: readonly M[],
  position: ReadonlyMap<string, number>,
  index: number,
): M | undefined {
  const { parentId } = ordered[index] as M;
  if (parentId === null) return undefined;
  if (parentId !== undefined) {
    const at = position.get(parentId);
    if (at !== undefined && at < index) return ordered[at];
  }
  return ordered[index - 1];
}
