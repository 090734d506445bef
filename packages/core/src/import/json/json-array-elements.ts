import { ImportFileError } from '../import-file-error.ts';
import { defaultJsonLimits, type JsonHandler, type JsonLimits, JsonTokenizer } from './json-tokenizer.ts';

type Container = unknown[] | Record<string, unknown>;

const sliceBytes = 256 * 1024;

interface Frame {
  container: Container;
  isArray: boolean;
  key: string;
}

/**
 * Builds the elements of one array, found by the keys leading to it (`[]` for a top-level array,
 * `['chat-next-web-store', 'sessions']` for one nested in objects), and only those: everything else in
 * the document is validated and dropped as it streams past, so memory holds one element at a time.
 */
class ElementCollector implements JsonHandler {
  readonly ready: unknown[] = [];
  found = false;
  private depth = 0;
  /** How many of the open containers lie on the path to the array (the target itself included). */
  private matched = 0;
  /** The last key read in the deepest matched object is the path's next step. */
  private keyMatches = false;
  /** The containers of the element being built, innermost last; `current` is the innermost. */
  private readonly building: Frame[] = [];
  private current: Frame | null = null;

  constructor(private readonly path: readonly string[]) {}

  startObject(): void {
    this.start({}, false);
  }

  startArray(): void {
    this.start([], true);
  }

  endObject(): void {
    this.end();
  }

  endArray(): void {
    this.end();
  }

  key(name: string): void {
    if (this.current !== null) this.current.key = name;
    else if (this.depth === this.matched) this.keyMatches = name === this.path[this.matched - 1];
  }

  value(value: string | number | boolean | null): void {
    if (this.current !== null) this.attach(this.current, value);
    else if (this.inTarget()) this.ready.push(value);
    else this.keyMatches = false;
  }

  private start(container: Container, isArray: boolean): void {
    if (this.current !== null) {
      this.attach(this.current, container);
      this.push({ container, isArray, key: '' });
    } else if (this.inTarget()) {
      this.push({ container, isArray, key: '' });
    } else if (this.depth === this.matched && (this.matched === 0 || this.keyMatches)) {
      this.enterPath(isArray);
    }
    this.keyMatches = false;
    this.depth += 1;
  }

  private push(frame: Frame): void {
    this.building.push(frame);
    this.current = frame;
  }

  private enterPath(isArray: boolean): void {
    const where = this.path.length === 0 ? 'The file' : `"${this.path.join('.')}"`;
    if (this.matched < this.path.length) {
      if (isArray) {
        throw new ImportFileError('malformed', `${where} is not where this format keeps its conversations.`, {
          path: this.path.join('.'),
        });
      }
    } else if (!isArray) {
      throw new ImportFileError('malformed', `${where} is not a list of conversations.`, {
        path: this.path.join('.'),
      });
    } else {
      this.found = true;
    }
    this.matched += 1;
  }

  private end(): void {
    this.depth -= 1;
    if (this.current !== null) {
      const frame = this.building.pop() as Frame;
      this.current = this.building[this.building.length - 1] ?? null;
      if (this.current === null) this.ready.push(frame.container);
      return;
    }
    if (this.depth < this.matched) this.matched = this.depth;
  }

  private inTarget(): boolean {
    return this.matched === this.path.length + 1 && this.depth === this.matched;
  }

  private attach(frame: Frame, value: unknown): void {
    if (frame.isArray) {
      (frame.container as unknown[]).push(value);
    } else if (frame.key === '__proto__') {
      // As JSON.parse does: an own property of that name, never the object's prototype.
      Object.defineProperty(frame.container, '__proto__', {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      (frame.container as Record<string, unknown>)[frame.key] = value;
    }
  }
}

/**
 * The elements of the array at `path` in a JSON document given as byte chunks, one at a time, as soon as
 * each is complete. Throws `ImportFileError`: `malformed` or `truncated` with the byte offset where the
 * JSON breaks, `malformed` when the document has no array at `path`.
 */
export async function* jsonArrayElements(
  chunks: AsyncIterable<Uint8Array>,
  path: readonly string[],
  limits: JsonLimits = defaultJsonLimits,
): AsyncGenerator<unknown, void, undefined> {
  const collector = new ElementCollector(path);
  const tokenizer = new JsonTokenizer(collector, limits);
  try {
    for await (const chunk of chunks) {
      // A source may hand over one enormous chunk (Node gives an in-memory Blob whole): taken in slices,
      // so conversations still come out one at a time instead of all at once at its end.
      for (let start = 0; start < chunk.length; start += sliceBytes) {
        tokenizer.write(chunk.subarray(start, start + sliceBytes));
        yield* drain(collector.ready);
      }
    }
    tokenizer.end();
  } catch (error) {
    // The elements completed before the JSON broke still come out, in order, before the error does.
    yield* drain(collector.ready);
    throw error;
  }
  yield* drain(collector.ready);
  if (!collector.found) {
    const where = path.length === 0 ? 'a top-level list' : `"${path.join('.')}"`;
    throw new ImportFileError('malformed', `The file has no ${where} of conversations.`, { path: path.join('.') });
  }
}

function* drain(ready: unknown[]): Generator<unknown, void, undefined> {
  // Taken out before yielding, so a consumer that stops early does not see them again.
  const taken = ready.splice(0, ready.length);
  yield* taken;
}
