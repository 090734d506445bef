import type { HeaderMap } from '@hearth/schema';

/** The headers of every call to a provider: JSON, the bearer key when there is one, then the config's extras. */
export function providerHeaders(options: { apiKey: string | undefined; extra: HeaderMap }): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const key = options.apiKey?.trim();
  if (key) headers.Authorization = `Bearer ${key}`;
  for (const [name, value] of Object.entries(options.extra)) {
    // The schema refuses credential headers among the extras; an extra never replaces one we set.
    if (Object.keys(headers).some((existing) => existing.toLowerCase() === name.toLowerCase())) continue;
    headers[name] = value;
  }
  return headers;
}
