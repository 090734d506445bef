import type { Attachment } from '@hearth/schema';
import { type FormEvent, Suspense, useState } from 'react';
import { resendEdited } from '../../actions/conversation-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { setEditingMessage } from '../../state/ui-store.ts';
import { LazyPendingAttachmentList } from '../attachments/lazy-attachments.tsx';
import { conversationStrings } from './conversation-strings.ts';

/**
 * Edits a question in place; saving sends it as a new version, the old one kept one switch away. The
 * question's files come along and each can be taken out of the new version.
 */
export function MessageEditForm({
  messageId,
  initial,
  attachments: initialFiles,
}: {
  messageId: string;
  initial: string;
  attachments: readonly Attachment[];
}) {
  const s = useStrings(conversationStrings);
  const [text, setText] = useState(initial);
  const [files, setFiles] = useState(initialFiles);
  const [failed, setFailed] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    resendEdited(appStorage(), { questionId: messageId, content: text, attachments: files }).catch(() =>
      setFailed(true),
    );
  };
  return (
    <form className="message-edit" onSubmit={onSubmit}>
      {files.length > 0 && (
        <Suspense fallback={null}>
          <LazyPendingAttachmentList
            attachments={files}
            onRemove={(hash) => setFiles((kept) => kept.filter((file) => file.hash !== hash))}
          />
        </Suspense>
      )}
      <textarea aria-label={s.edit} value={text} onChange={(event) => setText(event.target.value)} />
      {failed && <p role="alert">{s.storageFailed}</p>}
      <div className="message-edit-actions">
        <button type="submit" className="button primary" disabled={!text.trim() && files.length === 0}>
          {s.saveAndSend}
        </button>
        <button type="button" className="button" onClick={() => setEditingMessage(null)}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
