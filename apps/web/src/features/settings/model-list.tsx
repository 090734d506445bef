import { presetById } from '@hearth/core';
import type { ModelConfig } from '@hearth/schema';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { makeDefaultModel, removeModel } from '../../actions/settings-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { getApiKey, listModelConfigs } from '../../db/model-configs-repository.ts';
import { getSetting } from '../../db/settings-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { ConfirmDialog } from '../chat-list/confirm-dialog.tsx';
import { ModelForm } from './model-form.tsx';
import { formValuesOf, type ModelFormValues } from './model-form-values.ts';
import { settingsStrings } from './settings-strings.ts';

type Editing = { id?: string; values: ModelFormValues } | null;

function newModelValues(): ModelFormValues {
  const preset = presetById('openai');
  return {
    preset: preset.id,
    name: preset.label,
    baseUrl: preset.baseUrl,
    modelId: preset.suggestedModelId,
    apiKey: '',
    headers: '',
    temperature: '',
    maxTokens: '',
    thinkingBudget: '',
    contextWindow: '',
    connection: 'auto',
  };
}

/** The model configurations: add, edit, delete, and choose the default. */
export function ModelList() {
  const s = useStrings(settingsStrings);
  const storage = appStorage();
  const configs = useLiveQuery(() => listModelConfigs(storage.db), [], []);
  const defaultId = useLiveQuery(() => getSetting(storage.db, 'defaultModelConfigId'), [], null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ModelConfig | null>(null);
  const effectiveDefault = configs.some((config) => config.id === defaultId) ? defaultId : configs[0]?.id;

  const startEdit = async (config: ModelConfig) => {
    setEditing({ id: config.id, values: formValuesOf(config, (await getApiKey(storage.db, config.id)) ?? '') });
  };

  if (editing) {
    return (
      <ModelForm {...(editing.id ? { id: editing.id } : {})} initial={editing.values} onDone={() => setEditing(null)} />
    );
  }

  return (
    <div className="model-list">
      {configs.length === 0 && <p>{s.noModels}</p>}
      <ul>
        {configs.map((config) => (
          <li key={config.id} className="model-row">
            <div className="model-row-text">
              <strong>{config.name}</strong>
              <span className="muted">
                {config.modelId} · {config.baseUrl}
              </span>
            </div>
            {config.id === effectiveDefault ? (
              <span className="badge">{s.isDefault}</span>
            ) : (
              <button
                type="button"
                className="button"
                aria-label={`${s.makeDefault}: ${config.name}`}
                onClick={() => void makeDefaultModel(storage, config.id)}
              >
                {s.makeDefault}
              </button>
            )}
            <button
              type="button"
              className="button"
              aria-label={`${s.edit}: ${config.name}`}
              onClick={() => void startEdit(config)}
            >
              {s.edit}
            </button>
            <button
              type="button"
              className="button danger"
              aria-label={`${s.delete}: ${config.name}`}
              onClick={() => setDeleting(config)}
            >
              {s.delete}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button primary" onClick={() => setEditing({ values: newModelValues() })}>
        {s.addModel}
      </button>
      {deleting && (
        <ConfirmDialog
          title={s.deleteModelTitle}
          body={s.deleteModelBody(deleting.name)}
          confirmLabel={s.delete}
          cancelLabel={s.cancel}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void removeModel(storage, deleting.id);
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}
