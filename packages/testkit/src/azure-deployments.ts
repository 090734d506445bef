import { type ApiRoute, queryOf } from './api-route.ts';
import { handleChatCompletions } from './chat-completions.ts';
import { type Exchange, sendJson } from './exchange.ts';

// Azure OpenAI's own error shape and words for the two mistakes its URL and key invite.
const azureError = (exchange: Exchange, status: number, message: string) =>
  sendJson(exchange, status, { error: { code: String(status), message } });

/**
 * Azure OpenAI's data plane, under the OpenAI root: `POST /openai/deployments/<name>/chat/completions` with
 * `?api-version=` and the key in `api-key`; the answer is OpenAI's format, the deployment its model.
 */
export const azureRoutes: readonly ApiRoute[] = [
  {
    method: 'POST',
    pattern: /^\/openai\/deployments\/([^/]+)\/chat\/completions$/,
    handle: async (exchange, match) => {
      if (!queryOf(exchange).get('api-version')) return azureError(exchange, 404, 'Resource not found');
      if (!exchange.record.headers['api-key']) {
        return azureError(
          exchange,
          401,
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        );
      }
      await handleChatCompletions(exchange, { deployment: decodeURIComponent(match[1] ?? '') });
    },
  },
];
