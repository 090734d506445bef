/**
 * Appends an API path to a provider base URL, keeping the base's own path and query string
 * (some gateways need `?api-version=...` on every call).
 */
export function joinUrl(baseUrl: string, path: string): string {
  const url = new URL(baseUrl.trim());
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return url.toString();
}
