import { newModelConfig } from '@hearth/core';
import { type ModelConfig, type ModelConfigFields, modelConfigSchema } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { recordContext, type Storage } from './storage.ts';

/** Creates or updates a model configuration and its device-local API key in one transaction. */
export async function saveModelConfig(
  storage: Storage,
  input: { id?: string; fields: ModelConfigFields; apiKey: string },
): Promise<ModelConfig> {
  const { db } = storage;
  return db.transaction('rw', db.modelConfigs, db.secrets, async () => {
    const existing: ModelConfig | undefined = input.id ? await db.modelConfigs.get(input.id) : undefined;
    const draft = existing
      ? { ...existing, ...input.fields, updatedAt: storage.clock.tick() }
      : newModelConfig(recordContext(storage), input.fields);
    const config = modelConfigSchema.parse(draft);
    // Optional fields cleared in the form must disappear rather than keep their old value.
    if (input.fields.temperature === undefined) delete config.temperature;
    if (input.fields.maxTokens === undefined) delete config.maxTokens;
    await db.modelConfigs.put(config);
    if (input.apiKey.trim()) await db.secrets.put({ modelConfigId: config.id, apiKey: input.apiKey.trim() });
    else await db.secrets.delete(config.id);
    return config;
  });
}

/** Deletes a model configuration (a tombstone) and forgets its API key. */
export async function deleteModelConfig(storage: Storage, id: string): Promise<void> {
  const { db } = storage;
  await db.transaction('rw', db.modelConfigs, db.secrets, async () => {
    const config = await db.modelConfigs.get(id);
    if (!config) return;
    await db.modelConfigs.put({ ...config, deleted: true, updatedAt: storage.clock.tick() });
    await db.secrets.delete(id);
  });
}

/** The live model configurations, by name. */
export async function listModelConfigs(db: AppDatabase): Promise<ModelConfig[]> {
  const configs = await db.modelConfigs.filter((config) => !config.deleted).toArray();
  return configs.sort((a, b) => a.name.localeCompare(b.name));
}

/** One live model configuration. */
export async function getModelConfig(db: AppDatabase, id: string): Promise<ModelConfig | undefined> {
  const config = await db.modelConfigs.get(id);
  return config && !config.deleted ? config : undefined;
}

/** The API key stored on this device for a configuration, if any. */
export async function getApiKey(db: AppDatabase, modelConfigId: string): Promise<string | undefined> {
  return (await db.secrets.get(modelConfigId))?.apiKey;
}
