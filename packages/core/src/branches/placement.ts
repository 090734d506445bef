import type { BranchMessage, BranchReader } from './branch-reader.ts';

/**
 * The parent of a message sent now: the last message of the branch on screen (null in an empty chat),
 * so a question always continues the conversation the person sees.
 */
export async function parentForSend<M extends BranchMessage>(
  reader: BranchReader<M>,
  shownLeafId: string | null | undefined,
): Promise<M | null> {
  return (await reader.shownLeaf(shownLeafId)) ?? null;
}

/**
 * The parent of a new version of a message (a regenerated answer, an edited question): the parent of the
 * old one, so the two are siblings and the old one stays, one switch away. Null for a first message.
 */
export async function parentForVersion<M extends BranchMessage>(
  reader: BranchReader<M>,
  message: M,
): Promise<M | null> {
  return (await reader.parentOf(message)) ?? null;
}
