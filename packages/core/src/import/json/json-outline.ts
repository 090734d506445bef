import { ImportFileError } from '../import-file-error.ts';
import { type JsonHandler, JsonTokenizer } from './json-tokenizer.ts';

/**
 * The keys near the top of a JSON document, enough to tell which client wrote it: paths like
 * `[]/mapping` (a key of the first element of a top-level array) or `chat-next-web-store/sessions`.
 * Only the first element of every array is looked into.
 */
export interface JsonOutline {
  root: 'array' | 'object' | 'value' | null;
  /** The top-level array is empty. */
  emptyArray: boolean;
  has(path: string): boolean;
}

const maxOutlineDepth = 4;

interface Frame {
  /** The path of this container, or null when it is not looked into. */
  path: string | null;
  isArray: boolean;
  elements: number;
  key: string;
}

class OutlineCollector implements JsonHandler {
  root: JsonOutline['root'] = null;
  emptyArray = false;
  /** The first element of a top-level array, or the top-level object, has ended: enough is known. */
  done = false;
  readonly paths = new Set<string>();
  private readonly frames: Frame[] = [];

  startObject(): void {
    this.open(false);
  }

  startArray(): void {
    this.open(true);
  }

  endObject(): void {
    this.close();
  }

  endArray(): void {
    const frame = this.frames.at(-1);
    if (this.frames.length === 1 && frame && frame.elements === 0) this.emptyArray = true;
    this.close();
  }

  key(name: string): void {
    const frame = this.frames.at(-1);
    if (!frame) return;
    frame.key = name;
    if (frame.path !== null) this.paths.add(frame.path === '' ? name : `${frame.path}/${name}`);
  }

  value(): void {
    if (this.frames.length === 0) this.root = 'value';
    this.count();
  }

  private open(isArray: boolean): void {
    const parent = this.frames.at(-1);
    let path: string | null = '';
    if (!parent) this.root = isArray ? 'array' : 'object';
    else path = this.childPath(parent);
    this.count();
    this.frames.push({ path: this.frames.length >= maxOutlineDepth ? null : path, isArray, elements: 0, key: '' });
  }

  private childPath(parent: Frame): string | null {
    if (parent.path === null) return null;
    const step = parent.isArray ? (parent.elements === 0 ? '[]' : null) : parent.key;
    if (step === null) return null;
    return parent.path === '' ? step : `${parent.path}/${step}`;
  }

  private count(): void {
    const frame = this.frames.at(-1);
    if (frame) frame.elements += 1;
  }

  private close(): void {
    this.frames.pop();
    const root = this.frames[0];
    if (this.frames.length === 0 || (this.frames.length === 1 && root?.isArray)) this.done = true;
  }
}

/**
 * Reads chunks until the outline is known (the first element of a top-level array has closed, or the
 * top-level value has) or `maxBytes` have been read. JSON that breaks after the keys that matter still
 * gets its outline: the full read reports the break.
 */
export async function readJsonOutline(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<JsonOutline> {
  const collector = new OutlineCollector();
  const tokenizer = new JsonTokenizer(collector);
  for await (const chunk of chunks) {
    // Only the JSON's own breaks are forgiven here; a file that cannot be read at all still says so.
    try {
      tokenizer.write(chunk);
    } catch (error) {
      if (error instanceof ImportFileError) break;
      throw error;
    }
    if (collector.done || tokenizer.bytesRead >= maxBytes) break;
  }
  return { root: collector.root, emptyArray: collector.emptyArray, has: (path) => collector.paths.has(path) };
}
