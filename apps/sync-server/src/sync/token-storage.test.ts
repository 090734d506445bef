import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filesContaining, listFiles } from '../../test/temp-dir.ts';
import { bearerToken, hashSecret } from './device-token.ts';
import { type HttpSync, startHttpSync, syncClient } from './test/http-sync.ts';

describe('device tokens', () => {
  it('are never stored in plain text: the database file and its WAL hold only their SHA-256', async () => {
    let sync: HttpSync | undefined = await startHttpSync({ env: { SYNC_SIGNUP: '1' } });
    try {
      const anonymous = syncClient({ url: sync.url });
      const first = await anonymous.account.signUp.mutate({ deviceName: 'laptop' });
      const client = syncClient({ url: sync.url, token: first.token });
      const { code } = await client.pairing.create.mutate();
      const second = await anonymous.pairing.redeem.mutate({ code, deviceName: 'phone' });
      const tokens = [first.token, second.token, code];
      const dataDir = sync.dataDir;
      // While running (WAL not yet checkpointed) and after closing (checkpointed into the main file).
      expect(listFiles(dataDir).some((file) => file.endsWith('-wal'))).toBe(true);
      expect(filesContaining(dataDir, tokens)).toEqual([]);
      await sync.close();
      sync = undefined;
      expect(filesContaining(dataDir, tokens)).toEqual([]);
    } finally {
      await sync?.close();
    }
  });

  it('are stored as SHA-256 hex, which is what authentication looks up', async () => {
    const sync = await startHttpSync();
    try {
      const { token, identity } = await sync.newUser();
      const stored = sync.running.server.storage?.db
        .prepare('SELECT token_hash FROM sync_devices WHERE id = ?')
        .pluck()
        .get(identity.deviceId);
      expect(stored).toBe(hashSecret(token));
      const file = readFileSync(`${sync.dataDir}/hearth.sqlite`).toString('latin1');
      expect(file.includes(token)).toBe(false);
    } finally {
      await sync.close();
    }
  });

  it('are read from a well-formed Bearer header only', () => {
    const token = 'k3r-jnHec8fB5VHK1HLGpTY1fm9R3fEKr-7Lxp4YNOU';
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer  ${token} `)).toBe(token);
    expect(bearerToken(`Basic ${token}`)).toBeUndefined();
    expect(bearerToken(`Bearer ${token} extra`)).toBeUndefined();
    expect(bearerToken('Bearer short')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
