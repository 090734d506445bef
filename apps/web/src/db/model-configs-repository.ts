import { newModelConfig } from '@hearth/core';
import { type ModelConfig, type ModelConfigFields, modelConfigSchema } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { isLive, nextVersion, tombstoneFor } from './record-versions.ts';
import { recordContext, type Storage } from './storage.ts';

/** Creates or updates a model configuration and its device-local API key in one transaction. */
export async function saveModelConfig(
  storage: Storage,
  input: { id?: string; fields: ModelConfigFields; apiKey: string },
): Promise<ModelConfig> {
  const { db } = storage;
  return db.transaction('rw', db.modelConfigs, db.secrets, async () => {
    const existing = input.id ? await getModelConfig(db, input.id) : undefined;
    const draft: ModelConfig = existing
      ? { ...existing, ...input.fields, updatedAt: storage.clock.tick() }
      : newModelConfig(recordContext(storage), input.fields);
    // Optional fields cleared in the form must disappear rather than keep their old value.
    if (input.fields.temperature === undefined) delete draft.temperature;
    if (input.fields.maxTokens === undefined) delete draft.maxTokens;
    const config = nextVersion(modelConfigSchema, existing, draft);
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
    if (!isLive(await db.modelConfigs.get(id))) return;
    await db.modelConfigs.put(tombstoneFor(id, storage.clock.tick()));
    await db.secrets.delete(id);
  });
}

/** The live model configurations, by name. */
export async function listModelConfigs(db: AppDatabase): Promise<ModelConfig[]> {
  const configs = (await db.modelConfigs.toArray()).filter(isLive);
  return configs.sort((a, b) => a.name.localeCompare(b.name));
}

/** One live model configuration. */
export async function getModelConfig(db: AppDatabase, id: string): Promise<ModelConfig | undefined> {
  const config = await db.modelConfigs.get(id);
  return isLive(config) ? config : undefined;
}

/** The API key stored on this device for a configuration, if any. */
export async function getApiKey(db: AppDatabase, modelConfigId: string): Promise<string | undefined> {
  return (await db.secrets.get(modelConfigId))?.apiKey;
}
