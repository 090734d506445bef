import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { TLSSocket } from 'node:tls';
import { AnswerPump } from './answer-pump.ts';
import { ExchangeTimers, timeoutError } from './exchange-timers.ts';
import type { RelayMetrics, RelayTimeouts } from './relay-contract.ts';
import { RelayError } from './relay-error.ts';
import { relayResponseHeaders } from './response-headers.ts';
import { sendRelayError, sseErrorEvent } from './send-error.ts';
import {
  isRedirect,
  redirectRefused,
  responseTooLarge,
  upstreamClosedMidAnswer,
  upstreamFailure,
} from './upstream-errors.ts';
import { openUpstreamRequest, type UpstreamTransport } from './upstream-request.ts';
import type { UpstreamTarget } from './upstream-target.ts';

/** Everything one relayed exchange needs, checked and decided already. */
export interface ExchangeOptions {
  res: ServerResponse;
  target: UpstreamTarget;
  /** Whether the operator exempted this exact target from the address checks. */
  exempt: boolean;
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  body: Buffer | undefined;
  /** Added to every response of the exchange (CORS). */
  responseHeaders: OutgoingHttpHeaders;
  /** Upstream response headers passed besides the usual ones (MCP's session headers). */
  extraResponseHeaders?: ReadonlySet<string>;
  maxResponseBytes: number;
  timeouts: RelayTimeouts;
  transport: UpstreamTransport;
  metrics: RelayMetrics;
}

const isEventStream = (contentType: string | undefined) =>
  contentType !== undefined && /^\s*text\/event-stream\s*(;|$)/i.test(contentType);

/**
 * Relays one request and streams the answer back as it arrives: whatever came in one read of the upstream
 * goes out in one write, at once (no waiting for more; the upstream is paused while the client cannot take
 * more). Every way out (end, timeout, cap, upstream failure,
 * client gone) runs `fail` or `finish` once: both sockets closed, timers cleared, metrics reported once.
 * Resolves when the exchange is over; never rejects.
 */
export function relayExchange(options: ExchangeOptions): Promise<void> {
  const { res, target, metrics, maxResponseBytes } = options;
  const host = target.host;
  return new Promise((resolve) => {
    let finished = false;
    let connected = false;
    let upstreamReq: ClientRequest | undefined;
    let upstreamRes: IncomingMessage | undefined;
    // Only a plain event stream may end with the relay's own error event; anything else is cut short.
    let eventStream = false;
    let pump: AnswerPump | undefined;

    const finish = () => {
      if (finished) return;
      finished = true;
      pump?.stop();
      timers.stopAll();
      res.off('close', onClientClose);
      res.off('drain', onDrain);
      metrics.streamEnded();
      resolve();
    };

    const fail = (error: RelayError) => {
      if (finished) return;
      upstreamReq?.destroy();
      upstreamRes?.destroy();
      if (!res.headersSent) {
        sendRelayError({ res, error, headers: options.responseHeaders, close: true });
      } else if (eventStream && !res.destroyed && !res.writableNeedDrain) {
        // The client gets every byte that came before, then learns why the answer stopped; then its
        // connection closes as the upstream's did. (A client that stopped reading is simply cut off.)
        const socket = res.socket;
        res.end(sseErrorEvent(error), () => socket?.end());
      } else {
        res.destroy();
      }
      finish();
    };

    const timers = new ExchangeTimers({
      timeouts: options.timeouts,
      onTimeout: (kind, ms) => fail(timeoutError({ kind, host, ms })),
    });

    const onClientClose = () => {
      if (res.writableFinished) return;
      upstreamReq?.destroy();
      upstreamRes?.destroy();
      finish();
    };
    const onDrain = () => {
      timers.refresh('idleMs');
      pump?.resume();
    };

    const onConnected = () => {
      connected = true;
      timers.stop('connectMs');
      timers.start('firstByteMs');
    };

    const onResponse = (upstream: IncomingMessage) => {
      if (finished) {
        upstream.destroy();
        return;
      }
      try {
        startAnswer(upstream);
      } catch {
        // Only a bug gets here; the message says nothing about the request.
        fail(new RelayError('internal_error', 'The relay failed to pass on the answer.'));
      }
    };

    const startAnswer = (upstream: IncomingMessage) => {
      upstreamRes = upstream;
      timers.stop('firstByteMs');
      metrics.upstreamFirstByte((performance.now() - sentAt) / 1000);
      upstream.on('error', () => fail(upstreamClosedMidAnswer(host)));
      upstream.on('close', () => {
        if (!upstream.complete) fail(upstreamClosedMidAnswer(host));
      });
      const status = upstream.statusCode ?? 502;
      if (isRedirect(status)) return fail(redirectRefused({ host, status, location: upstream.headers.location }));
      const declared = Number(upstream.headers['content-length']);
      if (declared > maxResponseBytes) return fail(responseTooLarge({ host, maxBytes: maxResponseBytes }));
      const encoding = upstream.headers['content-encoding'];
      eventStream = isEventStream(upstream.headers['content-type']) && (encoding ?? 'identity') === 'identity';
      const headers = Object.assign(
        relayResponseHeaders(upstream.headers, {
          keepLength: !eventStream,
          ...(options.extraResponseHeaders === undefined ? {} : { extra: options.extraResponseHeaders }),
        }),
        options.responseHeaders,
      );
      res.writeHead(status, headers);
      // The client sees the status as soon as the upstream sent it, even if the first chunk takes a while.
      // The first chunk usually came in the same read and has been written by the time this runs, taking
      // the headers along in one write (flushing the headers alone first would cost a write, and a packet
      // for the client to read, on every request).
      setImmediate(() => {
        if (!res.headersSent && !res.destroyed) res.flushHeaders();
      });
      timers.start('idleMs');
      pump = new AnswerPump({
        source: upstream,
        sink: res,
        maxBytes: maxResponseBytes,
        onRelayed: (bytes) => {
          // Data restarts the idle timeout: once per read, for all the chunks it brought.
          timers.refresh('idleMs');
          metrics.bytesRelayed(bytes);
        },
        onTooLarge: () => fail(responseTooLarge({ host, maxBytes: maxResponseBytes })),
      });
      res.on('drain', onDrain);
      upstream.on('readable', pump.run);
      upstream.on('end', () => {
        if (finished) return;
        res.end();
        finish();
      });
    };

    // A pooled connection that the upstream closed while it sat idle fails with a reset before any
    // answer: the request never reached the upstream, so it goes once more, on a connection of its own
    // (Node's documented remedy; the body is in memory, so it can be sent again).
    const send = (pooled: boolean) => {
      let request: ClientRequest;
      try {
        request = openUpstreamRequest({ ...options, pooled });
      } catch {
        // Node refuses a request target or header it cannot send; the values are the client's, not echoed.
        fail(new RelayError('invalid_path', 'The request path or a header cannot be sent upstream.'));
        return;
      }
      upstreamReq = request;
      connected = false;
      timers.start('connectMs');
      request.on('socket', (socket: Socket) => {
        if (!socket.connecting) return onConnected();
        socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', onConnected);
      });
      request.on('response', onResponse);
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (request !== upstreamReq || finished) return;
        const stale = error.code === 'ECONNRESET' || error.code === 'EPIPE';
        if (pooled && stale && request.reusedSocket && upstreamRes === undefined) return send(false);
        fail(upstreamFailure({ host, error, connected }));
      });
      request.end(options.body);
    };

    metrics.streamStarted();
    const sentAt = performance.now();
    res.on('close', onClientClose);
    timers.start('totalMs');
    send(true);
  });
}
