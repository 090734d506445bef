import type { ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { untilAborted } from './http-helpers.ts';

/**
 * Writes server-sent events with the scenario's line endings and write sizes. Every method resolves
 * false once the response is gone, so a caller stops producing instead of writing into a dead socket.
 */
export class SseWriter {
  private readonly res: ServerResponse;
  private readonly signal: AbortSignal;
  private readonly eol: string;
  private readonly splitBytes: number;
  private pending: Buffer = Buffer.alloc(0);
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(options: { res: ServerResponse; signal: AbortSignal; crlf: boolean; splitBytes: number }) {
    this.res = options.res;
    this.signal = options.signal;
    this.eol = options.crlf ? '\r\n' : '\n';
    this.splitBytes = options.splitBytes;
  }

  /** Writes one event: an optional `event:` line, then the data lines, then a blank line. */
  event(data: string, eventName?: string): Promise<boolean> {
    const lines = eventName === undefined ? [] : [`event: ${eventName}`];
    for (const line of data.split('\n')) lines.push(`data: ${line}`);
    return this.send(`${lines.join(this.eol)}${this.eol}${this.eol}`);
  }

  /** Writes an SSE comment, which clients must ignore (providers use it as a keep-alive). */
  comment(text: string): Promise<boolean> {
    return this.send(`: ${text}${this.eol}${this.eol}`);
  }

  /** Writes any bytes held back by `splitBytes` and waits until everything reached the socket. */
  async flush(): Promise<boolean> {
    if (this.pending.length > 0) {
      const rest = this.pending;
      this.pending = Buffer.alloc(0);
      if (!(await this.write(rest))) return false;
    }
    // A destroyed socket may never call back, so the wait also ends when the response closes.
    await Promise.race([this.lastWrite, untilAborted(this.signal)]);
    return !this.signal.aborted;
  }

  private async send(text: string): Promise<boolean> {
    if (this.splitBytes <= 0) return this.write(Buffer.from(text, 'utf8'));
    // Pieces run across event boundaries, so decoders meet split lines, CRLFs and UTF-8 sequences.
    this.pending = Buffer.concat([this.pending, Buffer.from(text, 'utf8')]);
    while (this.pending.length >= this.splitBytes) {
      const piece = this.pending.subarray(0, this.splitBytes);
      this.pending = this.pending.subarray(this.splitBytes);
      if (!(await this.write(piece))) return false;
      // A turn of the event loop between pieces lets each one leave as its own TCP segment.
      await nextTurn();
    }
    return !this.signal.aborted;
  }

  private async write(bytes: Buffer): Promise<boolean> {
    if (this.signal.aborted) return false;
    let accepted = true;
    this.lastWrite = new Promise((resolve) => {
      accepted = this.res.write(bytes, () => resolve());
    });
    if (!accepted) await this.drained();
    return !this.signal.aborted;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.signal.removeEventListener('abort', done);
        resolve();
      };
      this.res.on('drain', done);
      this.signal.addEventListener('abort', done, { once: true });
    });
  }
}
