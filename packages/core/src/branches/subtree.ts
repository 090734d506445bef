import type { ConversationTree, TreeMessage } from './conversation-tree.ts';

/** A message and everything below it, in every branch: what deleting it deletes. Empty when it is not in the tree. */
export function subtreeOf<M extends TreeMessage>(tree: ConversationTree<M>, id: string): M[] {
  const root = tree.get(id);
  if (root === undefined) return [];
  const found: M[] = [];
  const pending: M[] = [root];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    found.push(next);
    pending.push(...tree.childrenOf(next.id));
  }
  return found;
}
