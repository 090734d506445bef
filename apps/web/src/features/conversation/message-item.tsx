import { isAnswerInFlight } from '@hearth/core';
import type { Message } from '@hearth/schema';
import { memo } from 'react';
import { regenerateAnswer, removeMessage } from '../../actions/conversation-actions.ts';
import { cancelQueuedQuestion } from '../../actions/send-queue.ts';
import { useShownMessage } from '../../actions/use-answer-view.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { setEditingMessage, useUiStore } from '../../state/ui-store.ts';
import { LazyMarkdown } from '../markdown/lazy-markdown.tsx';
import { AnswerFeedback } from './answer-feedback.tsx';
import { completionErrorText } from './completion-error-text.ts';
import { conversationStrings } from './conversation-strings.ts';
import { CopyButton } from './copy-button.tsx';
import { MessageEditForm } from './message-edit-form.tsx';

interface MessageItemProps {
  message: Message;
  /** The newest answer of the chat: the one Regenerate replaces. */
  isLastAnswer: boolean;
  /** Some answer in this chat is streaming: asking again must wait. */
  chatBusy: boolean;
}

/** One message: its text (markdown for answers), reasoning, usage, errors and actions. */
export const MessageItem = memo(function MessageItem({ message: stored, isLastAnswer, chatBusy }: MessageItemProps) {
  const s = useStrings(conversationStrings);
  const message = useShownMessage(stored);
  const editing = useUiStore((state) => state.editingMessageId === stored.id);
  const isUser = message.role === 'user';
  const inFlight = isAnswerInFlight(message.status);
  const retry = () => void regenerateAnswer(appStorage(), message.id).catch(() => undefined);
  const errorText = message.error ? completionErrorText(message.error, s) : undefined;

  return (
    <article className={`message ${message.role}`} aria-label={isUser ? s.you : s.assistant} aria-busy={inFlight}>
      <header className="message-meta">
        <span className="message-author">{isUser ? s.you : s.assistant}</span>
        {!isUser && message.model && <span className="message-model">{message.model}</span>}
        {message.status === 'queued' && <span className="badge">{s.queued}</span>}
        {message.status === 'stopped' && <span className="badge">{s.stopped}</span>}
        {message.status === 'error' && <span className="badge danger">{s.failed}</span>}
      </header>

      {message.reasoning && (
        <details className="reasoning">
          <summary>{message.status === 'streaming' && !message.content ? s.thinking : s.reasoning}</summary>
          <div className="reasoning-text">{message.reasoning}</div>
        </details>
      )}

      {editing ? (
        <MessageEditForm messageId={message.id} initial={message.content} />
      ) : isUser ? (
        <div className="message-text plain">{message.content}</div>
      ) : message.content ? (
        <div className="message-text">
          <LazyMarkdown text={message.content} />
        </div>
      ) : (
        inFlight && !message.reasoning && <p className="message-waiting">{s.waiting}</p>
      )}

      {/* An error shows even while text arrives: a write the browser refused is said at once. */}
      {errorText && (
        <div className="message-error">
          <p>
            <strong>{errorText.title}:</strong> {errorText.detail}
          </p>
          {message.status === 'error' && !chatBusy && (
            <button type="button" className="button" onClick={retry}>
              {s.retry}
            </button>
          )}
        </div>
      )}

      {!inFlight && !editing && (
        <footer className="message-actions">
          {message.usage && (
            <span className="message-usage">
              {s.tokens(message.usage.promptTokens, message.usage.completionTokens)}
            </span>
          )}
          {!isUser && message.connection && <span className="message-usage">{s.via(message.connection)}</span>}
          <CopyButton text={message.content} label={s.copy} doneLabel={s.copied} />
          {!isUser && message.status !== 'error' && <AnswerFeedback message={message} />}
          {message.status === 'queued' && (
            <button
              type="button"
              className="message-action"
              onClick={() => void cancelQueuedQuestion(appStorage(), message.id).catch(() => undefined)}
            >
              {s.cancelQueued}
            </button>
          )}
          {isUser && !chatBusy && message.status !== 'queued' && (
            <button type="button" className="message-action" onClick={() => setEditingMessage(message.id)}>
              {s.edit}
            </button>
          )}
          {!isUser && isLastAnswer && !chatBusy && message.status !== 'error' && (
            <button type="button" className="message-action" onClick={retry}>
              {s.regenerate}
            </button>
          )}
          <button
            type="button"
            className="message-action"
            onClick={() => void removeMessage(appStorage(), message.id).catch(() => undefined)}
          >
            {s.delete}
          </button>
        </footer>
      )}
    </article>
  );
}, sameMessageProps);

// Records read from Dexie are new objects on every query; a message only needs to re-render when its
// record changed (a new clock value) or its position in the chat did.
function sameMessageProps(before: MessageItemProps, after: MessageItemProps): boolean {
  return (
    before.message.id === after.message.id &&
    before.message.updatedAt === after.message.updatedAt &&
    before.isLastAnswer === after.isLastAnswer &&
    before.chatBusy === after.chatBusy
  );
}
