import { useStrings } from '../../i18n/use-strings.ts';
import { archiveStrings } from './archive-strings.ts';
import { ExportPanel } from './export-panel.tsx';
import { ImportPanel } from './import-panel.tsx';
import './archive.css';

/** Settings → Export and import. */
export function ArchiveSettings() {
  const s = useStrings(archiveStrings);
  return (
    <div className="archive-settings">
      <section aria-labelledby="archive-export">
        <h4 id="archive-export">{s.exportHeading}</h4>
        <ExportPanel />
      </section>
      <section aria-labelledby="archive-import">
        <h4 id="archive-import">{s.importHeading}</h4>
        <ImportPanel />
      </section>
    </div>
  );
}
