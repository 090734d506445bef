import { useLiveQuery } from 'dexie-react-hooks';
import { appStorage } from '../../app/app-storage.ts';
import { loadAccount } from '../../sync/sync-account.ts';
import { SignedInPanel } from './signed-in-panel.tsx';
import { SignedOutForms } from './signed-out-forms.tsx';

/** The Sync section of Settings. */
export function SyncSettings() {
  const { db } = appStorage();
  const account = useLiveQuery(() => loadAccount(db).then((found) => found ?? null), []);
  if (account === undefined) return null;
  return account ? <SignedInPanel account={account} /> : <SignedOutForms />;
}
