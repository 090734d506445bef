import type { ModelConfig } from '@hearth/schema';
import { makeDefaultModel } from '../../actions/settings-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { conversationStrings } from './conversation-strings.ts';

interface ModelPickerProps {
  /** The model chosen for this chat; null follows the default. */
  value: string | null;
  onChange: (modelConfigId: string | null) => void;
  configs: ModelConfig[];
  /** The model new chats use (the setting, else the first one). */
  defaultConfig: ModelConfig | undefined;
}

/** Which model a chat (or the chat about to start) talks to, and "Use as default" for new chats. */
export function ModelPicker({ value, onChange, configs, defaultConfig }: ModelPickerProps) {
  const s = useStrings(conversationStrings);
  const chosen = configs.find((config) => config.id === value);
  return (
    <>
      <label className="model-select">
        <span className="visually-hidden">{s.model}</span>
        <select value={chosen ? chosen.id : ''} onChange={(event) => onChange(event.target.value || null)}>
          <option value="">
            {s.defaultModel}
            {defaultConfig ? ` (${defaultConfig.name})` : ''}
          </option>
          {configs.map((config) => (
            <option key={config.id} value={config.id}>
              {config.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && chosen.id !== defaultConfig?.id && (
        <button
          type="button"
          className="button"
          aria-label={`${s.useAsDefault}: ${chosen.name}`}
          onClick={() => void makeDefaultModel(appStorage(), chosen.id)}
        >
          {s.useAsDefault}
        </button>
      )}
    </>
  );
}
