/** An image the fake found in a request: what it was said to be and how many bytes it decoded to. */
export interface SeenImage {
  mediaType: string;
  bytes: number;
}

/** Why an image in a request is refused; each API words these in its own way. */
export type ImageProblem = 'media_type' | 'base64' | 'mismatch';

/** The image types the vision APIs take. */
export const imageMediaTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

// What each type's bytes begin with, so an image labelled with the wrong type is caught as the APIs catch it.
const signatures: Record<(typeof imageMediaTypes)[number], (bytes: Buffer) => boolean> = {
  'image/png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  'image/gif': (bytes) => bytes.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (bytes) =>
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The type whose signature `bytes` carry, if any. */
export function sniffImageType(bytes: Buffer): string | undefined {
  return imageMediaTypes.find((type) => signatures[type](bytes));
}

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes an image sent in base64 as `mediaType`, checking the type, the encoding and the bytes. */
export function decodeImage(
  mediaType: string,
  base64: string,
): { success: true; value: SeenImage } | { success: false; error: ImageProblem; sniffed?: string } {
  if (!(imageMediaTypes as readonly string[]).includes(mediaType)) return { success: false, error: 'media_type' };
  if (base64.length === 0 || !base64Pattern.test(base64)) return { success: false, error: 'base64' };
  const bytes = Buffer.from(base64, 'base64');
  const sniffed = sniffImageType(bytes);
  if (sniffed !== mediaType)
    return sniffed ? { success: false, error: 'mismatch', sniffed } : { success: false, error: 'mismatch' };
  return { success: true, value: { mediaType, bytes: bytes.length } };
}

/** What the fake's echo says it saw, so a test can tell the image arrived whole: `[image/png, 68 bytes]`. */
export function seenImageText(image: SeenImage): string {
  return `[${image.mediaType}, ${image.bytes} bytes]`;
}
