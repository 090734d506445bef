// Draws the app's icons as PNG files with nothing but Node: a warm hearth flame on the app's green.
// Run after changing the design: node apps/web/scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const green = [0x1f, 0x6f, 0x5c];
const ember = [0xf4, 0xb8, 0x60];
const core = [0xfb, 0xfa, 0xf8];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const at = y * (size * 4 + 1) + 1 + x * 4;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
      raw[at + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A flame (a teardrop): a circle whose top narrows to a point, in units of `scale`, centred on (0, 0).
function inFlame(x, y, scale) {
  const u = x / scale;
  const v = y / scale;
  const radius = 0.22;
  const centre = 0.12;
  const height = 0.55;
  if (v >= centre) return u * u + (v - centre) ** 2 <= radius ** 2;
  const halfWidth = radius * (1 - (centre - v) / height);
  return halfWidth > 0 && Math.abs(u) <= halfWidth;
}

function icon(size, { maskable }) {
  // Maskable icons keep their drawing inside the central 80% safe zone and fill the whole square.
  const scale = size * (maskable ? 0.8 : 1);
  const samples = 4;
  return png(size, (px, py) => {
    let flame = 0;
    let inner = 0;
    let inside = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const x = px + (sx + 0.5) / samples - size / 2;
        const y = py + (sy + 0.5) / samples - size / 2;
        const r = Math.hypot(x, y);
        if (maskable || r <= size * 0.48) inside++;
        if (inFlame(x, y - scale * 0.04, scale)) flame++;
        if (inFlame(x * 2.2, (y - scale * 0.16) * 2.2, scale)) inner++;
      }
    }
    const n = samples * samples;
    const color = inner > 0 ? mix(ember, core, inner / n) : mix(green, ember, flame / n);
    return [...color, Math.round((inside / n) * 255)];
  });
}

function mix(a, b, t) {
  return a.map((value, i) => Math.round(value + (b[i] - value) * t));
}

const out = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, { maskable: false }));
writeFileSync(new URL('icon-512.png', out), icon(512, { maskable: false }));
writeFileSync(new URL('icon-maskable-512.png', out), icon(512, { maskable: true }));
writeFileSync(new URL('apple-touch-icon-180.png', out), icon(180, { maskable: true }));
console.log('icons written');
