import { idSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { newDeviceId } from './device-id.ts';
import { uuidV7 } from './uuid-v7.ts';

describe('uuidV7', () => {
  it('makes valid version-7 ids that carry their millisecond', () => {
    const id = uuidV7(0x0123456789ab);
    expect(idSchema.safeParse(id).success).toBe(true);
    expect(id.replace(/-/g, '').slice(0, 12)).toBe('0123456789ab');
  });

  it('sorts by creation, even many in the same millisecond and when the clock steps back', () => {
    const ids = [
      ...Array.from({ length: 5000 }, () => uuidV7(1_700_000_000_000)),
      ...Array.from({ length: 10 }, () => uuidV7(1_600_000_000_000)),
      uuidV7(1_800_000_000_000),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('newDeviceId', () => {
  it('is a random 16-character id', () => {
    const ids = new Set(Array.from({ length: 100 }, newDeviceId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{16}$/);
  });
});
