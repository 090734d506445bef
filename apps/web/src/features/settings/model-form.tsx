import { acceptsThinkingBudget, contextWindowOf, hasModelList, presetById, providerPresets } from '@hearth/core';
import { connectionModeSchema } from '@hearth/schema';
import { type FormEvent, useId, useState } from 'react';
import { fetchModelIds, type ListedModels, testConnection } from '../../actions/provider-checks.ts';
import { saveModel } from '../../actions/settings-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { type ModelFormErrors, type ModelFormValues, validateModelForm } from './model-form-values.ts';
import { settingsStrings } from './settings-strings.ts';
import { TextField } from './text-field.tsx';

interface ModelFormProps {
  /** The configuration being edited; absent for a new one. */
  id?: string;
  initial: ModelFormValues;
  onDone: (savedId: string | null) => void;
}

type CheckStatus =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'ok'; text: string }
  | { kind: 'failed'; text: string };

/** Adds or edits a model configuration; each invalid field says what is wrong beside it. */
export function ModelForm({ id, initial, onDone }: ModelFormProps) {
  const s = useStrings(settingsStrings);
  const formId = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ModelFormErrors>({});
  const [showKey, setShowKey] = useState(false);
  const [check, setCheck] = useState<CheckStatus>({ kind: 'idle' });
  const [listed, setListed] = useState<ListedModels>({ ids: [], contextWindows: {} });
  const set = (field: keyof ModelFormValues) => (value: string) => setValues((old) => ({ ...old, [field]: value }));
  // The window the provider's list gives the model id, filled in while the field is empty or still holds the
  // figure the list gave another id: what the person typed stays.
  const followList = (old: ModelFormValues, modelId: string, windows: Record<string, number>): ModelFormValues => {
    const before = windows[old.modelId.trim()] ?? listed.contextWindows[old.modelId.trim()];
    const after = windows[modelId.trim()];
    const untouched = old.contextWindow === '' || old.contextWindow === String(before);
    return { ...old, modelId, contextWindow: untouched && after !== undefined ? String(after) : old.contextWindow };
  };
  const setModelId = (modelId: string) => setValues((old) => followList(old, modelId, listed.contextWindows));

  const preset = presetById(values.preset);
  const changePreset = (id: string) => {
    const before = presetById(values.preset);
    const after = presetById(id);
    // Fields still holding the old preset's values follow the new preset; anything typed stays.
    setValues((old) => ({
      ...old,
      preset: after.id,
      name: !old.name || old.name === before.label ? after.label : old.name,
      baseUrl: !old.baseUrl || old.baseUrl === before.baseUrl ? after.baseUrl : old.baseUrl,
      modelId: !old.modelId || old.modelId === before.suggestedModelId ? after.suggestedModelId : old.modelId,
    }));
  };

  const validated = () => {
    const result = validateModelForm(values);
    setErrors(result.success ? {} : result.errors);
    return result.success ? result.fields : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = validated();
    if (!fields) return;
    const saved = await saveModel(appStorage(), { ...(id ? { id } : {}), fields, apiKey: values.apiKey });
    onDone(saved.id);
  };

  const runCheck = async (kind: 'test' | 'models') => {
    const fields = validated();
    if (!fields) return;
    setCheck({ kind: 'running' });
    if (kind === 'test') {
      const result = await testConnection(appStorage(), { fields, apiKey: values.apiKey });
      setCheck(
        result.success ? { kind: 'ok', text: s.connectionWorks(result.value) } : { kind: 'failed', text: result.error },
      );
    } else {
      const result = await fetchModelIds(appStorage(), { fields, apiKey: values.apiKey });
      if (result.success) {
        const found = result.value;
        setListed(found);
        setValues((old) => followList(old, old.modelId, found.contextWindows));
      }
      setCheck(
        result.success
          ? { kind: 'ok', text: s.foundModels(result.value.ids.length) }
          : { kind: 'failed', text: result.error },
      );
    }
  };

  return (
    <form
      className="model-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={id ? s.editModel(initial.name) : s.newModel}
    >
      <div className="field">
        <label htmlFor={`${formId}-provider`}>{s.provider}</label>
        <select id={`${formId}-provider`} value={values.preset} onChange={(event) => changePreset(event.target.value)}>
          {providerPresets.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <TextField label={s.name} value={values.name} onValue={set('name')} error={errors.name} />
      <TextField
        label={s.baseUrl}
        value={values.baseUrl}
        onValue={set('baseUrl')}
        error={errors.baseUrl}
        type="url"
        placeholder="https://api.example.com/v1"
      />
      <TextField
        label={s.modelId}
        value={values.modelId}
        onValue={setModelId}
        error={errors.modelId}
        list={`${formId}-models`}
        autoComplete="off"
        hint={preset.provider === 'azure' ? s.deploymentHint : undefined}
      />
      <datalist id={`${formId}-models`}>
        {listed.ids.map((modelId) => (
          <option key={modelId} value={modelId} />
        ))}
      </datalist>
      <TextField
        label={s.apiKey}
        value={values.apiKey}
        onValue={set('apiKey')}
        error={errors.apiKey}
        type={showKey ? 'text' : 'password'}
        autoComplete="off"
        hint={s.apiKeyHint}
      />
      <label className="checkbox">
        <input type="checkbox" checked={showKey} onChange={(event) => setShowKey(event.target.checked)} />
        {s.showKey}
      </label>
      <div className={`field${errors.headers ? ' invalid' : ''}`}>
        <label htmlFor={`${formId}-headers`}>{s.headers}</label>
        <textarea
          id={`${formId}-headers`}
          value={values.headers}
          onChange={(event) => set('headers')(event.target.value)}
          rows={2}
          placeholder="X-Title: Hearth"
          aria-invalid={errors.headers ? true : undefined}
          aria-describedby={`${formId}-headers-hint${errors.headers ? ` ${formId}-headers-error` : ''}`}
        />
        <p className="field-hint" id={`${formId}-headers-hint`}>
          {s.headersHint}
        </p>
        {errors.headers && (
          <p className="field-error" id={`${formId}-headers-error`}>
            {errors.headers}
          </p>
        )}
      </div>
      <div className="field-row">
        <TextField
          label={s.temperature}
          value={values.temperature}
          onValue={set('temperature')}
          error={errors.temperature}
          inputMode="decimal"
          placeholder={s.optional}
        />
        <TextField
          label={s.maxTokens}
          value={values.maxTokens}
          onValue={set('maxTokens')}
          error={errors.maxTokens}
          inputMode="numeric"
          placeholder={s.optional}
        />
      </div>
      <TextField
        label={s.contextWindow}
        value={values.contextWindow}
        onValue={set('contextWindow')}
        error={errors.contextWindow}
        inputMode="numeric"
        placeholder={s.optional}
        hint={s.contextWindowHint(contextWindowOf({ provider: preset.provider, modelId: values.modelId.trim() }))}
      />
      {acceptsThinkingBudget(preset.provider) && (
        <TextField
          label={s.thinkingBudget}
          value={values.thinkingBudget}
          onValue={set('thinkingBudget')}
          error={errors.thinkingBudget}
          inputMode="numeric"
          placeholder={s.optional}
          hint={s.thinkingBudgetHint}
        />
      )}
      <div className="field">
        <label htmlFor={`${formId}-connection`}>{s.connection}</label>
        <select
          id={`${formId}-connection`}
          value={values.connection}
          aria-describedby={`${formId}-connection-hint`}
          onChange={(event) => set('connection')(connectionModeSchema.parse(event.target.value))}
        >
          <option value="auto">{s.connectionAuto}</option>
          <option value="direct">{s.connectionDirect}</option>
          <option value="relay">{s.connectionRelay}</option>
        </select>
        <p className="field-hint" id={`${formId}-connection-hint`}>
          {s.connectionHint}
        </p>
      </div>
      {Object.keys(errors).length > 0 && (
        <p className="form-problem" role="alert">
          {s.fixErrors}
        </p>
      )}
      <p className={`check-result ${check.kind}`} role="status">
        {check.kind === 'running' ? s.testing : check.kind === 'ok' || check.kind === 'failed' ? check.text : ''}
      </p>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {s.save}
        </button>
        <button
          type="button"
          className="button"
          disabled={check.kind === 'running'}
          onClick={() => void runCheck('test')}
        >
          {s.testConnection}
        </button>
        {hasModelList(preset.provider) && (
          <button
            type="button"
            className="button"
            disabled={check.kind === 'running'}
            onClick={() => void runCheck('models')}
          >
            {s.fetchModels}
          </button>
        )}
        <button type="button" className="button" onClick={() => onDone(null)}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
