import { type IndexLookup, parseSearchQuery, type SnippetPart, searchSnippet, textMatches } from '@hearth/core';
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

/**
 * The newest messages matching `text` (at most `limit`), newest first. The index gives the candidates of
 * the rarest term, each candidate's terms are checked against the other terms, then its text confirms the
 * match and places the highlights; messages of deleted chats, or gone since they were indexed, are left out.
 */
export async function searchMessages(db: AppDatabase, text: string, limit: number): Promise<MessageSearchResult[]> {
  const query = parseSearchQuery(text);
  if (query.lookups.length === 0) return [];
  const ranges = query.lookups.map((lookup) =>
    lookup.prefix
      ? db.searchEntries.where('terms').startsWith(lookup.term)
      : db.searchEntries.where('terms').equals(lookup.term),
  );
  const counts = await Promise.all(ranges.map((range) => range.count()));
  const rarest = counts.indexOf(Math.min(...counts));
  const keys = [...new Set((await ranges[rarest]?.primaryKeys()) as string[])].sort().reverse();
  const others = query.lookups.filter((_, at) => at !== rarest);

  const results: MessageSearchResult[] = [];
  for (let from = 0; from < keys.length && results.length < limit; from += batchSize) {
    const entries = (await db.searchEntries.bulkGet(keys.slice(from, from + batchSize))).filter(
      (entry): entry is SearchEntry => entry !== undefined && others.every((lookup) => hasTerm(entry, lookup)),
    );
    const messages = await db.messages.bulkGet(entries.map((entry) => entry.messageId));
    const live = messages.filter(isLive);
    const chats = await db.chats.bulkGet([...new Set(live.map((message) => message.chatId))]);
    const titles = new Map(chats.filter(isLive).map((chat) => [chat.id, chat.title]));
    for (const message of live) {
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
      if (results.length === limit) break;
    }
  }
  return results;
}

function hasTerm(entry: SearchEntry, lookup: IndexLookup): boolean {
  return entry.terms.some((term) => (lookup.prefix ? term.startsWith(lookup.term) : term === lookup.term));
}
