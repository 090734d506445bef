import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { corsHeaders } from './cors.ts';
import type { FakeApi } from './fake-api.ts';
import type { RecordedRequest, RequestOutcome } from './recorded-request.ts';
import type { RequestLog } from './request-log.ts';
import type { Scenario } from './scenario.ts';

/** The cookie `setCookie` adds, so relay tests can look for it by value. */
export const upstreamCookie = 'upstream_session=fake-upstream-cookie-canary; Path=/; HttpOnly';

/** One request being answered, with its live record and the scenario it selected. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly record: RecordedRequest;
  readonly log: RequestLog;
  readonly scenario: Scenario;
  /** The API the request speaks, which picks the format of every answer and error. */
  readonly api: FakeApi;
  /** This server's origin, for absolute URLs in answers. */
  readonly origin: string;
  /** Aborted when the response closes for any reason, so pending waits and writes stop. */
  readonly signal: AbortSignal;
}

/** Wires a response to its record: the outcome follows how the response ends. */
export function createExchange(options: {
  req: IncomingMessage;
  res: ServerResponse;
  record: RecordedRequest;
  log: RequestLog;
  scenario: Scenario;
  api: FakeApi;
  origin: string;
  isServerClosing: () => boolean;
}): Exchange {
  const { res, record, log, isServerClosing } = options;
  const controller = new AbortController();
  res.on('finish', () => {
    if (record.outcome === 'in-progress') settle({ record, log }, 'completed');
  });
  res.on('close', () => {
    controller.abort();
    if (res.writableFinished) return;
    if (record.outcome === 'in-progress' || record.outcome === 'stalled') {
      settle({ record, log }, isServerClosing() ? 'closed-by-server' : 'aborted-by-client');
    }
  });
  return { ...options, signal: controller.signal };
}

/** Sets a record's outcome and tells waiters; final outcomes get a settle time. */
export function settle(exchange: Pick<Exchange, 'record' | 'log'>, outcome: RequestOutcome): void {
  exchange.record.outcome = outcome;
  exchange.record.settledAt = outcome === 'in-progress' || outcome === 'stalled' ? null : Date.now();
  exchange.log.changed(exchange.record);
}

/** Sends the status line with the scenario's CORS and cookie headers plus `headers`. */
export function writeHead(exchange: Exchange, status: number, headers: OutgoingHttpHeaders = {}): void {
  const { res, record, scenario } = exchange;
  const base: OutgoingHttpHeaders = { ...corsHeaders(scenario), 'x-request-id': `req_fake_${record.id}` };
  if (scenario.setCookie) base['set-cookie'] = upstreamCookie;
  res.writeHead(status, { ...base, ...headers });
  record.status = status;
  exchange.log.changed(record);
}

/** Sends a whole JSON answer. */
export function sendJson(exchange: Exchange, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  writeHead(exchange, status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  exchange.res.end(text);
}

/** Sends a whole non-JSON answer. */
export function sendText(exchange: Exchange, options: { status: number; contentType: string; body: string }): void {
  writeHead(exchange, options.status, {
    'content-type': options.contentType,
    'content-length': Buffer.byteLength(options.body),
  });
  exchange.res.end(options.body);
}
