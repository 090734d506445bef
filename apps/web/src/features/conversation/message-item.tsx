import { type BranchVersions, isAnswerInFlight } from '@hearth/core';
import type { Message } from '@hearth/schema';
import { memo, Suspense } from 'react';
import { forkFromMessage, regenerateAnswer } from '../../actions/conversation-actions.ts';
import { cancelQueuedQuestion } from '../../actions/send-queue.ts';
import { useShownMessage } from '../../actions/use-answer-view.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { setEditingMessage, useUiStore } from '../../state/ui-store.ts';
import { LazyMessageAttachments } from '../attachments/lazy-attachments.tsx';
import { LazyMarkdown } from '../markdown/lazy-markdown.tsx';
import { AnswerFeedback } from './answer-feedback.tsx';
import { completionErrorText } from './completion-error-text.ts';
import { conversationStrings } from './conversation-strings.ts';
import { CopyButton } from './copy-button.tsx';
import { DeleteMessageButton } from './delete-message-button.tsx';
import { MessageEditForm } from './message-edit-form.tsx';
import { VersionSwitcher } from './version-switcher.tsx';

interface MessageItemProps {
  message: Message;
  /** Where it stands among its versions; a switcher shows when there are several. */
  versions: BranchVersions;
  /** Some answer in this chat is streaming: asking again must wait. */
  chatBusy: boolean;
}

/** One message: its text (markdown for answers), reasoning, usage, errors, versions and actions. */
export const MessageItem = memo(function MessageItem({ message: stored, versions, chatBusy }: MessageItemProps) {
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
        <VersionSwitcher chatId={message.chatId} versions={versions} />
      </header>

      {message.reasoning && (
        <details className="reasoning">
          <summary>{message.status === 'streaming' && !message.content ? s.thinking : s.reasoning}</summary>
          <div className="reasoning-text">{message.reasoning}</div>
        </details>
      )}

      {!editing && message.attachments && message.attachments.length > 0 && (
        <Suspense fallback={null}>
          <LazyMessageAttachments attachments={message.attachments} />
        </Suspense>
      )}

      {editing ? (
        <MessageEditForm messageId={message.id} initial={message.content} attachments={message.attachments ?? []} />
      ) : isUser ? (
        <div className="message-text plain">{message.content}</div>
      ) : message.content ? (
        <div className="message-text">
          <LazyMarkdown text={message.content} streaming={inFlight} />
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
          <MessageActions message={message} chatBusy={chatBusy} />
        </footer>
      )}
    </article>
  );
}, sameMessageProps);

/** The actions under a finished message, in the order shown: the one place where they are listed. */
function MessageActions({ message, chatBusy }: { message: Message; chatBusy: boolean }) {
  const s = useStrings(conversationStrings);
  const isUser = message.role === 'user';
  const queued = message.status === 'queued';
  return (
    <>
      <CopyButton text={message.content} label={s.copy} doneLabel={s.copied} />
      {!isUser && message.status !== 'error' && <AnswerFeedback message={message} />}
      {queued && <ActionButton label={s.cancelQueued} run={() => cancelQueuedQuestion(appStorage(), message.id)} />}
      {isUser && !queued && !chatBusy && <ActionButton label={s.edit} run={() => setEditingMessage(message.id)} />}
      {/* Any answer can be asked again: the new version goes beside it, nothing is lost. */}
      {!isUser && !chatBusy && message.status !== 'error' && (
        <ActionButton label={s.regenerate} run={() => regenerateAnswer(appStorage(), message.id)} />
      )}
      {!queued && <ActionButton label={s.forkHere} run={() => forkFromMessage(appStorage(), message.id)} />}
      <DeleteMessageButton messageId={message.id} />
    </>
  );
}

// Each action writes in one transaction, so one that fails leaves the conversation as it was.
function ActionButton({ label, run }: { label: string; run: () => unknown }) {
  return (
    <button type="button" className="message-action" onClick={() => void Promise.resolve(run()).catch(() => undefined)}>
      {label}
    </button>
  );
}

// Records read from Dexie are new objects on every query; a message only needs to re-render when its
// record changed (a new clock value), its versions did, or the chat became busy or idle.
function sameMessageProps(before: MessageItemProps, after: MessageItemProps): boolean {
  const [a, b] = [before.versions, after.versions];
  return (
    before.message.id === after.message.id &&
    before.message.updatedAt === after.message.updatedAt &&
    a.index === b.index &&
    a.count === b.count &&
    a.previousId === b.previousId &&
    a.nextId === b.nextId &&
    before.chatBusy === after.chatBusy
  );
}
