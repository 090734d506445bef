import { attachmentStrings } from '../../attachments/attachment-strings.ts';
import {
  removePendingAttachment,
  setAttachProblems,
  usePendingAttachments,
} from '../../attachments/pending-attachments.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import './attachments.css';
import { PendingAttachmentList } from './pending-attachment-list.tsx';

const none: never[] = [];

/** Above the composer's text: why files were not attached (if so), and the files waiting to be sent. */
export function ComposerAttachments({ chatId }: { chatId: string | null }) {
  const s = useStrings(attachmentStrings);
  const pending = usePendingAttachments((state) => state.byChat[chatId ?? ''] ?? none);
  const problems = usePendingAttachments((state) => state.problems[chatId ?? ''] ?? none);
  return (
    <>
      {problems.length > 0 && (
        <div className="composer-problem attach-problems" role="alert">
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.code}:${problem.name}`}>{s.problem(problem)}</li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setAttachProblems(chatId, [])}>
            {s.dismiss}
          </button>
        </div>
      )}
      <PendingAttachmentList attachments={pending} onRemove={(hash) => removePendingAttachment(chatId, hash)} />
    </>
  );
}
