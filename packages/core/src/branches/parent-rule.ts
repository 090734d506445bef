import { compareMessages, type OrderedMessage } from './message-order.ts';

/** What the rule reads of a message: its place in conversation order and the parent it names, if any. */
export interface TreeMessage extends OrderedMessage {
  /** A message id; null for a first message (or a version of one); absent when an older app wrote it. */
  readonly parentId?: string | null | undefined;
}

/**
 * The one rule for where a message hangs (docs/records.md, "Branches"): below the message its `parentId`
 * names, when that one is in the chat (`named`, looked up in the same chat) and sorts before it; nowhere
 * (a first message) for a `parentId` of null; otherwise (no `parentId`: written before branches, or by an
 * app version that does not know them; a parent deleted, not synced yet, or later) below `before`, the
 * message just before it in conversation order, which is what such an app showed above it. Every parent
 * sorts before its child, so no parentIds, however written, can make a cycle.
 */
export function pickParent<M extends TreeMessage>(
  message: TreeMessage,
  named: M | undefined,
  before: M | undefined,
): M | undefined {
  if (message.parentId === null) return undefined;
  if (named !== undefined && named.id === message.parentId && compareMessages(named, message) < 0) return named;
  return before;
}
