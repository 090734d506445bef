import type { HlcString } from '@hearth/schema';
import { parseHlc, serializeHlc } from '../clock/hlc.ts';
import type { HybridClock } from '../clock/hybrid-clock.ts';
import type { ImportGroup } from './import-group.ts';

/**
 * The clock an imported record is written with (docs/archive-format.md, "Clocks"). It always names this
 * device: the server refuses a push carrying another device's clock (`foreign_clock`), so an archived
 * clock cannot be written as it is. With `keep-time` it keeps the archived time and counter, so the
 * imported version orders where the original did: an edit made elsewhere after the export still wins,
 * and the same version arriving from the server ties by device id with identical content. A time ahead
 * of this device's wall clock (the server would refuse it as `clock_ahead`) and `now` take a fresh tick.
 * Either way this device's clock moves past the result, so a later local edit sorts after it.
 */
export function importedClock(options: {
  original: HlcString;
  clocks: ImportGroup['clocks'];
  clock: HybridClock;
  nowMs: number;
}): HlcString {
  const { clock } = options;
  const parsed = parseHlc(options.original);
  if (options.clocks === 'now' || !parsed.success || parsed.value.wallMs > options.nowMs) return clock.tick();
  const stamped = serializeHlc({ ...parsed.value, deviceId: clock.deviceId });
  clock.receive(stamped);
  return stamped;
}
