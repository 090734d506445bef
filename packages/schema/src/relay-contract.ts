// The relay's wire contract (docs/relay.md), shared by the server that implements it and the app that
// calls it. The version is in the path: a change that old clients cannot follow gets a new prefix.

/** Where the relay is mounted: `<server>/relay/v1/<path>` goes to `<upstream base URL>/<path>`. */
export const relayPathPrefix = '/relay/v1';

/** Request header naming the upstream base URL, e.g. `https://api.openai.com/v1`. Never forwarded. */
export const relayUpstreamHeader = 'x-relay-upstream';

/** Request header carrying the relay token, when the operator set one. Never forwarded. */
export const relayTokenHeader = 'x-relay-token';

/** Response header present only on errors the relay itself produced; it holds the error code. */
export const relayErrorHeader = 'x-relay-error';
