import { compareMessages } from './message-order.ts';
import { pickParent, type TreeMessage } from './parent-rule.ts';

export type { TreeMessage } from './parent-rule.ts';

/**
 * The messages of one chat as a tree, built whole in memory: each message below the parent `pickParent`
 * gives it, so every message is in the tree exactly once. Reads that need only the branch on screen
 * use `BranchReader`, which gives the same answers from a few lookups.
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
    for (const message of this.ordered) if (!this.#byId.has(message.id)) this.#byId.set(message.id, message);
    this.ordered.forEach((message, index) => {
      const named = message.parentId == null ? undefined : this.#byId.get(message.parentId);
      const parent = pickParent(message, named, this.ordered[index - 1]);
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
