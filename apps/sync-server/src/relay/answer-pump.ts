import type { Readable } from 'node:stream';

/** Where the answer goes: the client's response (`write` says false once its buffer is full). */
export interface AnswerSink {
  write(data: Buffer): boolean;
}

/**
 * Moves an upstream answer to the client as it arrives. The body is read in paused mode: Node gathers
 * the many small chunks of one socket read (an event stream is an HTTP chunk per event) and `read()`
 * hands them over as one buffer, so each read costs one call and one write, not an event, a call and a
 * write per chunk. While the client cannot take more, nothing is read, so the upstream's socket fills
 * and the upstream waits; `resume` (on the client's drain) carries on.
 */
export class AnswerPump {
  private readonly source: Readable;
  private readonly sink: AnswerSink;
  private readonly maxBytes: number;
  private readonly onRelayed: (bytes: number) => void;
  private readonly onTooLarge: () => void;
  private received = 0;
  private waitingForDrain = false;
  private stopped = false;
  /** For the source's `readable` event. */
  readonly run = () => this.pump();

  constructor(options: {
    source: Readable;
    sink: AnswerSink;
    /** The most bytes relayed; the read that would pass it is not relayed and `onTooLarge` runs instead. */
    maxBytes: number;
    /** After each write, with the bytes it carried (data restarts the idle timeout, metrics count it). */
    onRelayed: (bytes: number) => void;
    onTooLarge: () => void;
  }) {
    this.source = options.source;
    this.sink = options.sink;
    this.maxBytes = options.maxBytes;
    this.onRelayed = options.onRelayed;
    this.onTooLarge = options.onTooLarge;
  }

  /** The client drained: relay what waited meanwhile. */
  resume(): void {
    this.waitingForDrain = false;
    this.pump();
  }

  /** Relays nothing more (the exchange ended). */
  stop(): void {
    this.stopped = true;
  }

  private pump(): void {
    while (!this.stopped && !this.waitingForDrain) {
      const data = this.source.read() as Buffer | null;
      if (data === null) return;
      this.received += data.length;
      // The cut falls before the read that would pass the cap: what went out stays under it, and the
      // client's buffer is not left full, so an event stream can still end with the relay's error event.
      if (this.received > this.maxBytes) {
        this.stopped = true;
        this.onTooLarge();
        return;
      }
      this.waitingForDrain = !this.sink.write(data);
      this.onRelayed(data.length);
    }
  }
}
