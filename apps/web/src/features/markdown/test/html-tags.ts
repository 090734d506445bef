// Reads the elements out of react-dom/server markup, for tests. React always quotes attribute values
// with " and escapes < in text, so every "<" in its output starts a tag; tagsOf checks that it
// understood every one of them, so a tag the pattern could not read fails the test instead of
// slipping past it.

export type Tag = { name: string; attributes: Map<string, string> };

const openingTag = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g;
const closingTag = /<\/[a-zA-Z][a-zA-Z0-9:-]*\s*>/g;
const attribute = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, named: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] ?? '';
  });
}

/** Every opening tag in the markup, with its attributes decoded. */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(openingTag)) {
    const attributes = new Map<string, string>();
    for (const pair of (match[2] ?? '').matchAll(attribute)) {
      attributes.set((pair[1] ?? '').toLowerCase(), decodeEntities(pair[2] ?? ''));
    }
    tags.push({ name: match[1] ?? '', attributes });
  }
  const closing = html.match(closingTag)?.length ?? 0;
  const lessThan = html.split('<').length - 1;
  if (lessThan !== tags.length + closing) {
    throw new Error(`could not read every tag: ${lessThan} "<" but ${tags.length} + ${closing} tags`);
  }
  return tags;
}
