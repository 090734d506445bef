import { acceptsThinkingBudget, presetById, presetOf } from '@hearth/core';
import { type ConnectionMode, type ModelConfig, type ModelConfigFields, modelConfigFieldsSchema } from '@hearth/schema';
import { formatHeaderLines, parseHeaderLines } from './header-lines.ts';

/** The model form exactly as typed: every field a string, so nothing the person typed is lost. */
export interface ModelFormValues {
  /** The id of the provider preset picked; the stored kind is the preset's. */
  preset: string;
  name: string;
  baseUrl: string;
  modelId: string;
  apiKey: string;
  headers: string;
  temperature: string;
  maxTokens: string;
  thinkingBudget: string;
  /** Empty: the provider's list, a known figure or an assumed one (core `contextWindowOf`). */
  contextWindow: string;
  connection: ConnectionMode;
}

export type ModelFormField = keyof ModelFormValues;
export type ModelFormErrors = Partial<Record<ModelFormField, string>>;

export type ModelFormResult =
  | { success: true; fields: ModelConfigFields }
  | { success: false; errors: ModelFormErrors };

/** The form's values for an existing configuration and its key. */
export function formValuesOf(config: ModelConfig, apiKey: string): ModelFormValues {
  return {
    preset: presetOf(config).id,
    name: config.name,
    baseUrl: config.baseUrl,
    modelId: config.modelId,
    apiKey,
    headers: formatHeaderLines(config.headers),
    temperature: config.temperature === undefined ? '' : String(config.temperature),
    maxTokens: config.maxTokens === undefined ? '' : String(config.maxTokens),
    thinkingBudget: config.thinkingBudget === undefined ? '' : String(config.thinkingBudget),
    contextWindow: config.contextWindow === undefined ? '' : String(config.contextWindow),
    connection: config.connection,
  };
}

/** Checks the form against the model-config schema, giving each problem to the field it belongs to. */
export function validateModelForm(values: ModelFormValues): ModelFormResult {
  const errors: ModelFormErrors = {};
  const headers = parseHeaderLines(values.headers);
  if (!headers.success) errors.headers = headers.error;
  const temperature = optionalNumber(values.temperature);
  if (Number.isNaN(temperature)) errors.temperature = 'Enter a number, or leave it empty';
  const maxTokens = optionalNumber(values.maxTokens);
  if (Number.isNaN(maxTokens)) errors.maxTokens = 'Enter a whole number, or leave it empty';
  const provider = presetById(values.preset).provider;
  // A budget typed for Anthropic stays in the form when another provider is picked, but is not saved with it.
  const thinkingBudget = acceptsThinkingBudget(provider) ? optionalNumber(values.thinkingBudget) : undefined;
  if (Number.isNaN(thinkingBudget)) errors.thinkingBudget = 'Enter a whole number, or leave it empty';
  const contextWindow = optionalNumber(values.contextWindow);
  if (Number.isNaN(contextWindow)) errors.contextWindow = 'Enter a whole number of tokens, or leave it empty';

  const parsed = modelConfigFieldsSchema.safeParse({
    name: values.name,
    provider,
    baseUrl: values.baseUrl,
    modelId: values.modelId,
    headers: headers.success ? headers.value : {},
    connection: values.connection,
    ...(temperature === undefined || Number.isNaN(temperature) ? {} : { temperature }),
    ...(maxTokens === undefined || Number.isNaN(maxTokens) ? {} : { maxTokens }),
    ...(thinkingBudget === undefined || Number.isNaN(thinkingBudget) ? {} : { thinkingBudget }),
    ...(contextWindow === undefined || Number.isNaN(contextWindow) ? {} : { contextWindow }),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path[0];
      const field = path === 'provider' ? 'preset' : path;
      if (typeof field === 'string' && isFormField(field) && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { success: false, errors };
  return { success: true, fields: parsed.data };
}

function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

const formFields: readonly string[] = [
  'preset',
  'name',
  'baseUrl',
  'modelId',
  'apiKey',
  'headers',
  'temperature',
  'maxTokens',
  'thinkingBudget',
  'contextWindow',
  'connection',
];
function isFormField(name: string): name is ModelFormField {
  return formFields.includes(name);
}
