import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { appStorage } from '../../app/app-storage.ts';
import { shownConversation } from '../../archive/shown-conversation.ts';
import { getChat } from '../../db/chats-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { LazyMarkdown } from '../markdown/lazy-markdown.tsx';
import { archiveStrings } from './archive-strings.ts';
import './print-view.css';

/** Waits until the markdown renderer is loaded and what it rendered is on screen. */
async function renderedForPrint(): Promise<void> {
  await import('../markdown/markdown-view.tsx').catch(() => undefined);
  // Lazy components settle on a later task, and deferred long texts a frame or two after that.
  for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * One chat as a clean printable page: only the branch it shows, without the app around it. It opens over
 * the app, asks the browser to print once the conversation is rendered, and stays open to print again.
 */
export function PrintView({ chatId, onClose }: { chatId: string; onClose: () => void }) {
  const s = useStrings(archiveStrings);
  const { db } = appStorage();
  const data = useLiveQuery(
    async () => ({ chat: await getChat(db, chatId), messages: await shownConversation(db, chatId) }),
    [chatId],
  );
  const close = useRef<HTMLButtonElement>(null);
  const printed = useRef(false);

  useEffect(() => {
    document.body.classList.add('printing');
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('printing');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  useEffect(() => {
    if (!data || printed.current) return;
    printed.current = true;
    void renderedForPrint().then(() => window.print());
  }, [data]);

  const labels = s.markdown;
  return createPortal(
    <section className="print-view" aria-label={s.printView}>
      <div className="print-actions">
        <button type="button" className="button primary" onClick={() => window.print()}>
          {s.printAgain}
        </button>
        <button type="button" className="button" ref={close} onClick={onClose}>
          {s.closePrint}
        </button>
      </div>
      {data?.chat && (
        <article className="print-document" aria-label={data.chat.title || labels.untitled}>
          <h1>{data.chat.title || labels.untitled}</h1>
          {data.chat.systemPrompt.trim() && (
            <p className="print-system-prompt">
              <strong>{labels.systemPrompt}:</strong> {data.chat.systemPrompt}
            </p>
          )}
          {data.messages.map((message) => (
            <section key={message.id} className="print-message" aria-label={labels.roles[message.role]}>
              <h2>
                {labels.roles[message.role]}
                {message.role === 'assistant' && message.model ? ` · ${message.model}` : ''}
              </h2>
              {message.reasoning.trim() && (
                <details>
                  <summary>{labels.reasoning}</summary>
                  <div className="plain">{message.reasoning}</div>
                </details>
              )}
              {message.role === 'user' ? (
                <div className="plain">{message.content}</div>
              ) : (
                <LazyMarkdown text={message.content} />
              )}
              {message.status === 'stopped' && <p className="muted">{labels.stopped}</p>}
              {message.status === 'error' && (
                <p className="muted">
                  {labels.failed}
                  {message.error?.message ? `: ${message.error.message}` : ''}
                </p>
              )}
            </section>
          ))}
        </article>
      )}
    </section>,
    document.body,
  );
}
