import { contentDeltas } from './completion-chunks.ts';
import { type Exchange, settle, writeHead } from './exchange.ts';
import { hostileMarker } from './hostile-reply.ts';
import { sleep, untilAborted } from './http-helpers.ts';
import type { ReplyPlan } from './reply-plan.ts';
import type { Scenario } from './scenario.ts';
import { SseWriter } from './sse-writer.ts';
import type { SseFrame, StreamFormat } from './stream-format.ts';

type Interruption = { kind: 'drop' | 'end' | 'stall' | 'error'; after: number };

// The earliest of the chunk-count knobs wins; a count past the end still interrupts before the finish
// chunk, so `dropAfter=1000` on a short answer never turns into a clean success.
function interruption(scenario: Scenario, deltaCount: number): Interruption | null {
  const candidates: Interruption[] = [];
  if (scenario.dropAfter !== null) candidates.push({ kind: 'drop', after: scenario.dropAfter });
  if (scenario.endAfter !== null) candidates.push({ kind: 'end', after: scenario.endAfter });
  if (scenario.stallAfter !== null) candidates.push({ kind: 'stall', after: scenario.stallAfter });
  if (scenario.errorAfter !== null) candidates.push({ kind: 'error', after: scenario.errorAfter });
  const first = candidates.sort((a, b) => a.after - b.after)[0];
  return first === undefined ? null : { kind: first.kind, after: Math.min(first.after, deltaCount) };
}

// What the provider says when it fails mid-answer; `message` overrides it, as it does for `status`.
const defaultStreamError = 'The server had an error while processing your request.';

async function interrupt(options: {
  exchange: Exchange;
  writer: SseWriter;
  format: StreamFormat;
  kind: Interruption['kind'];
}) {
  const { exchange, writer, format, kind } = options;
  if (kind === 'error' && !(await writeFrames(writer, format.failure(exchange.scenario.message ?? defaultStreamError))))
    return;
  if (!(await writer.flush())) return;
  switch (kind) {
    case 'drop':
      settle(exchange, 'dropped');
      // Destroying without the terminating chunk is what a crashed or cut-off upstream looks like.
      exchange.res.destroy();
      return;
    case 'end':
      settle(exchange, 'ended-without-done');
      exchange.res.end();
      return;
    case 'error':
      settle(exchange, 'completed');
      exchange.res.end();
      return;
    case 'stall':
      settle(exchange, 'stalled');
      await untilAborted(exchange.signal);
      return;
  }
}

async function writeFrames(writer: SseWriter, frames: readonly SseFrame[]): Promise<boolean> {
  for (const frame of frames) if (!(await writer.event(frame.data, frame.event))) return false;
  return true;
}

// Unknown event names and non-JSON data are things real proxies and providers do; clients must cope.
async function writeOddities(exchange: Exchange, writer: SseWriter): Promise<boolean> {
  const { scenario } = exchange;
  if (scenario.hostile) {
    if (!(await writer.event('{"type":"weird","surprise":true}', 'weird'))) return false;
    const html = `<img src=x onerror="window.${hostileMarker}='sse-data'">`;
    if (!(await writer.event(`this line is not JSON ${html}`))) return false;
  }
  if (scenario.hugeLine !== null) return writer.event('x'.repeat(scenario.hugeLine));
  return true;
}

/** Streams a planned answer in an API's format, honouring every stream knob of the scenario. */
export async function streamCompletion(options: { exchange: Exchange; plan: ReplyPlan; format: StreamFormat }) {
  const { exchange, plan, format } = options;
  const { scenario, res, record, log, signal } = exchange;
  writeHead(exchange, 200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
  const writer = new SseWriter({ res, signal, crlf: scenario.crlf, splitBytes: scenario.splitBytes });
  const deltas = contentDeltas({ plan, chunkTokens: scenario.chunkTokens, reasoningField: scenario.reasoningField });
  const stop = interruption(scenario, deltas.length);
  const pauseMs = scenario.rate > 0 ? (scenario.chunkTokens * 1000) / scenario.rate : 0;
  const keepAlive = async () => {
    const frame = format.keepAlive();
    return frame === null ? writer.comment('keep-alive') : writer.event(frame.data, frame.event);
  };

  if (!(await writeFrames(writer, format.opening(deltas.length)))) return;
  for (const [index, delta] of deltas.entries()) {
    if (stop?.after === index) return interrupt({ exchange, writer, format, kind: stop.kind });
    if (index > 0 && !(await sleep(pauseMs, signal))) return;
    if (scenario.keepAlive && !(await keepAlive())) return;
    if (!(await writeFrames(writer, format.delta(delta, index)))) return;
    record.chunksSent += 1;
    log.changed(record);
    if (index === 0 && !(await writeOddities(exchange, writer))) return;
  }
  if (stop !== null) return interrupt({ exchange, writer, format, kind: stop.kind });

  if (!(await writeFrames(writer, format.closing()))) return;
  if (await writer.flush()) res.end();
}
