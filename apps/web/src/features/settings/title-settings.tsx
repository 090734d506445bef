import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { chooseGeneratedTitles } from '../../actions/settings-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { getSetting } from '../../db/settings-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { settingsStrings } from './settings-strings.ts';

/** Whether new chats are titled by their model after the first answer (a synced setting, on by default). */
export function TitleSettings() {
  const s = useStrings(settingsStrings);
  const storage = appStorage();
  const id = useId();
  const stored = useLiveQuery(() => getSetting(storage.db, 'generateTitles'), [], true);
  // The box follows the click at once; the stored value (another device's change too) follows after.
  const [chosen, setChosen] = useState<{ value: boolean; over: boolean } | null>(null);
  const on = chosen !== null && chosen.over === stored ? chosen.value : stored;
  return (
    <div className="field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setChosen({ value: event.target.checked, over: stored });
            void chooseGeneratedTitles(storage, event.target.checked);
          }}
        />
        {s.generateTitles}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {s.generateTitlesHint}
      </p>
    </div>
  );
}
