import { type FormEvent, type KeyboardEvent, Suspense, useState } from 'react';
import { stopAnswer } from '../../actions/answer-sessions.ts';
import { sendQuestion } from '../../actions/conversation-actions.ts';
import { toUserFacingError, type UserFacingErrorCode } from '../../actions/user-facing-error.ts';
import { appStorage } from '../../app/app-storage.ts';
import { pendingAttachmentsOf, usePendingAttachments } from '../../attachments/pending-attachments.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { setDraft, setSettingsOpen, useUiStore } from '../../state/ui-store.ts';
import { AttachButtons } from '../attachments/attach-buttons.tsx';
import { LazyComposerAttachments } from '../attachments/lazy-attachments.tsx';
import { pasteFiles } from '../attachments/paste-files.ts';
import { conversationStrings } from './conversation-strings.ts';
import { cancelScrollToLatest, requestScrollToLatest } from './scroll-memory.ts';

/** Where the person writes: Enter sends, Shift+Enter breaks the line, Stop ends a streaming answer. */
export function Composer({ chatId, streamingAnswerId }: { chatId: string | null; streamingAnswerId: string | null }) {
  const s = useStrings(conversationStrings);
  const draft = useUiStore((state) => state.drafts[chatId ?? ''] ?? '');
  const [problem, setProblem] = useState<UserFacingErrorCode | null>(null);
  const [sending, setSending] = useState(false);
  const hasFiles = usePendingAttachments((state) => (state.byChat[chatId ?? '']?.length ?? 0) > 0);
  const hasProblems = usePendingAttachments((state) => (state.problems[chatId ?? '']?.length ?? 0) > 0);
  const sendable = draft.trim().length > 0 || hasFiles;

  const submit = async () => {
    if (sending || streamingAnswerId || !sendable) return;
    setSending(true);
    // The person's message must show wherever they had scrolled to.
    if (chatId) requestScrollToLatest(chatId);
    try {
      await sendQuestion(appStorage(), { chatId, content: draft, attachments: pendingAttachmentsOf(chatId) });
      setProblem(null);
    } catch (error) {
      if (chatId) cancelScrollToLatest(chatId);
      // The draft and its files stay in the composer: nothing typed or attached is lost when sending fails.
      setProblem(toUserFacingError(error).code);
    } finally {
      setSending(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter confirms a character in Chinese/Japanese input methods and must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const problemTexts: Record<UserFacingErrorCode, string> = {
    no_model: s.noModel,
    too_long: s.tooLong,
    storage_full: s.storageFull,
    storage_failed: s.storageFailed,
  };
  const problemText = problemTexts[problem ?? 'storage_failed'];

  return (
    <form className="composer" onSubmit={onSubmit}>
      {problem && (
        <p className="composer-problem" role="alert">
          {problemText}{' '}
          {problem === 'no_model' && (
            <button type="button" className="link-button" onClick={() => setSettingsOpen(true)}>
              {s.openSettings}
            </button>
          )}
        </p>
      )}
      {(hasFiles || hasProblems) && (
        <Suspense fallback={null}>
          <LazyComposerAttachments chatId={chatId} />
        </Suspense>
      )}
      <div className="composer-row">
        <AttachButtons chatId={chatId} disabled={sending} />
        <textarea
          aria-label={s.message}
          placeholder={s.messagePlaceholder}
          value={draft}
          rows={1}
          onChange={(event) => setDraft(chatId, event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={(event) => pasteFiles(event, chatId)}
        />
        {streamingAnswerId ? (
          <button type="button" className="button stop" onClick={() => stopAnswer(streamingAnswerId)}>
            {s.stop}
          </button>
        ) : (
          <button type="submit" className="button primary" disabled={sending || !sendable}>
            {s.send}
          </button>
        )}
      </div>
    </form>
  );
}
