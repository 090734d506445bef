import { z } from 'zod/mini';

const headerNamePattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Header values may not carry line breaks or NUL: that is how header injection starts.
const headerValuePattern = /^[^\r\n\0]*$/;
// Headers a browser refuses to send or that would break the request; naming them is a mistake.
const reservedHeaderNames = new Set([
  'host',
  'cookie',
  'content-length',
  'content-type',
  'connection',
  'transfer-encoding',
  'origin',
  'referer',
]);

// Headers that carry credentials. Extra headers sync with the model configuration, so a key put here
// would leave the device; keys belong in the API key field, which never does.
const credentialHeaderNames = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
]);

function checkHeaders(options: { refuseCredentials: boolean }) {
  return z.superRefine<Record<string, string>>((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!headerNamePattern.test(name)) {
        ctx.addIssue({ code: 'custom', message: `"${name}" is not a valid header name`, path: [name] });
      } else if (options.refuseCredentials && credentialHeaderNames.has(name.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          message: `Put keys in the API key field, not in ${name}: it stays on this device`,
          path: [name],
        });
      } else if (reservedHeaderNames.has(name.toLowerCase())) {
        ctx.addIssue({ code: 'custom', message: `The ${name} header cannot be set here`, path: [name] });
      }
      if (!headerValuePattern.test(value)) {
        ctx.addIssue({ code: 'custom', message: `The value of ${name} may not contain line breaks`, path: [name] });
      }
    }
  });
}

/** Extra HTTP headers for a provider, validated so a typo is caught in the form, not at send time. */
export const headerMapSchema = z.record(z.string(), z.string()).check(checkHeaders({ refuseCredentials: true }));
export type HeaderMap = z.infer<typeof headerMapSchema>;

/** Extra headers that stay on the device (an MCP server's secrets): credentials allowed, the rest as above. */
export const headerValueMapSchema = z.record(z.string(), z.string()).check(checkHeaders({ refuseCredentials: false }));
