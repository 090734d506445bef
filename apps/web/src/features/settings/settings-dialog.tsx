import { useEffect, useRef } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import { setSettingsOpen } from '../../state/ui-store.ts';
import { ArchiveSettings } from '../archive/archive-settings.tsx';
import { archiveStrings } from '../archive/archive-strings.ts';
import { McpSettings } from '../mcp/mcp-settings.tsx';
import { mcpStrings } from '../mcp/mcp-strings.ts';
import { SyncSettings } from '../sync/sync-settings.tsx';
import { syncStrings } from '../sync/sync-strings.ts';
import { AppearanceSettings } from './appearance-settings.tsx';
import { ModelList } from './model-list.tsx';
import { RelaySettingsForm } from './relay-settings-form.tsx';
import { settingsStrings } from './settings-strings.ts';
import { StorageSettings } from './storage-settings.tsx';
import { TitleSettings } from './title-settings.tsx';

/** The settings, as a modal dialog. Loaded only when first opened, to keep the first page small. */
export default function SettingsDialog() {
  const s = useStrings(settingsStrings);
  const sync = useStrings(syncStrings);
  const archive = useStrings(archiveStrings);
  const mcp = useStrings(mcpStrings);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog settings"
      aria-labelledby="settings-title"
      onClose={() => setSettingsOpen(false)}
    >
      <header className="dialog-header">
        <h2 id="settings-title">{s.settings}</h2>
        <button type="button" className="icon-button" aria-label={s.close} onClick={() => dialog.current?.close()}>
          ✕
        </button>
      </header>
      <section aria-labelledby="settings-models">
        <h3 id="settings-models">{s.models}</h3>
        <ModelList />
        <TitleSettings />
      </section>
      <section aria-labelledby="settings-mcp">
        <h3 id="settings-mcp">{mcp.section}</h3>
        <McpSettings />
      </section>
      <section aria-labelledby="settings-sync">
        <h3 id="settings-sync">{sync.sync}</h3>
        <SyncSettings />
      </section>
      <section aria-labelledby="settings-relay">
        <h3 id="settings-relay">{s.relaySection}</h3>
        <RelaySettingsForm />
      </section>
      <section aria-labelledby="settings-appearance">
        <h3 id="settings-appearance">{s.appearance}</h3>
        <AppearanceSettings />
      </section>
      <section aria-labelledby="settings-archive">
        <h3 id="settings-archive">{archive.section}</h3>
        <ArchiveSettings />
      </section>
      <section aria-labelledby="settings-storage">
        <h3 id="settings-storage">{s.storage}</h3>
        <StorageSettings />
      </section>
    </dialog>
  );
}
