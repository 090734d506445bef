import { type SyncRecord, type SyncTable, syncRecordKey } from '@hearth/schema';
import type { ImportStore } from '../import-store.ts';

/** An in-memory ImportStore whose transactions are all or nothing; `failOn` makes a chosen one fail. */
export class MemoryImportStore implements ImportStore {
  readonly records = new Map<string, SyncRecord>();
  transactions = 0;
  /** Fails the transaction with this number (1-based) after its writes, before it commits. */
  failOn: number | undefined;

  async transaction<T>(work: Parameters<ImportStore['transaction']>[0]): Promise<T> {
    const number = ++this.transactions;
    const staged = new Map<string, SyncRecord>();
    const result = await work({
      presentKeys: async (table: SyncTable, keys: readonly string[]) =>
        new Set(keys.filter((key) => this.records.has(`${table}/${key}`) || staged.has(`${table}/${key}`))),
      putRecords: async (changes: readonly SyncRecord[]) => {
        for (const change of changes) staged.set(`${change.table}/${syncRecordKey(change)}`, change);
      },
    });
    if (number === this.failOn) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    for (const [key, change] of staged) this.records.set(key, change);
    return result as T;
  }

  /** The stored record of a table and key. */
  get(table: SyncTable, key: string): SyncRecord | undefined {
    return this.records.get(`${table}/${key}`);
  }
}
