// docs/sync-protocol.md shows one example record per table: each must be a record the schemas accept,
// so a client written from the document alone sends what the server takes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syncRecordSchema, syncTables } from './sync-record.ts';

const doc = readFileSync(new URL('../../../docs/sync-protocol.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Records by table'), doc.indexOf('## 6. The live channel'));

/** The JSON example that follows the table's paragraph (`**\`chats\`**: …`). */
function exampleOf(table: string): unknown {
  const start = section.indexOf(`**\`${table}\`**`);
  const block = /```json\n([\s\S]*?)```/.exec(section.slice(start));
  if (start < 0 || block?.[1] === undefined) throw new Error(`no example for ${table}`);
  return JSON.parse(block[1]);
}

describe('the sync protocol document', () => {
  it.each(syncTables)('gives an example %s record that the schema accepts whole', (table) => {
    const record = exampleOf(table);
    const parsed = syncRecordSchema.safeParse({ table, record });
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.record).toEqual(record);
  });
});
