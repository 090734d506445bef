import { attachmentKind } from '@hearth/core';
import type { Attachment } from '@hearth/schema';
import { attachmentStrings, fileSizeText } from '../../attachments/attachment-strings.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { AttachmentThumbnail } from './attachment-thumbnail.tsx';

/** Files about to be sent (in the composer, or kept by an edit), each with a button that takes it out. */
export function PendingAttachmentList({
  attachments,
  onRemove,
}: {
  attachments: readonly Attachment[];
  onRemove: (hash: string) => void;
}) {
  const s = useStrings(attachmentStrings);
  if (attachments.length === 0) return null;
  return (
    <ul className="pending-attachments" aria-label={s.pendingFiles}>
      {attachments.map((attachment) => (
        <li key={attachment.hash} className="attachment-chip">
          {attachmentKind(attachment) === 'image' && <AttachmentThumbnail attachment={attachment} />}
          <span className="attachment-name">{attachment.name}</span>
          <span className="attachment-size">{fileSizeText(attachment.size)}</span>
          <button
            type="button"
            className="attachment-remove"
            aria-label={s.remove(attachment.name)}
            title={s.remove(attachment.name)}
            onClick={() => onRemove(attachment.hash)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
