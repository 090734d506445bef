import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setActiveLocale } from '../../i18n/active-locale.ts';
import { publishSyncView } from '../../sync/sync-status-store.ts';
import { SyncStatusLine } from './sync-status-line.tsx';

const mib = 1024 * 1024;

describe('the sync status line', () => {
  afterEach(() => {
    setActiveLocale('en');
    vi.unstubAllGlobals();
    publishSyncView({ kind: 'off' }, { leading: false });
  });

  it('tells of a full quota on the sync server in figures, beside a sync that goes on', () => {
    publishSyncView(
      {
        kind: 'on',
        status: { state: 'idle' },
        uploads: { code: 'quota_exceeded', usedBytes: 95 * mib, limitBytes: 100 * mib },
      },
      { leading: false },
    );
    const html = renderToStaticMarkup(<SyncStatusLine />);
    expect(html).toContain('aria-label="Sync">Synced</p>');
    expect(html).toMatch(
      /aria-label="Attachments">[^<]*storage on the sync server is full \(95\.0 MB of 100\.0 MB used\)/,
    );

    // setActiveLocale sets <html lang>; the test runs in node, so give it a document to touch.
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    setActiveLocale('zh-CN');
    const chinese = renderToStaticMarkup(<SyncStatusLine />);
    expect(chinese).toMatch(/aria-label="附件">[^<]*存储空间已满（已用 95\.0 MB，共 100\.0 MB）/);
  });

  it('shows nothing about attachments while they all sync', () => {
    publishSyncView({ kind: 'on', status: { state: 'idle' } }, { leading: false });
    const html = renderToStaticMarkup(<SyncStatusLine />);
    expect(html).not.toContain('Attachments');
  });
});
