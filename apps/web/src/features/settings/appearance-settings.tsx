import { localePreferenceSchema, themePreferenceSchema } from '@hearth/schema';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { chooseLocale, chooseTheme } from '../../actions/settings-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { getSetting } from '../../db/settings-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { settingsStrings } from './settings-strings.ts';

/** Theme and language; both follow the system until the person picks one. */
export function AppearanceSettings() {
  const s = useStrings(settingsStrings);
  const storage = appStorage();
  const id = useId();
  const theme = useLiveQuery(() => getSetting(storage.db, 'theme'), [], 'system');
  const locale = useLiveQuery(() => getSetting(storage.db, 'locale'), [], 'system');
  return (
    <div className="appearance">
      <div className="field">
        <label htmlFor={`${id}-theme`}>{s.theme}</label>
        <select
          id={`${id}-theme`}
          value={theme}
          onChange={(event) => void chooseTheme(storage, themePreferenceSchema.parse(event.target.value))}
        >
          <option value="system">{s.themeSystem}</option>
          <option value="light">{s.themeLight}</option>
          <option value="dark">{s.themeDark}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-locale`}>{s.language}</label>
        <select
          id={`${id}-locale`}
          value={locale}
          onChange={(event) => void chooseLocale(storage, localePreferenceSchema.parse(event.target.value))}
        >
          <option value="system">{s.languageSystem}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </div>
    </div>
  );
}
