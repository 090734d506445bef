import type { RelayMetrics } from '../relay-contract.ts';

/** Relay metrics that remember what they were told, for assertions. */
export interface RecordingMetrics extends RelayMetrics {
  started: number;
  ended: number;
  bytes: number;
  firstByteSeconds: number[];
}

/** A fresh metrics recorder. */
export function recordingMetrics(): RecordingMetrics {
  const metrics: RecordingMetrics = {
    started: 0,
    ended: 0,
    bytes: 0,
    firstByteSeconds: [],
    streamStarted: () => {
      metrics.started += 1;
    },
    streamEnded: () => {
      metrics.ended += 1;
    },
    bytesRelayed: (count) => {
      metrics.bytes += count;
    },
    upstreamFirstByte: (seconds) => {
      metrics.firstByteSeconds.push(seconds);
    },
  };
  return metrics;
}
