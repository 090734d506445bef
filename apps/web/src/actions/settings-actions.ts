import type { LocalePreference, ModelConfig, ModelConfigFields, ThemePreference } from '@hearth/schema';
import { deleteModelConfig, listModelConfigs, saveModelConfig } from '../db/model-configs-repository.ts';
import { setSetting } from '../db/settings-repository.ts';
import type { Storage } from '../db/storage.ts';

/**
 * Saves a new or edited model configuration with its API key. The first model saved becomes the
 * default, so a new person can chat straight away.
 */
export async function saveModel(
  storage: Storage,
  input: { id?: string; fields: ModelConfigFields; apiKey: string },
): Promise<ModelConfig> {
  const first = (await listModelConfigs(storage.db)).length === 0;
  const saved = await saveModelConfig(storage, input);
  if (first) await setSetting(storage, 'defaultModelConfigId', saved.id);
  return saved;
}

/** Deletes a model configuration and its API key. */
export async function removeModel(storage: Storage, id: string): Promise<void> {
  await deleteModelConfig(storage, id);
}

/** Makes a model the one new chats use. */
export async function makeDefaultModel(storage: Storage, id: string): Promise<void> {
  await setSetting(storage, 'defaultModelConfigId', id);
}

/** Chooses the theme (or follows the system). */
export async function chooseTheme(storage: Storage, theme: ThemePreference): Promise<void> {
  await setSetting(storage, 'theme', theme);
}

/** Chooses the language (or follows the system). */
export async function chooseLocale(storage: Storage, locale: LocalePreference): Promise<void> {
  await setSetting(storage, 'locale', locale);
}

/** Turns generated chat titles on or off, on every device of the person. */
export async function chooseGeneratedTitles(storage: Storage, on: boolean): Promise<void> {
  await setSetting(storage, 'generateTitles', on);
}
