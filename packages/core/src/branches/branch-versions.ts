import type { ConversationTree, TreeMessage } from './conversation-tree.ts';

/** Where a message stands among its versions (its siblings: the children of its parent), for "‹ 2 / 3 ›". */
export interface BranchVersions {
  /** 1-based, in conversation order (the oldest version is 1). */
  index: number;
  count: number;
  /** The versions before and after this one, if any. */
  previousId: string | null;
  nextId: string | null;
}

/** The versions of a message (itself and its siblings, oldest first). Undefined when it is not in the tree. */
export function versionsOf<M extends TreeMessage>(tree: ConversationTree<M>, id: string): BranchVersions | undefined {
  if (tree.get(id) === undefined) return undefined;
  const siblings = tree.childrenOf(tree.parentOf(id)?.id ?? null);
  const at = siblings.findIndex((sibling) => sibling.id === id);
  return {
    index: at + 1,
    count: siblings.length,
    previousId: siblings[at - 1]?.id ?? null,
    nextId: siblings[at + 1]?.id ?? null,
  };
}
