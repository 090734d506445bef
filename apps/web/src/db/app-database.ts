import type {
  Chat,
  McpSecret,
  Message,
  ModelConfig,
  ModelSecret,
  Setting,
  SettingTombstone,
  Tombstone,
  WireRecord,
} from '@hearth/schema';
import { Dexie, type EntityTable } from 'dexie';
import type { BlobUpload, StoredBlob } from './blob-store.ts';
import { type OutboxEntry, outboxMiddleware } from './outbox-middleware.ts';
import { type PinnedChatEntry, pinnedChatsIndex } from './pinned-chats-index.ts';
import { defineSchemaVersions } from './schema-versions.ts';
import { type SearchDirtyMark, searchDirtyMarks } from './search-dirty-marks.ts';

/** Facts about this device that never sync: its id. */
export interface DeviceMeta {
  key: 'device';
  deviceId: string;
}

/** A record as stored: live, or a tombstone that keeps only its identity and clock (deletes forget). */
export type Stored<T> = T | Tombstone;

/**
 * A version written by a newer app that this one cannot read (docs/records.md): kept whole, merged by
 * clock, never shown or pushed, released into its table once the app understands it.
 */
export interface HeldRecord {
  /** `<table>\u0000<key>`, like the outbox's. */
  key: string;
  change: WireRecord;
}

/** One message in the search index, under a key that sorts by its creation time. */
export interface SearchEntry {
  key: string;
  messageId: string;
  terms: string[];
}

/** The search index's own state: the tokenizer version its entries were made with. */
export interface SearchState {
  key: 'index';
  version: number;
}

/** The app's IndexedDB database. Every conversation lives here first. */
export class AppDatabase extends Dexie {
  chats!: EntityTable<Stored<Chat>, 'id'>;
  messages!: EntityTable<Stored<Message>, 'id'>;
  modelConfigs!: EntityTable<Stored<ModelConfig>, 'id'>;
  settings!: EntityTable<Setting | SettingTombstone, 'key'>;
  /** Device-local: API keys never leave this table for the network. */
  secrets!: EntityTable<ModelSecret, 'modelConfigId'>;
  /** Device-local facts. */
  meta!: EntityTable<DeviceMeta, 'key'>;
  /** Records changed on this device and not yet pushed. */
  outbox!: EntityTable<OutboxEntry, 'key'>;
  /** The sync engine's own state: cursor, mutation counter, batch in flight, account. */
  syncState!: EntityTable<{ key: string; value: unknown }, 'key'>;
  /** Records from a newer app version that this one cannot read yet. */
  held!: EntityTable<HeldRecord, 'key'>;
  /** Device-local index: which chats are pinned (pinned-chats-index.ts). */
  pinnedChats!: EntityTable<PinnedChatEntry, 'id'>;
  /** Device-local: attachment bytes by content hash (blob-store.ts). */
  blobs!: EntityTable<StoredBlob, 'hash'>;
  /** Device-local: blobs written here that the server may not have yet. */
  blobUploads!: EntityTable<BlobUpload, 'hash'>;
  /** Device-local: MCP servers' tokens and headers, never synced or exported. */
  mcpSecrets!: EntityTable<McpSecret, 'mcpServerId'>;
  /** Device-local search index: each live message's terms (search/search-index-writer.ts). */
  searchEntries!: EntityTable<SearchEntry, 'key'>;
  /** Messages written since they were indexed (search-dirty-marks.ts). */
  searchDirty!: EntityTable<SearchDirtyMark, 'id'>;
  /** Which tokenizer version built the search index. */
  searchState!: EntityTable<SearchState, 'key'>;

  constructor(name = 'hearth', options: ConstructorParameters<typeof Dexie>[1] = {}) {
    super(name, options);
    defineSchemaVersions(this);
    this.use(outboxMiddleware);
    this.use(pinnedChatsIndex);
    this.use(searchDirtyMarks);
  }
}
