import { useLiveQuery } from 'dexie-react-hooks';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { countHeldRecords } from '../../sync/held-records.ts';
import { syncStrings } from './sync-strings.ts';

/** Says when records from a newer version of Hearth are kept here but cannot be shown until an update. */
export function HeldRecordsNotice() {
  const s = useStrings(syncStrings);
  const { db } = appStorage();
  const count = useLiveQuery(() => countHeldRecords(db), [db], 0);
  if (count === 0) return null;
  return (
    <p className="field-hint" role="note">
      {s.heldRecords(count)}
    </p>
  );
}
