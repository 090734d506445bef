import type { HeaderMap } from '@hearth/schema';

/** The headers of every call to a provider: JSON, the bearer key when there is one, then the config's extras. */
export function providerHeaders(options: { apiKey: string | undefined; extra: HeaderMap }): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const key = options.apiKey?.trim();
  if (key) headers.Authorization = `Bearer ${key}`;
  for (const [name, value] of Object.entries(options.extra)) {
    // A configured Authorization replaces the bearer key (gateways with their own scheme).
    for (const existing of Object.keys(headers)) {
      if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
    }
    headers[name] = value;
  }
  return headers;
}
