import { type DeviceCredentials, signUpRequestSchema, syncLimits, syncProtocolVersion } from '@hearth/schema';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { inputParser } from './parse-input.ts';
import { accountProcedure, publicProcedure } from './procedures.ts';
import { SyncError } from './sync-error.ts';

/** `account.signUp`: a new user with this device as its first, when the operator allows sign-up. */
export const signUpProcedure = accountProcedure
  .input(inputParser({ schema: signUpRequestSchema }))
  .mutation(async ({ ctx, input }): Promise<DeviceCredentials> => {
    const { store, options, now } = ctx.services;
    if (!options.signup) {
      throw new SyncError(
        'signup_disabled',
        'This sync server does not accept new accounts. Ask its operator for a device token, or pair this ' +
          'device from one that is already signed in.',
      );
    }
    const token = newDeviceToken();
    const identity = await store.createUser({
      deviceName: input.deviceName,
      tokenHash: hashSecret(token),
      nowMs: now(),
      clockId: input.clockId,
    });
    return { ...identity, token };
  });

/** `server.info`: what a client needs before signing in (no token needed). */
export const serverInfoProcedure = publicProcedure.query(({ ctx }) => ({
  protocolVersion: syncProtocolVersion,
  signup: ctx.services.options.signup,
  limits: syncLimits,
  maxClockAheadMs: ctx.services.options.maxClockAheadMs,
}));
