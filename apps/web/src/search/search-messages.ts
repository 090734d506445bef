import {
  type IndexLookup,
  parseSearchQuery,
  type SearchQuery,
  type SnippetPart,
  searchSnippet,
  textMatches,
} from '@hearth/core';
import type { AppDatabase, SearchEntry } from '../db/app-database.ts';
import { isLive } from '../db/record-versions.ts';

/** One message that matches a search, with the excerpt to show. */
export interface MessageSearchResult {
  messageId: string;
  chatId: string;
  chatTitle: string;
  role: 'user' | 'assistant';
  createdAt: number;
  snippet: SnippetPart[];
}

// Candidates are checked a batch at a time, newest first, until enough results are found.
const batchSize = 100;

// How many of the newest entries a search reads first, checking their terms itself (see below).
const newestWindow = 400;

/**
 * The newest messages matching `text` (at most `limit`), newest first. A frequent word (one message in
 * ten or more) finds its results among the newest entries at once: those are read first and checked in
 * memory, which costs the same whatever the word. Otherwise the index gives the candidates of the rarest
 * term (few, since the word is not frequent), each checked against the other terms. Either way the text
 * confirms each match and places the highlights; messages of deleted chats, or gone since they were
 * indexed, are left out.
 */
export async function searchMessages(db: AppDatabase, text: string, limit: number): Promise<MessageSearchResult[]> {
  let last: MessageSearchResult[] = [];
  for await (const results of searchMessagesAsFound(db, text, limit)) last = results;
  return last;
}

/**
 * `searchMessages` as it goes: yields the results found so far, newest first, each time there are more,
 * so the first ones show before a rarer word's candidates are all checked. Every list yielded begins
 * with the one before it; the last is the answer.
 */
export async function* searchMessagesAsFound(
  db: AppDatabase,
  text: string,
  limit: number,
): AsyncGenerator<MessageSearchResult[]> {
  const query = parseSearchQuery(text);
  if (query.lookups.length === 0) {
    yield [];
    return;
  }
  const matchesAll = (entry: SearchEntry) => query.lookups.every((lookup) => hasTerm(entry, lookup));
  const window = await db.searchEntries.reverse().limit(newestWindow).toArray();
  const fromNewest = await confirmed(db, query, window.filter(matchesAll), limit);
  let shown = fromNewest.length;
  if (shown > 0) yield fromNewest;
  // Enough among the newest, or the whole index read already.
  if (shown >= limit || window.length < newestWindow) {
    if (shown === 0) yield [];
    return;
  }

  const ranges = query.lookups.map((lookup) =>
    lookup.prefix
      ? db.searchEntries.where('terms').startsWith(lookup.term)
      : db.searchEntries.where('terms').equals(lookup.term),
  );
  const counts = ranges.length === 1 ? [0] : await Promise.all(ranges.map((range) => range.count()));
  const rarest = counts.indexOf(Math.min(...counts));
  const keys = [...new Set((await ranges[rarest]?.primaryKeys()) as string[])].sort().reverse();
  const results: MessageSearchResult[] = [];
  for (let from = 0; from < keys.length && results.length < limit; from += batchSize) {
    const entries = (await db.searchEntries.bulkGet(keys.slice(from, from + batchSize))).filter(
      (entry): entry is SearchEntry => entry !== undefined && matchesAll(entry),
    );
    results.push(...(await confirmed(db, query, entries, limit - results.length)));
    // The newest entries' results come first here too: shown already until these go past them.
    if (results.length > shown) {
      shown = results.length;
      yield [...results];
    }
  }
  if (shown === 0) yield [];
}

/** The results among these entries whose message is live, in a live chat, and holds the query's text. */
async function confirmed(
  db: AppDatabase,
  query: SearchQuery,
  entries: readonly SearchEntry[],
  limit: number,
): Promise<MessageSearchResult[]> {
  const results: MessageSearchResult[] = [];
  const messages = (await db.messages.bulkGet(entries.map((entry) => entry.messageId))).filter(isLive);
  const chats = await db.chats.bulkGet([...new Set(messages.map((message) => message.chatId))]);
  const titles = new Map(chats.filter(isLive).map((chat) => [chat.id, chat.title]));
  for (const message of messages) {
    if (results.length === limit) break;
    const title = titles.get(message.chatId);
    if (title === undefined || message.role === 'system') continue;
    const matches = textMatches(message.content, query);
    if (matches === undefined) continue;
    results.push({
      messageId: message.id,
      chatId: message.chatId,
      chatTitle: title,
      role: message.role,
      createdAt: message.createdAt,
      snippet: searchSnippet(message.content, matches),
    });
  }
  return results;
}

function hasTerm(entry: SearchEntry, lookup: IndexLookup): boolean {
  return entry.terms.some((term) => (lookup.prefix ? term.startsWith(lookup.term) : term === lookup.term));
}
