// Throughput of the core stream decoder against eventsource-parser alone, on the same in-memory payload in
// the same run (the machines are shared and noisy, so only the ratio is comparable). Nothing is asserted.
// Run: npx tsx packages/core/bench/decoder-bench.ts
import { createParser } from 'eventsource-parser';
import { decodeCompletionStream } from '../src/stream/decode-completion-stream.ts';

const targetBytes = 4 * 1024 * 1024;
const warmupRounds = 3;
const rounds = 15;
const tokens = [' the', ' stream', ' decoder', ',', ' 你好', '世界', '。', ' 数据', '流', ' fast', ' 🦊', '\n\n', ' é'];

/** A deterministic PRNG (mulberry32), so every run decodes the same payload. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Payload {
  chunks: Uint8Array[];
  megabytes: number;
  /** Length of the answer text, to check that the decoder really decoded it. */
  textLength: number;
}

/**
 * An OpenAI-style stream: a role chunk, reasoning, mixed ASCII/CJK tokens, finish, usage, [DONE], cut into
 * network-sized pieces of 1-16 KiB. With `nonce`, every chunk carries a random `obfuscation` field, as OpenAI
 * adds by default, so no two chunks share their bookkeeping.
 */
function buildPayload(nonce: boolean): Payload {
  const next = random(42);
  const head =
    '{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion.chunk","created":1741569952,"model":"gpt-4.1-2025-04-14","service_tier":"default","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":';
  const tail = () =>
    `,"logprobs":null,"finish_reason":null}],"usage":null${nonce ? `,"obfuscation":"${next().toString(36).slice(2, 10)}"` : ''}}`;
  const parts = [`data: ${head}{"role":"assistant","content":"","refusal":null}${tail()}\n\n`];
  let size = parts[0]?.length ?? 0;
  let textLength = 0;
  for (let i = 0; size < targetBytes; i++) {
    const token = tokens[Math.floor(next() * tokens.length)] ?? '';
    const field = i < 300 ? 'reasoning_content' : 'content';
    if (field === 'content') textLength += token.length;
    const line = `data: ${head}{"${field}":${JSON.stringify(token)}}${tail()}\n\n`;
    parts.push(line);
    size += line.length;
  }
  parts.push(`data: ${head}{}${tail().replace('"finish_reason":null', '"finish_reason":"stop"')}\n\n`);
  parts.push('data: {"id":"chatcmpl-B9","choices":[],"usage":{"prompt_tokens":19,"completion_tokens":10}}\n\n');
  parts.push('data: [DONE]\n\n');
  const bytes = new TextEncoder().encode(parts.join(''));
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = 1024 + Math.floor(next() * 15 * 1024);
    chunks.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return { chunks, megabytes: bytes.length / 1e6, textLength };
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/** The reference: text decoding and SSE parsing, counting events. */
async function parserAlone(payload: Payload): Promise<void> {
  let events = 0;
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: () => events++ });
  for (const chunk of payload.chunks) parser.feed(decoder.decode(chunk, { stream: true }));
  parser.feed(decoder.decode());
  if (events === 0) throw new Error('the parser saw no events');
}

/** What any decoder that parses each chunk's JSON must do at least; shown for context. */
async function parserWithJsonParse(payload: Payload): Promise<void> {
  let parsed = 0;
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent: (event) => {
      if (event.data !== '[DONE]' && JSON.parse(event.data) !== null) parsed++;
    },
  });
  for (const chunk of payload.chunks) parser.feed(decoder.decode(chunk, { stream: true }));
  if (parsed === 0) throw new Error('nothing parsed');
}

/** The decoder under test, from a ReadableStream to typed events. */
async function fullDecoder(payload: Payload): Promise<void> {
  let textLength = 0;
  for await (const event of decodeCompletionStream(streamOf(payload.chunks))) {
    if (event.type === 'text-delta') textLength += event.text.length;
    else if (event.type === 'error') throw new Error(`decoder failed: ${event.error.message}`);
  }
  // A wrong decoder must not produce a flattering number.
  if (textLength !== payload.textLength) throw new Error('decoder lost text');
}

type Contender = [name: string, run: (payload: Payload) => Promise<void>, payload: Payload];

/** Median MB/s of each contender; they take turns every round so that drift hits them alike. */
async function measure(contenders: Contender[]): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>();
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (const [name, run, payload] of contenders) {
      const started = performance.now();
      await run(payload);
      const seconds = (performance.now() - started) / 1000;
      if (round < warmupRounds) continue;
      const list = samples.get(name) ?? [];
      list.push(payload.megabytes / seconds);
      samples.set(name, list);
    }
  }
  const medians = new Map<string, number>();
  for (const [name, values] of samples) medians.set(name, values.sort((a, b) => a - b)[values.length >> 1] ?? 0);
  return medians;
}

const repeating = buildPayload(false);
const withNonce = buildPayload(true);
const result = await measure([
  ['parser', parserAlone, repeating],
  ['json', parserWithJsonParse, repeating],
  ['decoder', fullDecoder, repeating],
  ['parser-nonce', parserAlone, withNonce],
  ['decoder-nonce', fullDecoder, withNonce],
]);
const rate = (name: string) => result.get(name) ?? 0;
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;
console.log(`payload: ${repeating.megabytes.toFixed(1)} MB of OpenAI-style chunks in pieces of 1-16 KiB`);
console.log(`decoder throughput: ${rate('decoder').toFixed(1)} MB/s`);
console.log(`eventsource-parser alone: ${rate('parser').toFixed(1)} MB/s`);
console.log(`eventsource-parser + JSON.parse, no validation (context): ${rate('json').toFixed(1)} MB/s`);
console.log(
  `decoder on chunks that never repeat (OpenAI obfuscation on): ${rate('decoder-nonce').toFixed(1)} MB/s, ${percent(rate('decoder-nonce'), rate('parser-nonce'))} of the parser`,
);
console.log(`ratio: ${percent(rate('decoder'), rate('parser'))} (budget >= 50%)`);
