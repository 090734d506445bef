import { httpUrlSchema } from '@hearth/schema';
import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useState } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { getSetting, setSetting } from '../../db/settings-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { settingsStrings } from './settings-strings.ts';
import { TextField } from './text-field.tsx';

/** Which relay this device uses, and its token. Both stay on this device. */
export function RelaySettingsForm() {
  const storage = appStorage();
  const stored = useLiveQuery(
    async () => ({ url: await getSetting(storage.db, 'relayUrl'), token: await getSetting(storage.db, 'relayToken') }),
    [],
  );
  // The form mounts once the stored values are known, so it starts from them.
  return stored ? <RelayFields initialUrl={stored.url} initialToken={stored.token} /> : null;
}

function RelayFields({ initialUrl, initialToken }: { initialUrl: string; initialToken: string }) {
  const s = useStrings(settingsStrings);
  const [url, setUrl] = useState(initialUrl);
  const [token, setToken] = useState(initialToken);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (trimmed && !httpUrlSchema.safeParse(trimmed).success) {
      setError(s.relayUrlInvalid);
      return;
    }
    setError(undefined);
    const storage = appStorage();
    await setSetting(storage, 'relayUrl', trimmed);
    await setSetting(storage, 'relayToken', token.trim());
    setSaved(true);
  };

  return (
    <form className="relay-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField
        label={s.relayUrl}
        value={url}
        onValue={(value) => {
          setUrl(value);
          setSaved(false);
        }}
        error={error}
        type="url"
        placeholder={globalThis.location.origin}
        hint={s.relayUrlHint(globalThis.location.origin)}
      />
      <TextField
        label={s.relayToken}
        value={token}
        onValue={(value) => {
          setToken(value);
          setSaved(false);
        }}
        error={undefined}
        type="password"
        autoComplete="off"
        hint={s.relayTokenHint}
      />
      <p role="status" className="check-result">
        {saved ? s.relaySaved : ''}
      </p>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {s.saveRelay}
        </button>
      </div>
    </form>
  );
}
