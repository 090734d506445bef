import type { DeviceId } from '@hearth/schema';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random 16-character device id (about 82 bits), the clock's tiebreak between devices. */
export function newDeviceId(): DeviceId {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}
