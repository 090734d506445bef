import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

const maxPendingBytes = 64 * 1024;

// Every forwarder with queued bytes, flushed together by one callback per turn of the event loop: with
// hundreds of streams that is one scheduled callback instead of one per stream per chunk.
let due: ChunkForwarder[] = [];
let scheduled = false;
function flushDue(): void {
  scheduled = false;
  const batch = due;
  due = [];
  for (const forwarder of batch) forwarder.flushQueued();
}

/**
 * Writes an upstream body to the client as it arrives. What arrived in one turn of the event loop (an SSE
 * stream comes as many tiny HTTP chunks, over one or several socket reads) goes out as one write right
 * after that turn's I/O: no timer and no waiting for more data, but one syscall and one chunk frame
 * instead of hundreds. The source pauses while the client cannot take more.
 */
export class ChunkForwarder {
  private readonly res: ServerResponse;
  private readonly source: Readable;
  private readonly onWritten: (bytes: number) => void;
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Whether this forwarder is in this turn's list of due ones. */
  private queued = false;

  constructor(options: { res: ServerResponse; source: Readable; onWritten: (bytes: number) => void }) {
    this.res = options.res;
    this.source = options.source;
    this.onWritten = options.onWritten;
  }

  /** Queues a chunk for the write after this turn's I/O. */
  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // A fast upstream can deliver megabytes in one turn; writing early keeps every stream's memory small.
    if (this.pendingBytes >= maxPendingBytes) {
      this.flush();
      return;
    }
    if (this.queued) return;
    this.queued = true;
    due.push(this);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flushDue);
    }
  }

  /** The turn's flush, for the forwarders that were due. */
  flushQueued(): void {
    this.queued = false;
    this.flush();
  }

  /** Writes whatever is queued now (before the response ends or the relay appends its own event). */
  flush(): void {
    if (this.pendingBytes === 0 || this.res.destroyed) return;
    const data =
      this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    this.pending.length = 0;
    this.pendingBytes = 0;
    this.onWritten(data.length);
    if (!this.res.write(data)) this.source.pause();
  }

  /** Drops what is queued (the exchange ended without it); a turn's flush that comes finds nothing. */
  discard(): void {
    this.pending.length = 0;
    this.pendingBytes = 0;
  }
}
