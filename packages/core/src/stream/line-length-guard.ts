const LF = 10;
const CR = 13;

/** Watches the byte length of the line being received. */
export interface LineLengthGuard {
  /** The index in `bytes` where the current line passes the limit, or -1 when every line stays within it. */
  check(bytes: Uint8Array): number;
}

/**
 * Counts bytes since the last line break so that a line longer than `maxLineBytes` is caught before it is
 * decoded or buffered, however the network split it.
 */
export function createLineLengthGuard(maxLineBytes: number): LineLengthGuard {
  let lineBytes = 0;
  return {
    check(bytes) {
      const length = bytes.length;
      if (lineBytes + length <= maxLineBytes) {
        // No line can pass the limit within this chunk; only where the last line starts matters, and scanning
        // back from the end finds it at once in a normal stream, whose chunks end with a line break.
        let i = length - 1;
        while (i >= 0 && bytes[i] !== LF && bytes[i] !== CR) i--;
        lineBytes = i < 0 ? lineBytes + length : length - 1 - i;
        return -1;
      }
      for (let i = 0; i < length; i++) {
        const byte = bytes[i];
        if (byte === LF || byte === CR) lineBytes = 0;
        else if (++lineBytes > maxLineBytes) return i;
      }
      return -1;
    },
  };
}
