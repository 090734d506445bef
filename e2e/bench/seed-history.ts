// Runs inside the page: writes a large history straight into the app's IndexedDB database, in the
// layout Dexie created (the app must have opened it once), as fast as IndexedDB allows.

export interface SeedOptions {
  chats: number;
  messages: number;
  /** Messages in the single long chat that the "open a long chat" figure uses. */
  longChatMessages: number;
}

/** Seeds `chats` chats with `messages` messages in all; the first chat gets `longChatMessages` of them. */
export async function seedHistory(options: SeedOptions): Promise<{ longChatTitle: string }> {
  const now = Date.now();
  let sequence = 0;
  const id = () => {
    sequence += 1;
    const hex = (now + sequence).toString(16).padStart(12, '0');
    const rest = sequence.toString(16).padStart(15, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rest.slice(0, 3)}-8${rest.slice(3, 6)}-${rest.slice(3, 15)}`;
  };
  const clock = (offset: number) => `${String(now - 1_000_000 + offset).padStart(15, '0')}-000000-seed`;
  const words = 'the quick brown fox jumps over a lazy dog while answers stream in from a model far away'.split(' ');
  const text = (n: number) => Array.from({ length: 12 + (n % 40) }, (_, i) => words[(n + i) % words.length]).join(' ');

  const open = indexedDB.open('hearth');
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const chats: Record<string, unknown>[] = [];
  for (let c = 0; c < options.chats; c++) {
    chats.push({
      id: id(),
      updatedAt: clock(c),
      deleted: false,
      title: c === 0 ? 'The long chat' : `Chat number ${c}: ${text(c).slice(0, 40)}`,
      systemPrompt: '',
      modelConfigId: null,
      params: {},
      pinned: false,
      forkedFrom: null,
      createdAt: now - 1_000_000 + c,
      lastActivityAt: c === 0 ? now : now - 1_000_000 + c,
    });
  }
  const perChat = Math.floor((options.messages - options.longChatMessages) / Math.max(1, options.chats - 1));
  const batch: Record<string, unknown>[] = [];
  const flush = async () => {
    const tx = db.transaction('messages', 'readwrite');
    const store = tx.objectStore('messages');
    for (const message of batch.splice(0)) store.put(message);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  };
  let written = 0;
  for (const [index, chat] of chats.entries()) {
    const count = index === 0 ? options.longChatMessages : perChat;
    for (let m = 0; m < count; m++) {
      const user = m % 2 === 0;
      batch.push({
        id: id(),
        updatedAt: clock(written),
        deleted: false,
        chatId: chat.id,
        role: user ? 'user' : 'assistant',
        content: user
          ? text(written)
          : `${text(written)}\n\n${text(written + 7)} **${text(written + 3).slice(0, 20)}**`,
        reasoning: '',
        status: 'done',
        error: null,
        model: user ? null : 'bench-model',
        usage: null,
        createdAt: (chat.createdAt as number) + m,
        feedback: null,
        connection: null,
      });
      written += 1;
      if (batch.length >= 5_000) await flush();
    }
  }
  await flush();
  const tx = db.transaction('chats', 'readwrite');
  for (const chat of chats) tx.objectStore('chats').put(chat);
  await new Promise((resolve) => {
    tx.oncomplete = resolve;
  });
  db.close();
  return { longChatTitle: 'The long chat' };
}
