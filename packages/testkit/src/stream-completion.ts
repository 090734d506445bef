import type { ChatRequest } from './chat-request.ts';
import { type CompletionIdentity, contentDeltas, deltaChunk, finishChunk, usageChunk } from './completion-chunks.ts';
import { type Exchange, settle, writeHead } from './exchange.ts';
import { hostileMarker } from './hostile-reply.ts';
import { sleep, untilAborted } from './http-helpers.ts';
import type { ReplyPlan } from './reply-plan.ts';
import type { Scenario } from './scenario.ts';
import { SseWriter } from './sse-writer.ts';

type Interruption = { kind: 'drop' | 'end' | 'stall'; after: number };

// The earliest of the chunk-count knobs wins; a count past the end still interrupts before the finish
// chunk, so `dropAfter=1000` on a short answer never turns into a clean success.
function interruption(scenario: Scenario, deltaCount: number): Interruption | null {
  const candidates: Interruption[] = [];
  if (scenario.dropAfter !== null) candidates.push({ kind: 'drop', after: scenario.dropAfter });
  if (scenario.endAfter !== null) candidates.push({ kind: 'end', after: scenario.endAfter });
  if (scenario.stallAfter !== null) candidates.push({ kind: 'stall', after: scenario.stallAfter });
  const first = candidates.sort((a, b) => a.after - b.after)[0];
  return first === undefined ? null : { kind: first.kind, after: Math.min(first.after, deltaCount) };
}

async function interrupt(exchange: Exchange, writer: SseWriter, kind: Interruption['kind']): Promise<void> {
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
    case 'stall':
      settle(exchange, 'stalled');
      await untilAborted(exchange.signal);
      return;
  }
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

/** Streams a planned answer as OpenAI chat-completion chunks, honouring every stream knob of the scenario. */
export async function streamCompletion(options: {
  exchange: Exchange;
  request: ChatRequest;
  plan: ReplyPlan;
  identity: CompletionIdentity;
}): Promise<void> {
  const { exchange, request, plan, identity } = options;
  const { scenario, res, record, log, signal } = exchange;
  writeHead(exchange, 200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
  const writer = new SseWriter({ res, signal, crlf: scenario.crlf, splitBytes: scenario.splitBytes });
  const send = (chunk: unknown) => writer.event(JSON.stringify(chunk));
  const deltas = contentDeltas({ plan, chunkTokens: scenario.chunkTokens, reasoningField: scenario.reasoningField });
  const stop = interruption(scenario, deltas.length);
  const pauseMs = scenario.rate > 0 ? (scenario.chunkTokens * 1000) / scenario.rate : 0;

  // An empty answer still opens with the role chunk, as OpenAI's streams do.
  if (deltas.length === 0 && !(await send(deltaChunk({ identity, delta: null, first: true })))) return;
  for (const [index, delta] of deltas.entries()) {
    if (stop?.after === index) return interrupt(exchange, writer, stop.kind);
    if (index > 0 && !(await sleep(pauseMs, signal))) return;
    if (scenario.keepAlive && !(await writer.comment('keep-alive'))) return;
    if (!(await send(deltaChunk({ identity, delta, first: index === 0 })))) return;
    record.chunksSent += 1;
    log.changed(record);
    if (index === 0 && !(await writeOddities(exchange, writer))) return;
  }
  if (stop !== null) return interrupt(exchange, writer, stop.kind);

  if (!(await send(finishChunk(identity, plan.finishReason)))) return;
  if (scenario.usage && request.includeUsage && !(await send(usageChunk(identity, plan.usage)))) return;
  if (!(await writer.event('[DONE]'))) return;
  if (await writer.flush()) res.end();
}
