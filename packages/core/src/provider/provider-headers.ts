import type { HeaderMap, ProviderKind } from '@hearth/schema';

/** The version of Anthropic's API whose formats the builders and the decoder speak. */
export const anthropicVersion = '2023-06-01';

/** Headers a provider wants on every call, with a key or without (a gateway in front may hold the key). */
function protocolHeaders(provider: ProviderKind): Record<string, string> {
  if (provider !== 'anthropic') return {};
  return {
    'anthropic-version': anthropicVersion,
    // Anthropic answers a browser's CORS request only with this, its acknowledgement that the key is in the
    // page: here the key is the person's own, on their own device. The relay does not forward it.
    'anthropic-dangerous-direct-browser-access': 'true',
  };
}

/** How each provider takes its key. */
function keyHeaders(provider: ProviderKind, key: string): Record<string, string> {
  switch (provider) {
    case 'anthropic':
      return { 'x-api-key': key };
    case 'gemini':
      return { 'x-goog-api-key': key };
    case 'azure':
      return { 'api-key': key };
    default:
      return { Authorization: `Bearer ${key}` };
  }
}

/**
 * The headers of every call to a provider: JSON, the provider's own headers, the key in the provider's
 * header when there is one (none otherwise, so local servers get no credential), then the config's extras.
 */
export function providerHeaders(options: {
  provider: ProviderKind;
  apiKey: string | undefined;
  extra: HeaderMap;
}): Record<string, string> {
  const key = options.apiKey?.trim();
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...protocolHeaders(options.provider),
    ...(key ? keyHeaders(options.provider, key) : {}),
  };
  for (const [name, value] of Object.entries(options.extra)) {
    // The schema refuses credential headers among the extras; an extra never replaces one we set.
    if (Object.keys(headers).some((existing) => existing.toLowerCase() === name.toLowerCase())) continue;
    headers[name] = value;
  }
  return headers;
}
