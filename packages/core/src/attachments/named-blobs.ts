import { contentHashSchema, type SyncMutation } from '@hearth/schema';

/**
 * The content hashes that the live messages among `mutations` name in `attachments[].hash`, each once,
 * in the order first named. Read leniently: a record of a newer app whose attachments this version
 * cannot read whole still names its blobs by `hash`, and anything that is not a hash is passed over.
 */
export function blobsNamedBy(mutations: readonly SyncMutation[]): string[] {
  const named = new Set<string>();
  for (const { change } of mutations) {
    if (change.table !== 'messages' || change.record.deleted !== false) continue;
    const attachments: unknown = (change.record as { attachments?: unknown }).attachments;
    if (!Array.isArray(attachments)) continue;
    for (const attachment of attachments) {
      const hash: unknown = (attachment as { hash?: unknown } | null)?.hash;
      if (contentHashSchema.safeParse(hash).success) named.add(hash as string);
    }
  }
  return [...named];
}
