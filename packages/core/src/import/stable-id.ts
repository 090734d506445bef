import type { Id } from '@hearth/schema';
import { sha256 } from './sha-256.ts';

const encoder = new TextEncoder();
const maxMs = 2 ** 48 - 1;

/**
 * A UUIDv7 that is the same every time for the same key: the 48-bit time from `timeMs` (so imported
 * records sort by when they were written, like every other id), the version and variant bits, and the
 * other 74 bits from SHA-256 of the key. Two different keys get one id only if they have the same
 * millisecond and the same 74 hash bits: for n records written in one millisecond the odds are about
 * n² / 2^75 (one in 38 billion for a million records all in one millisecond).
 */
export function stableId(timeMs: number, key: string): Id {
  const ms = Math.min(maxMs, Math.max(0, Math.floor(Number.isFinite(timeMs) ? timeMs : 0)));
  const hash = sha256(encoder.encode(key));
  const bytes = new Uint8Array(16);
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes.set(hash.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
