import type { Database } from 'better-sqlite3';

/**
 * The hashes that the user's live messages name in `attachments[].hash`, read from the records the
 * SQLite sync store keeps (`sync_records`). Read in the sweep rather than on every push: the records are
 * the one truth (a push, a superseded write, a purge all change what is named, and none of them has to
 * remember the blobs), and a push costs nothing more. A store of records elsewhere (PostgreSQL) answers the
 * same question from its own tables.
 */
export function sqliteBlobReferences(db: Database): (userId: string) => Promise<ReadonlySet<string>> {
  const statement = db
    .prepare<[string], string>(
      `SELECT DISTINCT json_extract(attachment.value, '$.hash')
       FROM sync_records AS record, json_each(record.body, '$.attachments') AS attachment
       WHERE record.user_id = ? AND record.table_name = 'messages' AND record.deleted = 0
         -- A plain text search first, so most messages (without files) are never parsed as JSON.
         AND instr(record.body, '"attachments"') > 0
         AND json_type(record.body, '$.attachments') = 'array'
         AND json_type(attachment.value, '$.hash') = 'text'`,
    )
    .pluck();
  return async (userId) => new Set(statement.all(userId));
}
