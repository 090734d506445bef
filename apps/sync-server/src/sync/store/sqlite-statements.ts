import type { Database, Statement } from 'better-sqlite3';

/** Rows as SQLite returns them. */
export interface UserMarksRow {
  seq: number;
  purged_through_seq: number;
}
export interface RecordRow {
  updated_at: string;
  body: string;
}
export interface PageRow {
  table_name: string;
  body: string;
  seq: number;
}
export interface DeviceRow {
  id: string;
  user_id: string;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  last_mutation_id: number;
  download_base_seq: number;
}
export interface PairingRow {
  user_id: string;
  expires_at: number;
}
export interface PurgeMarksRow {
  user_id: string;
  max_seq: number;
}

/** Every statement the SQLite store runs, prepared once per connection. */
export function prepareStatements(db: Database) {
  const statement = <Row = unknown>(sql: string) => db.prepare(sql) as Statement<unknown[], Row>;
  return {
    userMarks: statement<UserMarksRow>('SELECT seq, purged_through_seq FROM sync_users WHERE id = ?'),
    setUserSeq: statement('UPDATE sync_users SET seq = ? WHERE id = ?'),
    insertUser: statement('INSERT INTO sync_users (id, created_at) VALUES (?, ?)'),
    selectRecord: statement<RecordRow>(
      'SELECT updated_at, body FROM sync_records WHERE user_id = ? AND table_name = ? AND record_key = ?',
    ),
    upsertRecord: statement(
      `INSERT INTO sync_records (user_id, table_name, record_key, updated_at, deleted, body, seq, changed_at)
       VALUES (@userId, @table, @key, @updatedAt, @deleted, @body, @seq, @nowMs)
       ON CONFLICT (user_id, table_name, record_key) DO UPDATE SET
         updated_at = excluded.updated_at, deleted = excluded.deleted, body = excluded.body,
         seq = excluded.seq, changed_at = excluded.changed_at`,
    ),
    graveClock: statement<string>(
      'SELECT deleted_at_clock FROM sync_graves WHERE user_id = ? AND table_name = ? AND record_key = ?',
    ).pluck(),
    pullPage: statement<PageRow>(
      'SELECT table_name, body, seq FROM sync_records WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    clockOwner: statement<string>(
      'SELECT device_id FROM sync_device_clocks WHERE user_id = ? AND clock_id = ?',
    ).pluck(),
    bindClock: statement('INSERT INTO sync_device_clocks (user_id, clock_id, device_id) VALUES (?, ?, ?)'),
    releaseClocks: statement('DELETE FROM sync_device_clocks WHERE device_id = ?'),
    deviceByToken: statement<DeviceRow>('SELECT * FROM sync_devices WHERE token_hash = ? AND revoked_at IS NULL'),
    liveDevice: statement<DeviceRow>('SELECT * FROM sync_devices WHERE id = ? AND user_id = ? AND revoked_at IS NULL'),
    touchDevice: statement('UPDATE sync_devices SET last_seen_at = ? WHERE id = ?'),
    setLastMutation: statement('UPDATE sync_devices SET last_mutation_id = ? WHERE id = ?'),
    setDownloadBase: statement('UPDATE sync_devices SET download_base_seq = ? WHERE id = ?'),
    insertDevice: statement(
      `INSERT INTO sync_devices (id, user_id, name, token_hash, created_at, last_seen_at)
       VALUES (@id, @userId, @name, @tokenHash, @nowMs, @nowMs)`,
    ),
    liveDevices: statement<DeviceRow>(
      'SELECT * FROM sync_devices WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at, rowid',
    ),
    revokeDevice: statement(
      'UPDATE sync_devices SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL',
    ),
    deleteCodesBy: statement('DELETE FROM sync_pairing_codes WHERE created_by = ?'),
    insertPairing: statement(
      'INSERT INTO sync_pairing_codes (code_hash, user_id, created_by, expires_at) VALUES (?, ?, ?, ?)',
    ),
    pairingByHash: statement<PairingRow>('SELECT user_id, expires_at FROM sync_pairing_codes WHERE code_hash = ?'),
    deletePairing: statement('DELETE FROM sync_pairing_codes WHERE code_hash = ?'),
    purgeMarks: statement<PurgeMarksRow>(
      'SELECT user_id, MAX(seq) AS max_seq FROM sync_records WHERE deleted = 1 AND changed_at < ? GROUP BY user_id',
    ),
    raisePurgeMark: statement('UPDATE sync_users SET purged_through_seq = MAX(purged_through_seq, ?) WHERE id = ?'),
    buryTombstones: statement(
      `INSERT INTO sync_graves (user_id, table_name, record_key, deleted_at_clock)
       SELECT user_id, table_name, record_key, updated_at FROM sync_records WHERE deleted = 1 AND changed_at < ?
       ON CONFLICT (user_id, table_name, record_key) DO UPDATE SET
         deleted_at_clock = MAX(deleted_at_clock, excluded.deleted_at_clock)`,
    ),
    deleteTombstones: statement('DELETE FROM sync_records WHERE deleted = 1 AND changed_at < ?'),
    deleteExpiredCodes: statement('DELETE FROM sync_pairing_codes WHERE expires_at <= ?'),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;
