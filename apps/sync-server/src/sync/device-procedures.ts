import { revokeDeviceRequestSchema, type SyncDevice } from '@hearth/schema';
import { inputParser } from './parse-input.ts';
import { deviceProcedure } from './procedures.ts';
import { SyncError } from './sync-error.ts';

/** `devices.list`: the user's devices that are not revoked, the caller's own marked `current`. */
export const listDevicesProcedure = deviceProcedure.query(async ({ ctx }): Promise<SyncDevice[]> => {
  const devices = await ctx.services.store.listDevices({ userId: ctx.identity.userId });
  return devices.map((device) => ({ ...device, current: device.id === ctx.identity.deviceId }));
});

/**
 * `devices.revoke`: signs one of the user's devices out; its token stops working at once and its live
 * channel ends. A device of another user is answered exactly like an unknown one.
 */
export const revokeDeviceProcedure = deviceProcedure
  .input(inputParser({ schema: revokeDeviceRequestSchema }))
  .mutation(async ({ ctx, input }): Promise<{ deviceId: string }> => {
    const { store, hub, now } = ctx.services;
    const { userId } = ctx.identity;
    const revoked = await store.revokeDevice({ userId, deviceId: input.deviceId, nowMs: now() });
    if (!revoked) {
      throw new SyncError('not_found', 'This account has no such device (or it was already revoked).', {
        deviceId: input.deviceId,
      });
    }
    hub.revoke(userId, input.deviceId);
    return { deviceId: input.deviceId };
  });
