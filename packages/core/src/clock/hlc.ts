import { type HlcString, hlcSchema } from '@hearth/schema';

/** A hybrid logical clock reading: wall-clock millis, a counter for events in the same milli, a device id. */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly deviceId: string;
}

const wallDigits = 15;
const counterDigits = 6;
/** The largest counter that fits the fixed-width encoding; past it the clock borrows the next milli. */
export const maxHlcCounter = 36 ** counterDigits - 1;

/** Encodes a reading so that string order equals clock order (see hlcSchema). */
export function serializeHlc(hlc: Hlc): HlcString {
  const wall = String(hlc.wallMs).padStart(wallDigits, '0');
  const counter = hlc.counter.toString(36).padStart(counterDigits, '0');
  return `${wall}-${counter}-${hlc.deviceId}`;
}

export type HlcParseResult = { success: true; value: Hlc } | { success: false; error: string };

/** Decodes a serialized reading, refusing anything that is not exactly our format. */
export function parseHlc(value: string): HlcParseResult {
  if (!hlcSchema.safeParse(value).success) return { success: false, error: `Not a clock value: ${value.slice(0, 80)}` };
  const [wall = '', counter = '', ...device] = value.split('-');
  return {
    success: true,
    value: { wallMs: Number(wall), counter: Number.parseInt(counter, 36), deviceId: device.join('-') },
  };
}

/** Orders two serialized readings: wall time, then counter, then device id, the same on every device. */
export function compareHlc(a: HlcString, b: HlcString): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The wall-clock millis of a serialized reading, without a full parse. */
export function hlcWallMs(value: HlcString): number {
  return Number(value.slice(0, wallDigits));
}
