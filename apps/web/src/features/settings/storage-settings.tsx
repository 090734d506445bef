import { useCallback, useEffect, useState } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import { requestPersistentStorage, type StorageReport, storageReport } from '../../pwa/storage-persistence.ts';
import { settingsStrings } from './settings-strings.ts';

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** How much the app stores on this device, and whether the browser promised to keep it. */
export function StorageSettings() {
  const s = useStrings(settingsStrings);
  const [report, setReport] = useState<StorageReport | undefined>();
  const refresh = useCallback(() => {
    storageReport().then(setReport, () => setReport(undefined));
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <div className="storage-settings">
      {report && (
        <>
          <p>{s.storageUsage(formatBytes(report.usageBytes), formatBytes(report.quotaBytes))}</p>
          <p>{report.persistent ? s.storagePersistent : s.storageNotPersistent}</p>
          {!report.persistent && (
            <button type="button" className="button" onClick={() => void requestPersistentStorage().then(refresh)}>
              {s.keepData}
            </button>
          )}
        </>
      )}
      <p className="muted">{s.version(__APP_VERSION__)}</p>
    </div>
  );
}
