import { type GenerationParams, maxTokensSchema, temperatureSchema, thinkingBudgetSchema } from '@hearth/schema';

/** A chat's options as typed in its form: every number a string, so nothing typed is lost. */
export interface ChatOptionsValues {
  systemPrompt: string;
  temperature: string;
  maxTokens: string;
  thinkingBudget: string;
}

type NumberField = 'temperature' | 'maxTokens' | 'thinkingBudget';
export type ChatOptionsErrors = Partial<Record<NumberField, string>>;

export type ChatOptionsResult =
  | { success: true; systemPrompt: string; params: GenerationParams }
  | { success: false; errors: ChatOptionsErrors };

/** The form's values for a chat's (or a new chat's) options. */
export function chatOptionsValuesOf(options: { systemPrompt: string; params: GenerationParams }): ChatOptionsValues {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    systemPrompt: options.systemPrompt,
    temperature: text(options.params.temperature),
    maxTokens: text(options.params.maxTokens),
    thinkingBudget: text(options.params.thinkingBudget),
  };
}

const schemas = { temperature: temperatureSchema, maxTokens: maxTokensSchema, thinkingBudget: thinkingBudgetSchema };

/**
 * Checks the typed options against the params schemas; an empty number means the model's own setting. The
 * params the form does not show (a newer version's, or the thinking budget where the model has none) are
 * kept from `previous`, so saving the form never drops them.
 */
export function validateChatOptions(
  values: ChatOptionsValues,
  previous: GenerationParams,
  shown: { thinkingBudget: boolean },
): ChatOptionsResult {
  const errors: ChatOptionsErrors = {};
  const params: GenerationParams = { ...previous };
  const fields: NumberField[] = shown.thinkingBudget
    ? ['temperature', 'maxTokens', 'thinkingBudget']
    : ['temperature', 'maxTokens'];
  for (const field of fields) {
    const text = values[field].trim();
    delete params[field];
    if (text === '') continue;
    const parsed = schemas[field].safeParse(Number(text));
    if (parsed.success) params[field] = parsed.data;
    else errors[field] = parsed.error.issues[0]?.message ?? 'Enter a number, or leave it empty';
  }
  if (Object.keys(errors).length > 0) return { success: false, errors };
  return { success: true, systemPrompt: values.systemPrompt, params };
}
