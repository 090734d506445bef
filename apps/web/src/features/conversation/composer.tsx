import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { stopAnswer } from '../../actions/answer-sessions.ts';
import { sendQuestion } from '../../actions/conversation-actions.ts';
import { toUserFacingError, type UserFacingErrorCode } from '../../actions/user-facing-error.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { setDraft, setSettingsOpen, useUiStore } from '../../state/ui-store.ts';
import { conversationStrings } from './conversation-strings.ts';
import { cancelScrollToLatest, requestScrollToLatest } from './scroll-memory.ts';

/** Where the person writes: Enter sends, Shift+Enter breaks the line, Stop ends a streaming answer. */
export function Composer({ chatId, streamingAnswerId }: { chatId: string | null; streamingAnswerId: string | null }) {
  const s = useStrings(conversationStrings);
  const draft = useUiStore((state) => state.drafts[chatId ?? ''] ?? '');
  const [problem, setProblem] = useState<UserFacingErrorCode | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    if (sending || streamingAnswerId || !draft.trim()) return;
    setSending(true);
    // The person's message must show wherever they had scrolled to.
    if (chatId) requestScrollToLatest(chatId);
    try {
      await sendQuestion(appStorage(), { chatId, content: draft });
      setProblem(null);
    } catch (error) {
      if (chatId) cancelScrollToLatest(chatId);
      // The draft stays in the composer: nothing typed is lost when sending fails.
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

  const problemText = problem === 'no_model' ? s.noModel : problem === 'storage_full' ? s.storageFull : s.storageFailed;

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
      <div className="composer-row">
        <textarea
          aria-label={s.message}
          placeholder={s.messagePlaceholder}
          value={draft}
          rows={1}
          onChange={(event) => setDraft(chatId, event.target.value)}
          onKeyDown={onKeyDown}
        />
        {streamingAnswerId ? (
          <button type="button" className="button stop" onClick={() => stopAnswer(streamingAnswerId)}>
            {s.stop}
          </button>
        ) : (
          <button type="submit" className="button primary" disabled={sending || !draft.trim()}>
            {s.send}
          </button>
        )}
      </div>
    </form>
  );
}
