import { lazy, Suspense, useCallback, useState } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import { chatActionsStrings } from './chat-actions-strings.ts';

// Both load on first use: the first page carries only these two buttons and their labels.
const PrintView = lazy(() => import('./print-view.tsx').then((module) => ({ default: module.PrintView })));
const downloadMarkdown = (chatId: string) =>
  import('./download-chat-markdown.ts').then(({ downloadChatMarkdown }) => downloadChatMarkdown(chatId));

/** The open chat's Export as Markdown and Print, in its header. */
export function ChatArchiveActions({ chatId }: { chatId: string }) {
  const s = useStrings(chatActionsStrings);
  const [printing, setPrinting] = useState(false);
  const closePrint = useCallback(() => setPrinting(false), []);
  return (
    <>
      <button type="button" className="button" onClick={() => void downloadMarkdown(chatId).catch(() => undefined)}>
        {s.exportMarkdown}
      </button>
      <button type="button" className="button" onClick={() => setPrinting(true)}>
        {s.print}
      </button>
      {printing && (
        <Suspense fallback={null}>
          <PrintView chatId={chatId} onClose={closePrint} />
        </Suspense>
      )}
    </>
  );
}
