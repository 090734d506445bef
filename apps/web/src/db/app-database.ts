import type { Chat, Message, ModelConfig, ModelSecret, Setting } from '@hearth/schema';
import { Dexie, type EntityTable } from 'dexie';
import { type OutboxEntry, outboxMiddleware } from './outbox-middleware.ts';
import { defineSchemaVersions } from './schema-versions.ts';

/** Facts about this device that never sync: its id. */
export interface DeviceMeta {
  key: 'device';
  deviceId: string;
}

/** The app's IndexedDB database. Every conversation lives here first. */
export class AppDatabase extends Dexie {
  chats!: EntityTable<Chat, 'id'>;
  messages!: EntityTable<Message, 'id'>;
  modelConfigs!: EntityTable<ModelConfig, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  /** Device-local: API keys never leave this table for the network. */
  secrets!: EntityTable<ModelSecret, 'modelConfigId'>;
  /** Device-local facts. */
  meta!: EntityTable<DeviceMeta, 'key'>;
  /** Records changed on this device and not yet pushed. */
  outbox!: EntityTable<OutboxEntry, 'key'>;
  /** The sync engine's own state: cursor, mutation counter, batch in flight, account. */
  syncState!: EntityTable<{ key: string; value: unknown }, 'key'>;

  constructor(name = 'hearth', options: ConstructorParameters<typeof Dexie>[1] = {}) {
    super(name, options);
    defineSchemaVersions(this);
    this.use(outboxMiddleware);
  }
}
