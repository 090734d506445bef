import { describe, expect, it } from 'vitest';
import { classifyMcpFailure } from './mcp-problem.ts';

describe('classifyMcpFailure', () => {
  it('tells a CORS refusal from nothing listening by the opaque probe', () => {
    expect(classifyMcpFailure({ viaRelay: false, timedOut: false, reachableWithoutCors: true }).code).toBe(
      'cors_refused',
    );
    expect(classifyMcpFailure({ viaRelay: false, timedOut: false, reachableWithoutCors: false }).code).toBe(
      'nothing_listening',
    );
    expect(classifyMcpFailure({ viaRelay: true, timedOut: false }).code).toBe('relay_unreachable');
  });

  it('names a relay refusal by its code, before the status', () => {
    expect(
      classifyMcpFailure({
        viaRelay: true,
        timedOut: false,
        lastResponse: { status: 401, relayCode: 'invalid_relay_token' },
      }),
    ).toEqual({ code: 'relay_refused', status: 401, relayCode: 'invalid_relay_token' });
    expect(
      classifyMcpFailure({
        viaRelay: true,
        timedOut: false,
        lastResponse: { status: 403, relayCode: 'forbidden_address' },
      }).code,
    ).toBe('relay_refused');
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [405, 'not_found'],
    [502, 'server_error'],
    [400, 'not_mcp'],
  ] as const)("reads the server's own %i as %s", (status, code) => {
    expect(classifyMcpFailure({ viaRelay: false, timedOut: false, lastResponse: { status } })).toEqual({
      code,
      status,
    });
  });

  it('reads a timeout, and an answer that was not MCP', () => {
    expect(classifyMcpFailure({ viaRelay: false, timedOut: true }).code).toBe('timeout');
    expect(classifyMcpFailure({ viaRelay: false, timedOut: false, lastResponse: { status: 200 } }).code).toBe(
      'not_mcp',
    );
  });
});
