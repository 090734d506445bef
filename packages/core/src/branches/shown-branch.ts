import type { ConversationTree, TreeMessage } from './conversation-tree.ts';
import { compareMessages } from './message-order.ts';
import { subtreeOf } from './subtree.ts';

/**
 * The newest message at or below `id`: the leaf a branch shows down to. (A child sorts after its parent,
 * so the newest descendant has no children.) Undefined when `id` is not in the tree.
 */
export function newestLeafUnder<M extends TreeMessage>(tree: ConversationTree<M>, id: string): M | undefined {
  let newest: M | undefined;
  for (const message of subtreeOf(tree, id))
    if (newest === undefined || compareMessages(message, newest) > 0) newest = message;
  return newest;
}

/** The branch from a first message down to `id`, inclusive; empty when `id` is not in the tree. */
export function branchTo<M extends TreeMessage>(tree: ConversationTree<M>, id: string): M[] {
  const branch: M[] = [];
  for (let message = tree.get(id); message !== undefined; message = tree.parentOf(message.id)) branch.push(message);
  return branch.reverse();
}

/**
 * The branch a chat shows, first message first. `shownLeafId` (the chat's) may name any message: the
 * branch goes down from it to its newest descendant, so what was added below it (by another device, or
 * an app version that does not know branches) shows too. Missing or gone, the chat's newest message ends it.
 */
export function shownBranch<M extends TreeMessage>(
  tree: ConversationTree<M>,
  shownLeafId: string | null | undefined,
): M[] {
  const leaf = (shownLeafId == null ? undefined : newestLeafUnder(tree, shownLeafId)) ?? tree.newest;
  return leaf === undefined ? [] : branchTo(tree, leaf.id);
}
