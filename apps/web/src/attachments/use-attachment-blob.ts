import type { Attachment } from '@hearth/schema';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { appStorage } from '../app/app-storage.ts';
import { readBlob } from '../db/blob-store.ts';
import { BlobUnavailableError, type BlobUnavailableReason, hasRemoteBlobFetcher, loadBlob } from './blob-source.ts';

/** An attachment's bytes as a view shows them: an object URL while mounted, or why there is none. */
export type AttachmentBlobState =
  | { status: 'loading' }
  | { status: 'ready'; blob: Blob; url: string }
  | { status: 'unavailable'; reason: BlobUnavailableReason };

/**
 * The bytes of an attachment for showing: read live from IndexedDB (so a blob that arrives later shows at
 * once), fetched through the remote fetcher when missing, as an object URL revoked when the view unmounts.
 */
export function useAttachmentBlob(attachment: Pick<Attachment, 'hash' | 'mediaType'>): AttachmentBlobState {
  const { db } = appStorage();
  const { hash, mediaType } = attachment;
  // null: read, and not here; undefined: not read yet.
  const stored = useLiveQuery(async () => (await readBlob(db, hash)) ?? null, [hash]);
  const [missing, setMissing] = useState<{ hash: string; reason: BlobUnavailableReason } | null>(null);
  const [url, setUrl] = useState<{ blob: Blob; url: string } | null>(null);

  const absent = stored === null;
  useEffect(() => {
    if (!absent) return;
    if (!hasRemoteBlobFetcher()) {
      setMissing({ hash, reason: 'not_on_device' });
      return;
    }
    const abort = new AbortController();
    // A blob fetched is stored, and the live query above then shows it.
    loadBlob(db, { hash, mediaType }, abort.signal).catch((error: unknown) => {
      if (abort.signal.aborted) return;
      setMissing({ hash, reason: error instanceof BlobUnavailableError ? error.reason : 'fetch_failed' });
    });
    return () => abort.abort();
  }, [db, hash, mediaType, absent]);

  // One URL per blob: a live query re-reads (a new Blob object, the same bytes) whenever any blob is stored.
  const storedData = stored ? stored.data : null;
  const storedHash = stored ? stored.hash : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the hash, as the bytes are the hash's
  useEffect(() => {
    if (storedData === null) return;
    const objectUrl = URL.createObjectURL(storedData);
    setUrl({ blob: storedData, url: objectUrl });
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [storedHash]);

  if (stored && url) return { status: 'ready', ...url };
  if (stored === null && missing?.hash === hash) return { status: 'unavailable', reason: missing.reason };
  return { status: 'loading' };
}
