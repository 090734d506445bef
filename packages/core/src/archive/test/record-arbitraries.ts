import type { HlcString, SyncRecord } from '@hearth/schema';
import fc from 'fast-check';
import { serializeHlc } from '../../clock/hlc.ts';

/** Time-ordered ids, as the app writes them. */
export const idArb = fc.uuid({ version: 7 });

/** Clock values of a few devices. */
export const clockArb: fc.Arbitrary<HlcString> = fc
  .record({
    wallMs: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
    counter: fc.integer({ min: 0, max: 5000 }),
    deviceId: fc.constantFrom('laptop', 'phone', 'tablet_2'),
  })
  .map(serializeHlc);

const epochArb = fc.integer({ min: 0, max: 1_900_000_000_000 });

// Any text, lone surrogates, line breaks and NUL included: JSON escapes them, so a record stays one line.
const textArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

// JSON values as a file gives them back (no -0, no undefined); keys that cannot be kept are left out.
const jsonArb = fc
  .jsonValue({ maxDepth: 3 })
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown)
  .filter((value) => !JSON.stringify(value).includes('"__proto__"'));

/** Fields a newer app version might add; the `x` prefix keeps them clear of every known field. */
const unknownFieldsArb = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).map((key) => `x${key}`),
  jsonArb,
  { maxKeys: 3 },
);

const chatArb = fc
  .record({
    id: idArb,
    updatedAt: clockArb,
    title: textArb.map((text) => text.slice(0, 300)),
    systemPrompt: textArb,
    modelConfigId: fc.option(idArb, { nil: null }),
    params: fc.record({ temperature: fc.double({ min: 0, max: 2, noNaN: true }) }, { requiredKeys: [] }),
    pinned: fc.boolean(),
    forkedFrom: fc.option(fc.record({ chatId: idArb, messageId: idArb }), { nil: null }),
    shownLeafId: fc.option(idArb, { nil: null }),
    createdAt: epochArb,
    lastActivityAt: epochArb,
    extra: unknownFieldsArb,
    paramsExtra: unknownFieldsArb,
  })
  .map(
    ({ extra, paramsExtra, ...chat }): SyncRecord => ({
      table: 'chats',
      record: { ...extra, ...chat, params: { ...paramsExtra, ...chat.params }, deleted: false },
    }),
  );

const messageArb = fc
  .record({
    id: idArb,
    updatedAt: clockArb,
    chatId: idArb,
    role: fc.constantFrom('system', 'user', 'assistant'),
    content: textArb,
    reasoning: textArb,
    status: fc.constantFrom('queued', 'pending', 'streaming', 'done', 'stopped', 'error'),
    error: fc.option(fc.record({ code: fc.constant('network'), message: textArb }), { nil: null }),
    model: fc.option(textArb, { nil: null }),
    usage: fc.option(
      fc.record({ promptTokens: fc.nat(), completionTokens: fc.nat(), totalTokens: fc.nat(), deep: unknownFieldsArb }),
      { nil: null },
    ),
    createdAt: epochArb,
    feedback: fc.option(fc.record({ rating: fc.integer({ min: 1, max: 5 }), comment: textArb }), { nil: null }),
    parentId: fc.option(idArb, { nil: null }),
    connection: fc.constantFrom(null, 'direct', 'relay'),
    extra: unknownFieldsArb,
  })
  .map(
    ({ extra, ...message }): SyncRecord =>
      ({ table: 'messages', record: { ...extra, ...message, deleted: false } }) as SyncRecord,
  );

const modelConfigArb = fc
  .record({
    id: idArb,
    updatedAt: clockArb,
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name.trim().length > 0 && name === name.trim()),
    provider: fc.constantFrom('openai', 'ollama', 'custom'),
    baseUrl: fc.constantFrom('https://api.openai.com/v1', 'http://127.0.0.1:11434/v1'),
    modelId: fc.constantFrom('gpt-4o-mini', 'llama3'),
    headers: fc.constantFrom({}, { 'X-Title': 'Hearth' }),
    connection: fc.constantFrom('auto', 'direct', 'relay'),
    extra: unknownFieldsArb,
  })
  .map(
    ({ extra, ...config }): SyncRecord =>
      ({ table: 'modelConfigs', record: { ...extra, ...config, deleted: false } }) as SyncRecord,
  );

const settingArb = fc
  .record({ key: fc.constantFrom('defaultModelConfigId', 'futureSetting'), value: jsonArb, updatedAt: clockArb })
  .map((setting): SyncRecord => ({ table: 'settings', record: { ...setting, deleted: false } }));

const tombstoneArb = fc
  .record({ table: fc.constantFrom('chats', 'messages', 'modelConfigs'), id: idArb, updatedAt: clockArb })
  .map(({ table, ...rest }): SyncRecord => ({ table, record: { ...rest, deleted: true } }) as SyncRecord);

/** Any synced record this app version reads, with unknown fields at the top and nested. */
export const syncRecordArb: fc.Arbitrary<SyncRecord> = fc.oneof(
  chatArb,
  messageArb,
  modelConfigArb,
  settingArb,
  tombstoneArb,
);

/** Bytes cut into chunks at the given points, as a stream might deliver them. */
export async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  const points = [...new Set(cuts.map((cut) => Math.min(bytes.length, Math.max(0, cut))))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) yield bytes.slice(from, point);
    from = Math.max(from, point);
  }
}

/** Everything an async iterable yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
