import type { RelayErrorCode } from '@hearth/schema';

/** Why an MCP server could not be used, as the app tells the person (one sentence and what to do, per code). */
export const mcpProblemCodes = [
  'nothing_listening',
  'cors_refused',
  'unauthorized',
  'forbidden',
  'not_found',
  'relay_refused',
  'relay_unreachable',
  'server_error',
  'not_mcp',
  'timeout',
] as const;
export type McpProblemCode = (typeof mcpProblemCodes)[number];

export interface McpProblem {
  code: McpProblemCode;
  /** The HTTP status the server (or the relay) answered with, when there was one. */
  status?: number;
  /** The relay's own error code, for `relay_refused`. */
  relayCode?: RelayErrorCode | string;
}

/** What the app saw of a failed attempt: the last answer, and for a request that got none, the probe's result. */
export interface McpFailureFacts {
  /** The last HTTP answer before the failure, if any arrived. */
  lastResponse?: { status: number; relayCode?: string | undefined };
  /** Whether the request went to the server's MCP relay rather than straight to the MCP server. */
  viaRelay: boolean;
  /** Whether the attempt ran out of time. */
  timedOut: boolean;
  /**
   * For a direct request that got no answer: whether an opaque (`no-cors`) request to the same URL got one.
   * A browser shows a CORS refusal exactly like a network failure; only this tells the two apart.
   */
  reachableWithoutCors?: boolean;
}

/**
 * Names what went wrong with an MCP server from what was seen, never from an error's message: a relay
 * error by its header, an HTTP failure by its status, no answer at all by the probe.
 */
export function classifyMcpFailure(facts: McpFailureFacts): McpProblem {
  const last = facts.lastResponse;
  if (last !== undefined && last.status >= 300) {
    const status = last.status;
    if (last.relayCode !== undefined) return { code: 'relay_refused', status, relayCode: last.relayCode };
    if (status === 401) return { code: 'unauthorized', status };
    if (status === 403) return { code: 'forbidden', status };
    if (status === 404 || status === 405) return { code: 'not_found', status };
    if (status >= 500) return { code: 'server_error', status };
    return { code: 'not_mcp', status };
  }
  if (facts.timedOut) return { code: 'timeout' };
  // An answer that was fine as HTTP but not as MCP (a web page, a JSON API that is not MCP).
  if (last !== undefined) return { code: 'not_mcp', status: last.status };
  if (facts.viaRelay) return { code: 'relay_unreachable' };
  return { code: facts.reachableWithoutCors === true ? 'cors_refused' : 'nothing_listening' };
}
