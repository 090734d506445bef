import { joinUrl } from './join-url.ts';

/** The `api-version` sent when the base URL names none: the newest generally available data-plane version. */
export const azureApiVersion = '2024-10-21';

/**
 * An Azure OpenAI URL: `<endpoint>/openai/<path>?api-version=...`. The endpoint is the resource's, as the
 * portal shows it (`https://<resource>.openai.azure.com`); one already ending in `/openai` is taken as it is,
 * and an `api-version` on it wins over ours.
 */
export function azureUrl(baseUrl: string, path: string): string {
  const base = new URL(baseUrl.trim());
  const root = /\/openai\/*$/.test(base.pathname) ? base.toString() : joinUrl(base.toString(), 'openai');
  const url = new URL(joinUrl(root, path));
  if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', azureApiVersion);
  return url.toString();
}

/** Where a deployment's chat completions are: Azure routes by deployment name, which the config keeps as its model id. */
export function azureChatUrl(baseUrl: string, deployment: string): string {
  return azureUrl(baseUrl, `deployments/${encodeURIComponent(deployment.trim())}/chat/completions`);
}
