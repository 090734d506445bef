import type { IncomingHttpHeaders } from 'node:http';
import { checkTarget, type HostPolicy } from './host-policy.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { relayTokenHeader, upstreamHeader } from './relay-contract.ts';
import { passed, RelayError, type RelayResult, refused } from './relay-error.ts';
import { llmRelayProfile, type RelayProfile } from './relay-profile.ts';
import type { AllowedTarget, TargetMemo } from './target-memo.ts';
import { parseUpstreamTarget, type UpstreamTarget } from './upstream-target.ts';

/** What the relay decided about a request before reading its body. */
export interface Admission {
  target: UpstreamTarget;
  exempt: boolean;
  /** Upstream request target: the base URL's path, then the client's path and query, as sent. */
  path: string;
}

/** The parts of the relay that decide whether a request may go upstream at all. */
export interface Gate {
  tokenCheck: ((presented: string | string[] | undefined) => boolean) | undefined;
  limiter: RateLimiter;
  policy: HostPolicy;
  /** Upstream header values that passed the checks before. */
  targets: TargetMemo;
  maxRequestBytes: number;
}

/** The 413 for a body over the limit, declared or counted. */
export const requestTooLarge = (maxBytes: number): RelayError =>
  new RelayError(
    'request_too_large',
    `The request body is larger than the relay's limit of ${maxBytes} bytes (RELAY_MAX_REQUEST_BYTES).`,
  );

/** The client's path and query after the relay prefix, appended raw to the base path (nothing decoded). */
export function upstreamPath(options: {
  url: string | undefined;
  basePath: string;
  profile?: RelayProfile;
}): RelayResult<string> {
  const { prefix, appendsPath } = options.profile ?? llmRelayProfile;
  const url = options.url ?? '';
  const rest = url.startsWith(prefix) ? url.slice(prefix.length) : undefined;
  if (!appendsPath && rest !== '') {
    return refused('invalid_path', `MCP relay requests go to ${prefix} itself; the MCP URL goes in ${upstreamHeader}.`);
  }
  if (rest === undefined || (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?'))) {
    return refused('invalid_path', `Relay requests go to ${prefix}/<path>.`);
  }
  const path = `${options.basePath}${rest}`;
  return passed(path.startsWith('/') ? path : `/${path}`);
}

/**
 * Checks a request in the order that costs the upstream nothing: relay token (401), rate limit (429),
 * upstream URL (400), operator allow-list and address ranges (403), declared body size (413).
 */
export function admitRequest(options: {
  gate: Gate;
  headers: IncomingHttpHeaders;
  url: string | undefined;
  clientIp: string;
  /** Which relay asks; the LLM relay when absent. */
  profile?: RelayProfile;
}): RelayResult<Admission> {
  const { gate, headers } = options;
  if (gate.tokenCheck !== undefined) {
    const presented = headers[relayTokenHeader];
    if (presented === undefined) {
      return refused('invalid_relay_token', `This relay requires its token in the ${relayTokenHeader} header.`);
    }
    if (!gate.tokenCheck(presented)) return refused('invalid_relay_token', `The ${relayTokenHeader} header is wrong.`);
  }
  // With a token, everybody who holds it shares its budget; without one, each client address has its own.
  const decision = gate.limiter.take(gate.tokenCheck === undefined ? `ip:${options.clientIp}` : 'token');
  if (!decision.allowed) {
    const { retryAfterSeconds } = decision;
    return refused('rate_limited', `Too many requests; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
  const allowed = allowedTarget(gate, headers[upstreamHeader]);
  if (!allowed.success) return allowed;
  const { target, exempt } = allowed.value;
  const path = upstreamPath({
    url: options.url,
    basePath: target.basePath,
    ...(options.profile === undefined ? {} : { profile: options.profile }),
  });
  if (!path.success) return path;
  const declared = Number(headers['content-length']);
  if (declared > gate.maxRequestBytes) return { success: false, error: requestTooLarge(gate.maxRequestBytes) };
  return passed({ target, exempt, path: path.value });
}

/** The upstream header parsed (400) and checked against the operator's rules and address ranges (403). */
function allowedTarget(gate: Gate, header: string | string[] | undefined): RelayResult<AllowedTarget> {
  const known = typeof header === 'string' ? gate.targets.get(header) : undefined;
  if (known !== undefined) return passed(known);
  const target = parseUpstreamTarget(header);
  if (!target.success) return target;
  const checked = checkTarget(target.value, gate.policy);
  if (!checked.success) return checked;
  const allowed = { target: target.value, exempt: checked.value.exempt };
  if (typeof header === 'string') gate.targets.remember(header, allowed);
  return passed(allowed);
}
