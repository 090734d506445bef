import type { GenerationParams } from '@hearth/schema';
import { type FormEvent, useState } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import { TextField } from '../settings/text-field.tsx';
import { type ChatOptionsErrors, chatOptionsValuesOf, validateChatOptions } from './chat-options-values.ts';
import { conversationStrings } from './conversation-strings.ts';

export interface ChatOptionsFormProps {
  initial: { systemPrompt: string; params: GenerationParams };
  /** The chat's model has a thinking setting (Anthropic, Gemini): its budget is offered. */
  offersThinking: boolean;
  onSave: (options: { systemPrompt: string; params: GenerationParams }) => Promise<void> | void;
}

/**
 * A chat's own options, over its model's: system prompt, temperature, max tokens and, where the model
 * thinks, its thinking budget. The same form serves a new chat before its first message.
 */
export function ChatOptionsForm({ initial, offersThinking, onSave }: ChatOptionsFormProps) {
  const s = useStrings(conversationStrings);
  const [values, setValues] = useState(() => chatOptionsValuesOf(initial));
  const [errors, setErrors] = useState<ChatOptionsErrors>({});
  const set = (field: keyof typeof values) => (value: string) => setValues((old) => ({ ...old, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateChatOptions(values, initial.params, { thinkingBudget: offersThinking });
    if (!result.success) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    void onSave({ systemPrompt: result.systemPrompt, params: result.params });
  };

  return (
    <form className="chat-options" onSubmit={onSubmit} noValidate aria-label={s.chatOptions}>
      <label>
        {s.systemPrompt}
        <textarea value={values.systemPrompt} onChange={(event) => set('systemPrompt')(event.target.value)} rows={4} />
      </label>
      <div className="field-row">
        <TextField
          label={s.temperature}
          value={values.temperature}
          onValue={set('temperature')}
          error={errors.temperature}
          inputMode="decimal"
          placeholder={s.modelsOwn}
        />
        <TextField
          label={s.maxTokens}
          value={values.maxTokens}
          onValue={set('maxTokens')}
          error={errors.maxTokens}
          inputMode="numeric"
          placeholder={s.modelsOwn}
        />
        {offersThinking && (
          <TextField
            label={s.thinkingBudget}
            value={values.thinkingBudget}
            onValue={set('thinkingBudget')}
            error={errors.thinkingBudget}
            inputMode="numeric"
            placeholder={s.modelsOwn}
          />
        )}
      </div>
      <button type="submit" className="button primary">
        {s.save}
      </button>
    </form>
  );
}
