import type { SnippetPart } from '@hearth/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { openSearchResult } from '../../search/open-search-result.ts';
import { unindexedCount } from '../../search/search-index-writer.ts';
import { type MessageSearchResult, searchMessagesAsFound } from '../../search/search-messages.ts';
import { chatListStrings } from './chat-list-strings.ts';

/** How many message results a search shows. */
const resultLimit = 30;

type Found = { query: string; results: MessageSearchResult[] } | { query: string; failed: true };

/**
 * The messages that match a search, newest first: each a button named by its chat's title and its
 * excerpt, the matching words marked, that opens the chat at that message.
 */
export function MessageSearchResults({ query }: { query: string }) {
  const s = useStrings(chatListStrings);
  const headingId = useId();
  const [found, setFound] = useState<Found | undefined>();
  const waiting = useLiveQuery(() => unindexedCount(appStorage().db), [], 0);
  const caughtUp = waiting === 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: searched again when the index catches up, so messages indexed meanwhile show
  useEffect(() => {
    let current = true;
    // The first results show as soon as they are found; the list grows as more are.
    void (async () => {
      try {
        for await (const results of searchMessagesAsFound(appStorage().db, query, resultLimit)) {
          if (!current) return;
          setFound({ query, results });
        }
      } catch {
        if (current) setFound({ query, failed: true });
      }
    })();
    return () => {
      current = false;
    };
  }, [query, caughtUp]);

  const shown = found?.query === query ? found : undefined;
  return (
    <section className="message-results" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        {s.inMessages}
      </h2>
      {shown && 'results' in shown && shown.results.length > 0 && (
        <ul aria-labelledby={headingId}>
          {shown.results.map((result) => (
            <li key={result.messageId}>
              <button
                type="button"
                className="message-result"
                onClick={() => void openSearchResult(appStorage(), result).catch(() => undefined)}
              >
                <span className="message-result-chat">{result.chatTitle || s.untitled}</span>
                <span className="message-result-snippet">{snippetParts(result.snippet)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && 'results' in shown && shown.results.length === 0 && (
        <p className="sidebar-note">{s.noMessageMatches}</p>
      )}
      {shown && 'failed' in shown && (
        <p className="sidebar-note" role="alert">
          {s.searchFailed}
        </p>
      )}
      {waiting > 0 && <p className="sidebar-note">{s.indexing(waiting)}</p>}
    </section>
  );
}

function snippetParts(parts: readonly SnippetPart[]) {
  // Parts never move, so their place is a stable key.
  const keyed = parts.map((part, place) => ({ ...part, key: String(place) }));
  return keyed.map((part) =>
    part.marked ? <mark key={part.key}>{part.text}</mark> : <span key={part.key}>{part.text}</span>,
  );
}
