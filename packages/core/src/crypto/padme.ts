/**
 * PADME padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and Communication with
 * PURBs", 2019): a length L is rounded up so that only its top ~log2(log2(L)) bits may be non-zero. The
 * overhead is at most ~12% (less for larger sizes) and a padded length reveals O(log log L) bits about L,
 * instead of all of them: a one-word title and a ten-word title encrypt to the same size.
 */
export function padmeLength(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`Not a length: ${length}`);
  if (length < 2) return length;
  const exponent = Math.floor(Math.log2(length));
  const sizeBits = Math.floor(Math.log2(exponent)) + 1;
  const lastBits = exponent - sizeBits;
  const mask = 2 ** lastBits - 1;
  // (length + mask) & ~mask, written with arithmetic so lengths past 2^31 stay exact.
  return Math.ceil(length / (mask + 1)) * (mask + 1);
}

/**
 * `bytes` followed by one 0x80 byte and zeros up to the PADME length of the result (ISO/IEC 7816-4
 * padding), so the padding is removed exactly whatever the content ends with.
 */
export function pad(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const padded = new Uint8Array(padmeLength(bytes.length + 1));
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  return padded;
}

/** The content `pad` was given; throws when `padded` does not end in valid padding. */
export function unpad(padded: Uint8Array): Uint8Array {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 0x80) throw new Error('The padding is damaged');
  return padded.subarray(0, end);
}
