import { useRef, useState } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { saveArchive } from '../../archive/save-archive.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { archiveStrings } from './archive-strings.ts';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; written: number; expected: number }
  | { phase: 'done'; records: number; fileName: string }
  | { phase: 'cancelled' }
  | { phase: 'failed' };

/** Export everything as one archive, with its progress. */
export function ExportPanel() {
  const s = useStrings(archiveStrings);
  const [gzip, setGzip] = useState(true);
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  // An export goes on when Settings closes (the download starts when it is done), like an import.
  const running = useRef<AbortController | undefined>(undefined);

  const start = () => {
    const controller = new AbortController();
    running.current = controller;
    saveArchive({
      db: appStorage().db,
      gzip,
      appVersion: __APP_VERSION__,
      signal: controller.signal,
      onStart: () => setState({ phase: 'running', written: 0, expected: 0 }),
      onProgress: (written, expected) => setState({ phase: 'running', written, expected }),
    })
      .then((result) => setState(result ? { phase: 'done', ...result } : { phase: 'idle' }))
      .catch(() => setState(controller.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed' }))
      .finally(() => {
        if (running.current === controller) running.current = undefined;
      });
  };

  return (
    <div className="archive-panel">
      <p className="muted">{s.exportHint}</p>
      <label className="checkbox-row">
        <input type="checkbox" checked={gzip} onChange={(event) => setGzip(event.target.checked)} />
        {s.compress}
      </label>
      {state.phase === 'running' ? (
        <div className="archive-progress">
          <progress aria-label={s.exporting} max={Math.max(1, state.expected)} value={state.written} />
          <span>{s.exportProgress(state.written, state.expected)}</span>
          <button type="button" className="button" onClick={() => running.current?.abort()}>
            {s.cancelExport}
          </button>
        </div>
      ) : (
        <button type="button" className="button primary" onClick={start}>
          {s.exportAll}
        </button>
      )}
      <p role="status">
        {state.phase === 'done' && s.exported(state.records, state.fileName)}
        {state.phase === 'cancelled' && s.exportCancelled}
        {state.phase === 'failed' && s.exportFailed}
      </p>
    </div>
  );
}
