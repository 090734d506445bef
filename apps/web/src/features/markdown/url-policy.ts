// Which URLs in model output may become live links or images. Parsing with the WHATWG URL parser
// (the browser's own) means tabs, newlines, entities decoded by markdown, odd casing and leading
// control characters are judged exactly as the browser would judge them; the normalised href is what
// we hand back, so the browser cannot read it differently.

const linkProtocols: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const imageProtocols: ReadonlySet<string> = new Set(['http:', 'https:']);

/** What to do with an image URL: offer to load it from a named host, or show only its alt text. */
export type ImageUrlDecision = { kind: 'remote'; src: string; host: string } | { kind: 'blocked' };

function parseAbsolute(raw: string): URL | undefined {
  try {
    // No base: relative URLs (which would navigate inside the app) fail to parse and stay inert.
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** The href a markdown link may carry, or undefined when it must render as inert text. */
export function safeLinkHref(raw: string): string | undefined {
  const url = parseAbsolute(raw);
  return url && linkProtocols.has(url.protocol) ? url.href : undefined;
}

/** Whether an image URL may be loaded (on request) and from which host, shown to the user. */
export function imageUrlDecision(raw: string): ImageUrlDecision {
  const url = parseAbsolute(raw);
  if (!url || !imageProtocols.has(url.protocol) || url.host === '') return { kind: 'blocked' };
  return { kind: 'remote', src: url.href, host: url.host };
}

/**
 * react-markdown's urlTransform: the first gate, applied to every URL attribute before any component
 * sees it. Unsafe values are dropped (undefined removes the attribute).
 */
export function markdownUrlTransform(url: string, key: string): string | undefined {
  if (key === 'href') return safeLinkHref(url);
  if (key === 'src') {
    const decision = imageUrlDecision(url);
    return decision.kind === 'remote' ? decision.src : undefined;
  }
  return undefined;
}
