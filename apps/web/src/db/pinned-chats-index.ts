import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';

const chatsTable = 'chats';
export const pinnedChatsTable = 'pinnedChats';

/** One pinned chat; the row is the whole entry (device-local, never synced). */
export interface PinnedChatEntry {
  id: string;
}

/**
 * Keeps `pinnedChats`, the ids of the live pinned chats, in the same transaction as every write of a
 * chat, whoever makes it (the app, the sync engine, an import). The chat list reads the pinned chats and
 * a window of the newest ones instead of every chat: reading thousands of chats after each change kept
 * IndexedDB busy for tens of milliseconds, and every write behind it waited (a sync push among them).
 * IndexedDB cannot index a boolean, so this small table is the index of `pinned`.
 */
export const pinnedChatsIndex: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'pinnedChats',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const writesChats = mode === 'readwrite' && stores.includes(chatsTable);
        const scope = writesChats && !stores.includes(pinnedChatsTable) ? [...stores, pinnedChatsTable] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== chatsTable) return table;
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const response = await table.mutate(request);
            // Upgrades of versions older than the table run without it; the version that adds it fills it.
            if (hasPinnedChats(request.trans)) await followChats(down, request);
            return response;
          },
        };
      },
    };
  },
};

async function followChats(down: DBCore, request: DBCoreMutateRequest): Promise<void> {
  const pins = down.table(pinnedChatsTable);
  const { trans } = request;
  switch (request.type) {
    case 'add':
    case 'put': {
      const chats = request.values as { id?: unknown; pinned?: unknown; deleted?: unknown }[];
      const pinned = chats.filter(isPinned).map((chat): PinnedChatEntry => ({ id: String(chat.id) }));
      const others = chats.filter((chat) => !isPinned(chat) && typeof chat.id === 'string').map((chat) => chat.id);
      if (pinned.length > 0) await pins.mutate({ type: 'put', trans, values: pinned });
      if (others.length > 0) await pins.mutate({ type: 'delete', trans, keys: others });
      return;
    }
    case 'delete':
      await pins.mutate({ type: 'delete', trans, keys: request.keys });
      return;
    case 'deleteRange':
      await pins.mutate({ type: 'deleteRange', trans, range: request.range });
      return;
  }
}

/** A live chat the person pinned (a tombstone has no `pinned`). */
export function isPinned(chat: { id?: unknown; pinned?: unknown; deleted?: unknown }): boolean {
  return chat.pinned === true && chat.deleted === false && typeof chat.id === 'string';
}

function hasPinnedChats(transaction: DBCoreTransaction): boolean {
  // Dexie's core transaction is the IndexedDB transaction itself.
  const names = (transaction as unknown as Partial<IDBTransaction>).objectStoreNames;
  return names?.contains(pinnedChatsTable) ?? false;
}
