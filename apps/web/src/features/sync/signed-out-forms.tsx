import { type FormEvent, useEffect, useState } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { useUiStore } from '../../state/ui-store.ts';
import {
  type AccountProblem,
  type AccountResult,
  serverInfo,
  signInWithPairingCode,
  signInWithToken,
  signUp,
} from '../../sync/account-actions.ts';
import { TextField } from '../settings/text-field.tsx';
import { syncStrings } from './sync-strings.ts';

/** Ways to turn sync on: a token from the server, a pairing code from another device, or a new account. */
export function SignedOutForms() {
  const s = useStrings(syncStrings);
  const origin = globalThis.location.origin;
  const linkedCode = useUiStore((state) => state.pairingCodeFromLink);
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [code, setCode] = useState(linkedCode ?? '');
  const [deviceName, setDeviceName] = useState(s.defaultDeviceName);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AccountProblem | null>(null);
  const [signupAllowed, setSignupAllowed] = useState(false);
  const server = serverUrl.trim() || origin;

  useEffect(() => {
    let current = true;
    void serverInfo(server).then((info) => {
      if (current) setSignupAllowed(info.success && info.value.signup);
    });
    return () => {
      current = false;
    };
  }, [server]);

  const run = (action: () => Promise<AccountResult<void>>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await action();
    setBusy(false);
    setProblem(result.success ? null : result.problem);
  };
  const storage = appStorage();

  return (
    <div className="sync-forms">
      <TextField
        label={s.serverUrl}
        value={serverUrl}
        onValue={setServerUrl}
        error={undefined}
        type="url"
        placeholder={origin}
        hint={s.serverUrlHint(origin)}
      />
      {problem && (
        <p className="form-problem" role="alert">
          {s.problems[problem] ?? s.problems.default}
        </p>
      )}
      <form
        onSubmit={(event) =>
          void run(() => signInWithToken(storage, { serverUrl: server, token: token.trim() }))(event)
        }
      >
        <TextField
          label={s.token}
          value={token}
          onValue={setToken}
          error={undefined}
          type="password"
          autoComplete="off"
        />
        <button type="submit" className="button primary" disabled={busy || !token.trim()}>
          {busy ? s.working : s.signInWithToken}
        </button>
      </form>
      <form
        onSubmit={(event) =>
          void run(() => signInWithPairingCode(storage, { serverUrl: server, code: code.trim(), deviceName }))(event)
        }
      >
        <TextField label={s.pairingCode} value={code} onValue={setCode} error={undefined} autoComplete="off" />
        <TextField label={s.deviceName} value={deviceName} onValue={setDeviceName} error={undefined} />
        <button type="submit" className="button" disabled={busy || !code.trim() || !deviceName.trim()}>
          {s.pair}
        </button>
      </form>
      {signupAllowed && (
        <form onSubmit={(event) => void run(() => signUp(storage, { serverUrl: server, deviceName }))(event)}>
          <button type="submit" className="button" disabled={busy || !deviceName.trim()}>
            {s.signUp}
          </button>
        </form>
      )}
    </div>
  );
}
