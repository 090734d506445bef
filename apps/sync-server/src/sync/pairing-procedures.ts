import { type DeviceCredentials, type PairingCode, redeemPairingRequestSchema } from '@hearth/schema';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { hashPairingCode, newPairingCode, pairingUrl } from './pairing-code.ts';
import { inputParser } from './parse-input.ts';
import { accountProcedure, deviceProcedure } from './procedures.ts';
import { SyncError } from './sync-error.ts';
import { syncDefaults } from './sync-options.ts';

/**
 * `pairing.create`: a one-time code (ten minutes) that lets a new device join this user, and a link
 * (`<origin>/#pair=<code>`) to open or show as a QR code. Only the code's hash is stored.
 */
export const createPairingProcedure = deviceProcedure.mutation(
  async ({ ctx }): Promise<PairingCode & { url: string }> => {
    const { store, now } = ctx.services;
    const code = newPairingCode();
    const expiresAt = now() + syncDefaults.pairingCodeTtlMs;
    await store.createPairingCode({ identity: ctx.identity, codeHash: hashPairingCode(code), expiresAt });
    return { code, expiresAt, url: pairingUrl({ origin: ctx.origin, code }) };
  },
);

/** `pairing.redeem`: the new device trades a code (once, before it expires) for its own token. */
export const redeemPairingProcedure = accountProcedure
  .input(inputParser({ schema: redeemPairingRequestSchema }))
  .mutation(async ({ ctx, input }): Promise<DeviceCredentials> => {
    const token = newDeviceToken();
    const identity = await ctx.services.store.redeemPairingCode({
      codeHash: hashPairingCode(input.code),
      deviceName: input.deviceName,
      tokenHash: hashSecret(token),
      nowMs: ctx.services.now(),
      clockId: input.clockId,
    });
    if (identity === undefined) {
      throw new SyncError(
        'not_found',
        'This pairing code is unknown, already used or expired. Create a new one on a signed-in device.',
      );
    }
    return { ...identity, token };
  });
