import { describe, expect, it } from 'vitest';
import { recordRef } from './record-ref.ts';
import { chatChange, clockAt, MemoryStore, settingChange } from './test/index.ts';

describe('recordLocalChanges (the outbox)', () => {
  it('keeps one entry per record however often it changes, in its original place', async () => {
    const store = new MemoryStore();
    const first = chatChange({ updatedAt: clockAt(1) });
    const second = chatChange({ updatedAt: clockAt(2) });
    await store.writeLocal(first);
    await store.writeLocal(second);
    for (const at of [3, 4, 5])
      await store.writeLocal({ ...first, record: { ...first.record, updatedAt: clockAt(at) } });
    expect(store.outbox()).toEqual([recordRef(first), recordRef(second)]);
    expect(store.record(recordRef(first))?.record.updatedAt).toBe(clockAt(5));
  });

  it('stores device-local settings without queueing them for push', async () => {
    const store = new MemoryStore();
    const theme = settingChange('theme');
    const synced = settingChange('defaultModelConfigId');
    await store.writeLocal(theme, synced);
    expect(store.records()).toHaveLength(2);
    expect(store.outbox()).toEqual([recordRef(synced)]);
  });
});
