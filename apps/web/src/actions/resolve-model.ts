import type { Chat, ModelConfig } from '@hearth/schema';
import { getModelConfig, listModelConfigs } from '../db/model-configs-repository.ts';
import { getSetting } from '../db/settings-repository.ts';
import type { Storage } from '../db/storage.ts';

/** The model a chat talks to: its own choice, else the default, else the only one configured. */
export async function resolveModel(
  storage: Storage,
  chat: Pick<Chat, 'modelConfigId'> | undefined,
): Promise<ModelConfig | undefined> {
  const { db } = storage;
  if (chat?.modelConfigId) {
    const own = await getModelConfig(db, chat.modelConfigId);
    if (own) return own;
  }
  const defaultId = await getSetting(db, 'defaultModelConfigId');
  if (defaultId) {
    const fallback = await getModelConfig(db, defaultId);
    if (fallback) return fallback;
  }
  return (await listModelConfigs(db))[0];
}
