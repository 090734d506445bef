/** What orders the messages of a chat: when each was created, then its time-ordered id. */
export interface OrderedMessage {
  readonly id: string;
  readonly createdAt: number;
}

/**
 * Conversation order: by `createdAt`, then by id, so messages of the same millisecond (a question and
 * the placeholder of its answer) still have one order, the same on every device.
 */
export function compareMessages(a: OrderedMessage, b: OrderedMessage): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The creation time of a new message under `parent`: now, or just after the parent when this device's
 * wall clock is behind the one that wrote it. A parent must sort before its child, or the tree ignores
 * the link (docs/records.md, "Branches"), so a regenerated answer on a slow clock still answers its question.
 */
export function createdAtAfter(parent: OrderedMessage | null, nowMs: number): number {
  return parent === null ? nowMs : Math.max(nowMs, parent.createdAt + 1);
}
