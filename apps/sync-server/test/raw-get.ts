import { get } from 'node:http';

/**
 * A GET with exactly the given headers. `fetch` adds `Cache-Control: no-cache` to conditional
 * requests, which makes servers ignore `If-None-Match`; browsers revalidating do not.
 */
export function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}
