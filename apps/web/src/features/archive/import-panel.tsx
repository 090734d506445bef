import type { ImportCounts } from '@hearth/core';
import { toUserFacingError } from '../../actions/user-facing-error.ts';
import type { ImportState, ImportStop } from '../../archive/import-session.ts';
import { useActiveLocale } from '../../i18n/active-locale.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { type ArchiveStrings, archiveStrings } from './archive-strings.ts';
import { importErrorText } from './import-error-text.ts';
import { importSession, useImportState } from './use-import-session.ts';

const total = (counts: ImportCounts) =>
  counts.chats + counts.messages + counts.modelConfigs + counts.settings + counts.deletions;

/** Import a file: what it holds first, then progress, then what was done; or what is wrong with it. */
export function ImportPanel() {
  const s = useStrings(archiveStrings);
  const state = useImportState();
  return (
    <div className="archive-panel">
      <p className="muted">{s.importHint}</p>
      {(state.phase === 'idle' || state.phase === 'failed' || state.phase === 'finished') && <FileChooser s={s} />}
      <ImportStateView state={state} s={s} />
    </div>
  );
}

function FileChooser({ s }: { s: ArchiveStrings }) {
  return (
    <label className="button file-button">
      {s.chooseFile}
      <input
        type="file"
        className="visually-hidden"
        accept=".jsonl,.gz,.json,.zip,application/json,application/gzip,application/zip"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it, or to import twice) still fires.
          event.target.value = '';
          if (file) importSession().choose(file);
        }}
      />
    </label>
  );
}

function ImportStateView({ state, s }: { state: ImportState; s: ArchiveStrings }) {
  const session = importSession();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'reading':
      return (
        <div className="archive-progress">
          <span>{s.reading(state.fileName)}</span>
          <progress aria-label={s.readingLabel} max={Math.max(1, state.totalBytes)} value={state.bytesRead} />
          <button type="button" className="button" onClick={session.cancel}>
            {s.cancel}
          </button>
        </div>
      );
    case 'preview':
      return <ImportPreviewView state={state} s={s} />;
    case 'writing':
      return (
        <div className="archive-progress">
          <progress aria-label={s.importing} max={Math.max(1, state.total)} value={state.handled} />
          <span>{s.importProgress(state.handled, state.total)}</span>
          <button type="button" className="button" onClick={session.cancel}>
            {s.stop}
          </button>
          <p className="muted">{s.atomicity}</p>
        </div>
      );
    case 'failed':
      return (
        <p role="alert" className="archive-error">
          {importErrorText(state.error, s)} {s.nothingWritten}
        </p>
      );
    case 'finished':
      return (
        <div className="archive-report">
          <p role="status">
            {s.imported(state.report.written)}
            {total(state.report.skipped) > 0 && ` ${s.skipped(total(state.report.skipped))}`}
          </p>
          {state.report.notes.length > 0 && (
            <ul>
              {state.report.notes.map((note) => (
                <li key={note.kind}>{s.note(note.kind, note.count)}</li>
              ))}
            </ul>
          )}
          {state.stop && (
            <p role="alert" className="archive-error">
              {stopText(state.stop, s)} {s.stoppedAfter(state.report.written.chats)}
            </p>
          )}
          <button type="button" className="button" onClick={session.reset}>
            {s.done}
          </button>
        </div>
      );
  }
}

function ImportPreviewView({ state, s }: { state: Extract<ImportState, { phase: 'preview' }>; s: ArchiveStrings }) {
  const locale = useActiveLocale();
  const session = importSession();
  const { found, alreadyHere, notes } = state.preview;
  const nothingNew = total(found) === total(alreadyHere);
  return (
    <div className="archive-preview">
      <p>{s.foundIn(state.fileName, s.formatName(state.format))}</p>
      {state.header && (
        <p className="muted">
          {s.exportedBy(
            new Date(state.header.exportedAt).toLocaleString(locale),
            state.header.appName,
            state.header.appVersion,
          )}
        </p>
      )}
      <ul>
        <li>{s.foundChats(found.chats, found.messages)}</li>
        {found.modelConfigs > 0 && <li>{s.foundModelConfigs(found.modelConfigs)}</li>}
        {found.settings > 0 && <li>{s.foundSettings(found.settings)}</li>}
        {found.deletions > 0 && <li>{s.foundDeletions(found.deletions)}</li>}
        {notes.map((note) => (
          <li key={note.kind}>{s.note(note.kind, note.count)}</li>
        ))}
      </ul>
      {nothingNew ? <p>{s.nothingNew}</p> : total(alreadyHere) > 0 && <p>{s.alreadyHere(alreadyHere)}</p>}
      <p className="muted">{s.atomicity}</p>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={session.confirm} disabled={nothingNew}>
          {s.importButton}
        </button>
        <button type="button" className="button" onClick={session.cancel}>
          {s.cancel}
        </button>
      </div>
    </div>
  );
}

function stopText(stop: ImportStop, s: ArchiveStrings): string {
  switch (stop.kind) {
    case 'cancelled':
      return '';
    case 'storage':
      return toUserFacingError(stop.error).code === 'storage_full' ? s.storageFull : s.storageFailed;
    case 'job':
      return `${s.fileChanged} ${importErrorText(stop.error, s)}`;
  }
}
