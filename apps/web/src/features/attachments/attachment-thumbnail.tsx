import type { Attachment } from '@hearth/schema';
import { attachmentStrings } from '../../attachments/attachment-strings.ts';
import { useAttachmentBlob } from '../../attachments/use-attachment-blob.ts';
import { useStrings } from '../../i18n/use-strings.ts';

/** An image attachment small, from its blob (an object URL revoked when it unmounts), in its own box. */
export function AttachmentThumbnail({ attachment }: { attachment: Attachment }) {
  const s = useStrings(attachmentStrings);
  const blob = useAttachmentBlob(attachment);
  const box =
    attachment.width && attachment.height ? { aspectRatio: `${attachment.width} / ${attachment.height}` } : {};
  if (blob.status === 'ready')
    return <img className="attachment-thumbnail" src={blob.url} alt={attachment.name} style={box} />;
  return (
    <span className="attachment-thumbnail placeholder" style={box} role="img" aria-label={attachment.name}>
      {blob.status === 'loading' ? s.loading : '?'}
    </span>
  );
}
