import { attachmentKind } from '@hearth/core';
import type { Attachment } from '@hearth/schema';
import { useState } from 'react';
import { attachmentStrings, fileSizeText } from '../../attachments/attachment-strings.ts';
import { useAttachmentBlob } from '../../attachments/use-attachment-blob.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { AttachmentThumbnail } from './attachment-thumbnail.tsx';
import { ImageViewer } from './image-viewer.tsx';

/** The files of a sent message: images as thumbnails that open full size, other files as chips to download. */
export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] }) {
  const s = useStrings(attachmentStrings);
  const [open, setOpen] = useState<Attachment | null>(null);
  return (
    <>
      <ul className="message-attachments" aria-label={s.attachedFiles}>
        {attachments.map((attachment) => (
          <li key={attachment.hash}>
            {attachmentKind(attachment) === 'image' ? (
              <button
                type="button"
                className="attachment-open"
                aria-label={s.open(attachment.name)}
                onClick={() => setOpen(attachment)}
              >
                <AttachmentThumbnail attachment={attachment} />
              </button>
            ) : (
              <FileChip attachment={attachment} />
            )}
          </li>
        ))}
      </ul>
      {open && <ImageViewer attachment={open} onClose={() => setOpen(null)} />}
    </>
  );
}

// A file that is not an image: its name and size, a link that saves it when its bytes are here.
function FileChip({ attachment }: { attachment: Attachment }) {
  const s = useStrings(attachmentStrings);
  const blob = useAttachmentBlob(attachment);
  const label = (
    <>
      <span className="attachment-name">{attachment.name}</span>
      <span className="attachment-size">{fileSizeText(attachment.size)}</span>
    </>
  );
  if (blob.status !== 'ready') {
    return (
      <span className="attachment-chip" title={blob.status === 'unavailable' ? s.unavailable[blob.reason] : s.loading}>
        {label}
      </span>
    );
  }
  return (
    <a className="attachment-chip" href={blob.url} download={attachment.name} aria-label={s.download(attachment.name)}>
      {label}
    </a>
  );
}
