import { z } from 'zod/mini';
import { deviceIdSchema } from './hlc.ts';

const deviceNameSchema = z.string().check(z.trim(), z.minLength(1, 'Name this device'), z.maxLength(100));

/**
 * The device part of the clocks this device writes (docs/sync-protocol.md, "Clocks bound to devices"):
 * declared when the device is created, so no other device of the user can ever push a clock with it.
 */
const clockIdField = z.optional(deviceIdSchema);

/** A device as listed in settings. */
export const syncDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.int(),
  lastSeenAt: z.nullable(z.int()),
  current: z.boolean(),
});
export type SyncDevice = z.infer<typeof syncDeviceSchema>;

/** A new device's credentials: the token is shown once and stored only hashed on the server. */
export const deviceCredentialsSchema = z.object({
  userId: z.string(),
  deviceId: z.string(),
  token: z.string(),
});
export type DeviceCredentials = z.infer<typeof deviceCredentialsSchema>;

/** Asks for a one-time pairing code for a new device. */
export const pairingCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.int(),
});
export type PairingCode = z.infer<typeof pairingCodeSchema>;

/** Redeems a pairing code on the new device. */
export const redeemPairingRequestSchema = z.object({
  code: z.string().check(z.trim(), z.minLength(4), z.maxLength(64)),
  deviceName: deviceNameSchema,
  clockId: clockIdField,
});
export type RedeemPairingRequest = z.infer<typeof redeemPairingRequestSchema>;

/** Self-service sign-up (when the operator turned it on). */
export const signUpRequestSchema = z.object({ deviceName: deviceNameSchema, clockId: clockIdField });
export type SignUpRequest = z.infer<typeof signUpRequestSchema>;

/** Revokes one of the user's devices. */
export const revokeDeviceRequestSchema = z.object({ deviceId: z.string().check(z.minLength(1), z.maxLength(100)) });
export type RevokeDeviceRequest = z.infer<typeof revokeDeviceRequestSchema>;
