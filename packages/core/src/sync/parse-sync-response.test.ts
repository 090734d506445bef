import { describe, expect, it } from 'vitest';
import { parsePullResponse } from './parse-sync-response.ts';
import { chatChange, clockAt } from './test/index.ts';

describe('parsePullResponse', () => {
  const readable = chatChange({ updatedAt: clockAt(1) });
  const newer = { table: 'chats', record: { ...readable.record, pinned: 'top', updatedAt: clockAt(2) } };

  it('reads each record once: readable ones with their record, the others held whole', () => {
    const page = parsePullResponse({ records: [readable, newer], cursor: 2, hasMore: false }, 0);
    expect(page).toEqual({
      success: true,
      value: {
        records: [
          { change: readable, readable },
          { change: newer, readable: undefined },
        ],
        cursor: 2,
        hasMore: false,
      },
    });
  });

  it('refuses a page with a record that cannot even be merged, and one whose cursor does not move', () => {
    const broken = { table: 'chats', record: { title: 'no id, no clock' } };
    const page = parsePullResponse({ records: [readable, broken], cursor: 2, hasMore: false }, 0);
    expect(page).toMatchObject({ success: false, error: { code: 'server_error' } });
    expect(parsePullResponse({ records: [], cursor: 3, hasMore: true }, 3)).toMatchObject({ success: false });
  });
});
