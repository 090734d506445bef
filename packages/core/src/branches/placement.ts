import type { ConversationTree, TreeMessage } from './conversation-tree.ts';
import { shownBranch } from './shown-branch.ts';

/**
 * The parent of a message sent now: the last message of the branch on screen (null in an empty chat),
 * so a question always continues the conversation the person sees.
 */
export function parentForSend<M extends TreeMessage>(
  tree: ConversationTree<M>,
  shownLeafId: string | null | undefined,
): M | null {
  return shownBranch(tree, shownLeafId).at(-1) ?? null;
}

/**
 * The parent of a new version of a message (a regenerated answer, an edited question): the parent of the
 * old one, so the two are siblings and the old one stays, one switch away. Null for a first message.
 */
export function parentForVersion<M extends TreeMessage>(tree: ConversationTree<M>, id: string): M | null {
  return tree.parentOf(id) ?? null;
}
