import { type HeaderMap, headerMapSchema, headerValueMapSchema } from '@hearth/schema';

export type HeaderLinesResult = { success: true; value: HeaderMap } | { success: false; error: string };

/**
 * Reads extra headers typed one per line as `Name: value`; blank lines are ignored. `deviceLocal` headers (an
 * MCP server's, which never sync) may carry credentials; synced ones may not.
 */
export function parseHeaderLines(text: string, options: { deviceLocal?: boolean } = {}): HeaderLinesResult {
  const headers: HeaderMap = {};
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { success: false, error: `Line ${index + 1}: write it as "Name: value"` };
    const name = line.slice(0, colon).trim();
    if (Object.keys(headers).some((existing) => existing.toLowerCase() === name.toLowerCase())) {
      return { success: false, error: `Line ${index + 1}: ${name} is given twice` };
    }
    headers[name] = line.slice(colon + 1).trim();
  }
  const checked = (options.deviceLocal === true ? headerValueMapSchema : headerMapSchema).safeParse(headers);
  if (!checked.success) return { success: false, error: checked.error.issues[0]?.message ?? 'Invalid headers' };
  return { success: true, value: checked.data };
}

/** Writes headers back as lines for editing. */
export function formatHeaderLines(headers: HeaderMap): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}
