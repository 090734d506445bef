import type { HlcString } from '@hearth/schema';
import { hlcWallMs } from './hlc.ts';

/** How far ahead of a receiver's wall clock a reading may be before it is refused. */
export const defaultMaxClockDriftMs = 5 * 60_000;

/** True when a reading is further in the future than a receiver accepts (a broken or hostile clock). */
export function isTooFarInFuture(options: { value: HlcString; nowMs: number; maxDriftMs?: number }): boolean {
  return hlcWallMs(options.value) - options.nowMs > (options.maxDriftMs ?? defaultMaxClockDriftMs);
}
