import type { Attachment } from '@hearth/schema';
import { useEffect, useId, useRef } from 'react';
import { attachmentStrings } from '../../attachments/attachment-strings.ts';
import { useAttachmentBlob } from '../../attachments/use-attachment-blob.ts';
import { useStrings } from '../../i18n/use-strings.ts';

/** An image at full size in a modal dialog named by the file; Escape, Close or a click beside it closes. */
export function ImageViewer({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const s = useStrings(attachmentStrings);
  const blob = useAttachmentBlob(attachment);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes it (the dialog's cancel); the click is the backdrop's
    <dialog
      ref={dialog}
      className="dialog image-viewer"
      aria-labelledby={titleId}
      onCancel={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
    >
      <div className="image-viewer-bar">
        <h2 id={titleId}>{attachment.name}</h2>
        {/* biome-ignore lint/a11y/noAutofocus: the dialog's one control, so Escape and Enter work at once */}
        <button type="button" className="button" onClick={onClose} autoFocus>
          {s.close}
        </button>
      </div>
      {blob.status === 'ready' ? (
        <img className="image-viewer-image" src={blob.url} alt={attachment.name} />
      ) : (
        <p>{blob.status === 'loading' ? s.loading : s.unavailable[blob.reason]}</p>
      )}
    </dialog>
  );
}
