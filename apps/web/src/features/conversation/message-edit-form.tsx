import { type FormEvent, useState } from 'react';
import { resendEdited } from '../../actions/conversation-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { setEditingMessage } from '../../state/ui-store.ts';
import { conversationStrings } from './conversation-strings.ts';

/** Edits a question in place; saving sends it as a new version, the old one kept one switch away. */
export function MessageEditForm({ messageId, initial }: { messageId: string; initial: string }) {
  const s = useStrings(conversationStrings);
  const [text, setText] = useState(initial);
  const [failed, setFailed] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    resendEdited(appStorage(), { questionId: messageId, content: text }).catch(() => setFailed(true));
  };
  return (
    <form className="message-edit" onSubmit={onSubmit}>
      <textarea aria-label={s.edit} value={text} onChange={(event) => setText(event.target.value)} />
      {failed && <p role="alert">{s.storageFailed}</p>}
      <div className="message-edit-actions">
        <button type="submit" className="button primary" disabled={!text.trim()}>
          {s.saveAndSend}
        </button>
        <button type="button" className="button" onClick={() => setEditingMessage(null)}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
