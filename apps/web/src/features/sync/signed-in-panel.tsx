import type { PairingCode, SyncDevice } from '@hearth/schema';
import { useCallback, useEffect, useState } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import {
  type AccountProblem,
  createPairingCode,
  listDevices,
  revokeDevice,
  signOutDevice,
} from '../../sync/account-actions.ts';
import type { SyncAccount } from '../../sync/sync-account.ts';
import { syncNow } from '../../sync/sync-runner.ts';
import { HeldRecordsNotice } from './held-records-notice.tsx';
import { SyncStatusLine } from './sync-status-line.tsx';
import { syncStrings } from './sync-strings.ts';

/** A signed-in device: its status, adding another device, the device list, and signing out. */
export function SignedInPanel({ account }: { account: SyncAccount }) {
  const s = useStrings(syncStrings);
  const storage = appStorage();
  const [pairing, setPairing] = useState<(PairingCode & { url: string }) | null>(null);
  const [devices, setDevices] = useState<SyncDevice[]>([]);
  const [problem, setProblem] = useState<AccountProblem | null>(null);

  const refreshDevices = useCallback(async () => {
    const result = await listDevices(storage);
    if (result.success) setDevices(result.value);
    else setProblem(result.problem);
  }, [storage]);
  useEffect(() => {
    void refreshDevices();
  }, [refreshDevices]);

  return (
    <div className="sync-panel">
      <p>
        {s.signedIn} <strong>{account.serverUrl}</strong>
      </p>
      <SyncStatusLine />
      <HeldRecordsNotice />
      {problem && (
        <p className="form-problem" role="alert">
          {s.problems[problem] ?? s.problems.default}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => syncNow()}>
          {s.syncNow}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void createPairingCode(storage).then((result) => {
              if (result.success) setPairing(result.value);
              else setProblem(result.problem);
            })
          }
        >
          {s.addDevice}
        </button>
      </div>
      {pairing && (
        <div className="pairing" aria-live="polite">
          <p>{s.pairingInstructions(pairing.code, Math.round((pairing.expiresAt - Date.now()) / 60_000))}</p>
          <p>
            <a href={pairing.url} aria-label={s.pairingLink}>
              {pairing.url}
            </a>
          </p>
        </div>
      )}
      <h4>{s.devices}</h4>
      <ul className="device-list">
        {devices.map((device) => (
          <li key={device.id}>
            <span>
              {device.name}
              {device.current ? ` (${s.thisDevice})` : ''}
              {device.lastSeenAt ? ` · ${s.lastSeen(new Date(device.lastSeenAt).toLocaleString())}` : ''}
            </span>
            {!device.current && (
              <button
                type="button"
                className="button danger"
                aria-label={`${s.revoke}: ${device.name}`}
                onClick={() => void revokeDevice(storage, device.id).then(() => refreshDevices())}
              >
                {s.revoke}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button danger" onClick={() => void signOutDevice(storage)}>
          {s.signOut}
        </button>
      </div>
      <p className="field-hint">{s.signOutHint}</p>
    </div>
  );
}
