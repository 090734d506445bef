import { describe, expect, it } from 'vitest';
import { applyPoke } from './apply-poke.ts';
import { recordRef } from './record-ref.ts';
import { chatChange, clockAt, testSyncContext } from './test/index.ts';

describe('applyPoke', () => {
  const change = chatChange({ updatedAt: clockAt(5, 'other'), title: 'from the poke' });
  const seen: string[] = [];
  const context = () => {
    const ctx = testSyncContext({ clock: { receive: (value) => seen.push(value) } });
    return ctx;
  };

  it('applies changes that start at this device’s cursor and moves the cursor, without a pull', async () => {
    const ctx = context();
    await ctx.store.transaction((access) => access.writeSyncState({ cursor: 7 }));
    const outcome = await applyPoke(ctx, { cursor: 8, changes: { from: 7, records: [change] } });
    expect(outcome).toEqual({ kind: 'applied', applied: 1 });
    expect(ctx.store.record(recordRef(change))).toEqual(change);
    expect((await ctx.store.syncState()).cursor).toBe(8);
    expect(seen).toContain(change.record.updatedAt);
  });

  it('asks for a pull when the changes start past the cursor, or carry nothing', async () => {
    const ctx = context();
    await ctx.store.transaction((access) => access.writeSyncState({ cursor: 5 }));
    expect(await applyPoke(ctx, { cursor: 8, changes: { from: 7, records: [change] } })).toEqual({ kind: 'behind' });
    expect(await applyPoke(ctx, { cursor: 8 })).toEqual({ kind: 'behind' });
    expect(ctx.store.records()).toEqual([]);
    expect((await ctx.store.syncState()).cursor).toBe(5);
  });

  it('does nothing for a poke this device has already caught up with (its own push, a repeat)', async () => {
    const ctx = context();
    await ctx.store.transaction((access) => access.writeSyncState({ cursor: 8 }));
    expect(await applyPoke(ctx, { cursor: 8, changes: { from: 7, records: [change] } })).toEqual({ kind: 'current' });
    expect(ctx.store.records()).toEqual([]);
  });

  it('keeps a newer local version against the poked one', async () => {
    const ctx = context();
    const local = { ...change, record: { ...change.record, updatedAt: clockAt(9), title: 'mine' } };
    await ctx.store.writeLocal(local);
    await ctx.store.transaction((access) => access.writeSyncState({ cursor: 7 }));
    await applyPoke(ctx, { cursor: 8, changes: { from: 7, records: [change] } });
    expect(ctx.store.record(recordRef(change))?.record).toMatchObject({ title: 'mine' });
    expect(ctx.store.outbox()).toHaveLength(1);
  });

  it('leaves a resync alone: the pull from 0 must finish first', async () => {
    const ctx = context();
    await ctx.store.transaction((access) => access.writeSyncState({ cursor: 0, resyncing: true }));
    expect(await applyPoke(ctx, { cursor: 1, changes: { from: 0, records: [change] } })).toEqual({ kind: 'behind' });
  });
});
