/**
 * How a file is sent to a model: an image in the provider's own image format, text (a text or code file,
 * or the words extracted from a PDF) as context in the message, or not at all.
 */
export type AttachmentKind = 'image' | 'text' | 'pdf' | 'unsupported';

/** The image types every provider with vision takes (OpenAI, Anthropic and Gemini alike). */
export const visionMediaTypes: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

// Text and code by name: browsers give many of these no media type, or a wrong one (`.ts` is MPEG video to them).
const textExtensions = new Set(
  (
    'txt md markdown csv tsv json jsonl yaml yml toml ini cfg conf log xml html htm css scss less svg ' +
    'js mjs cjs jsx ts mts cts tsx py rb go rs java kt kts swift c h cc cpp hpp cs php pl sh bash zsh fish ' +
    'ps1 sql graphql proto lua r dart scala clj ex exs erl hs ml vue svelte astro tex rst org env gitignore dockerfile makefile'
  ).split(' '),
);
const textMediaTypes = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
  'application/x-javascript',
  'application/typescript',
  'application/x-sh',
  'application/sql',
  'application/toml',
  'application/yaml',
  'application/x-yaml',
  'application/ld+json',
]);

/** The part of a file name after its last dot, lowercased; a bare `Makefile` is its own extension. */
export function fileExtension(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot === -1 ? base : base.slice(dot + 1);
}

/** What kind of attachment a file is, from its media type and, for text and code, its name. */
export function attachmentKind(file: { name: string; mediaType: string }): AttachmentKind {
  const type = file.mediaType.toLowerCase();
  if (visionMediaTypes.includes(type)) return 'image';
  if (type === 'application/pdf' || fileExtension(file.name) === 'pdf') return 'pdf';
  if (textExtensions.has(fileExtension(file.name))) return 'text';
  if (type.startsWith('text/') || textMediaTypes.has(type) || type.endsWith('+json') || type.endsWith('+xml')) {
    return 'text';
  }
  return 'unsupported';
}

/**
 * The media type to store for a file the browser typed as `browserType` (often empty or wrong for code):
 * text and code files by name become `text/plain` unless the browser already said text.
 */
export function storedMediaType(file: { name: string; browserType: string }): string {
  const type = file.browserType.toLowerCase();
  const kind = attachmentKind({ name: file.name, mediaType: type });
  if (kind === 'text' && !type.startsWith('text/') && !textMediaTypes.has(type)) return 'text/plain';
  if (kind === 'pdf') return 'application/pdf';
  return type || 'application/octet-stream';
}
