import { type BranchSource, compareMessages } from '@hearth/core';
import type { Message } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { messagesOf } from './chats-repository.ts';
import { isLive } from './record-versions.ts';

/**
 * The live messages of one chat as core's BranchReader looks them up, through the indexes: conversation
 * order is [chatId+createdAt] (then the id), children by the parent they name [chatId+parentId].
 * Tombstones have no chatId, so neither index lists them.
 */
export function dexieBranchSource(db: AppDatabase, chatId: string): BranchSource<Message> {
  return {
    async newest(count) {
      if (count <= 0) return [];
      return (await messagesOf(db, chatId).reverse().limit(count).toArray()).filter(isLive).reverse();
    },
    async get(ids) {
      return (await db.messages.bulkGet([...ids])).map((message) => (isLive(message) ? message : undefined));
    },
    async naming(parentIds) {
      if (parentIds.length === 0) return [];
      const keys = parentIds.map((parentId) => [chatId, parentId]);
      return (await db.messages.where('[chatId+parentId]').anyOf(keys).toArray()).filter(isLive);
    },
    async beside(message, side) {
      // Same-millisecond messages share the index key up to createdAt; the id decides among them.
      const found =
        side === 'before'
          ? db.messages
              .where('[chatId+createdAt]')
              .between([chatId, -Infinity], [chatId, message.createdAt], true, true)
              .reverse()
          : db.messages
              .where('[chatId+createdAt]')
              .between([chatId, message.createdAt], [chatId, Infinity], true, true);
      const sign = side === 'before' ? -1 : 1;
      // Tombstones carry no createdAt to compare; the index never lists them, and this says so to the types.
      const next = await found
        .filter((other) => isLive(other) && Math.sign(compareMessages(other, message)) === sign)
        .first();
      return isLive(next) ? next : undefined;
    },
    async all() {
      return (await messagesOf(db, chatId).toArray()).filter(isLive);
    },
  };
}
