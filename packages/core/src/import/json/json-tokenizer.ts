import { ImportFileError } from '../import-file-error.ts';
import { nextNumberState, numberAccepts, numberStart } from './json-number-grammar.ts';
import { asciiText, decodeUtf8, escapes, hexValue } from './json-text-bytes.ts';

/** What the tokenizer reports, in document order. Keys and string values arrive whole, already decoded. */
export interface JsonHandler {
  startObject(): void;
  endObject(): void;
  startArray(): void;
  endArray(): void;
  key(name: string): void;
  value(value: string | number | boolean | null): void;
}

/** Bounds that keep a hostile file from exhausting memory or the stack of whatever reads the values. */
export interface JsonLimits {
  /** Open objects and arrays at once. Real exports nest about 15 deep. */
  maxDepth: number;
  /** UTF-8 bytes of one string: an enormous message is a few MB, a pasted book some tens. */
  maxStringBytes: number;
}

export const defaultJsonLimits: JsonLimits = { maxDepth: 256, maxStringBytes: 128 * 1024 * 1024 };

const maxNumberLength = 1_000;

// What may come next outside of a token.
const expectValue = 0; // at the start, after ':' and after ',' in an array
const expectValueOrClose = 1; // after '['
const expectKeyOrClose = 2; // after '{'
const expectKey = 3; // after ',' in an object
const expectColon = 4;
const expectCommaOrClose = 5;
const expectEnd = 6; // the top-level value is complete

// The token being read, when one spans several bytes (and possibly several chunks).
const inNothing = 0;
const inString = 1;
const inEscape = 2;
const inUnicodeEscape = 3;
const inNumber = 4;
const inLiteral = 5;

const objectKind = 1;
const arrayKind = 2;

const bom = [0xef, 0xbb, 0xbf];

/**
 * A push tokenizer for JSON as UTF-8 bytes in chunks split anywhere (inside a character, an escape, a
 * number or a literal). It validates the whole grammar as it goes, so the first impossible byte is
 * reported `malformed` with its byte offset, and input that ends while a value is still open is
 * `truncated`: the two differ exactly in whether some continuation could still make valid JSON.
 */
export class JsonTokenizer {
  private offset = 0;
  private expect = expectValue;
  private mode = inNothing;
  private readonly kinds: Uint8Array;
  private depth = 0;
  private bomSeen = 0;
  private started = false;
  // The string being read: decoded text so far, plus raw bytes not yet decoded.
  private text = '';
  private pending: Uint8Array = new Uint8Array(256);
  private pendingLength = 0;
  private stringBytes = 0;
  private stringIsKey = false;
  private unicode = 0;
  private unicodeDigits = 0;
  private numberText = '';
  private numberState = numberStart;
  private literal = '';
  private literalAt = 0;

  constructor(
    private readonly handler: JsonHandler,
    private readonly limits: JsonLimits = defaultJsonLimits,
  ) {
    this.kinds = new Uint8Array(limits.maxDepth + 1);
  }

  /** Bytes consumed so far. */
  get bytesRead(): number {
    return this.offset;
  }

  write(chunk: Uint8Array): void {
    let i = 0;
    if (!this.started) i = this.skipBom(chunk);
    const end = chunk.length;
    while (i < end) {
      switch (this.mode) {
        case inString:
          i = this.readString(chunk, i);
          break;
        case inEscape:
          this.readEscape(chunk[i] ?? 0, i);
          i += 1;
          break;
        case inUnicodeEscape:
          this.readUnicodeDigit(chunk[i] ?? 0, i);
          i += 1;
          break;
        case inNumber:
          i = this.readNumber(chunk, i);
          break;
        case inLiteral:
          this.readLiteral(chunk[i] ?? 0, i);
          i += 1;
          break;
        default:
          i = this.readStructure(chunk, i);
      }
    }
    this.offset += end;
  }

  /** The input is over: completes a top-level number, or reports that the JSON was cut short. */
  end(): void {
    if (this.mode === inNumber && this.depth === 0 && numberAccepts[this.numberState]) {
      this.finishNumber();
    }
    if (this.mode !== inNothing || this.expect !== expectEnd) {
      throw new ImportFileError('truncated', `The JSON ends at byte ${this.offset} before it is complete.`, {
        offset: this.offset,
      });
    }
  }

  private skipBom(chunk: Uint8Array): number {
    let i = 0;
    while (i < chunk.length && this.bomSeen < 3) {
      if (chunk[i] !== bom[this.bomSeen]) {
        if (this.bomSeen > 0) this.fail(i, 'a byte-order mark is incomplete');
        this.started = true;
        return i;
      }
      this.bomSeen += 1;
      i += 1;
    }
    if (this.bomSeen === 3) this.started = true;
    return i;
  }

  private readStructure(chunk: Uint8Array, start: number): number {
    let i = start;
    let c = chunk[i] ?? 0;
    // Whitespace runs are common (pretty-printed exports): skip them without a trip round the loop.
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i += 1;
      if (i === chunk.length) return i;
      c = chunk[i] ?? 0;
    }
    switch (this.expect) {
      case expectValueOrClose:
        if (c === 0x5d) {
          this.close(arrayKind, i);
          return i + 1;
        }
        return this.startValue(chunk, i, c);
      case expectValue:
        return this.startValue(chunk, i, c);
      case expectKeyOrClose:
      case expectKey:
        if (c === 0x22) {
          this.startString(true);
          return i + 1;
        }
        if (c === 0x7d && this.expect === expectKeyOrClose) {
          this.close(objectKind, i);
          return i + 1;
        }
        return this.fail(i, 'expected a key in double quotes');
      case expectColon:
        if (c !== 0x3a) this.fail(i, "expected ':' after a key");
        this.expect = expectValue;
        return i + 1;
      case expectCommaOrClose: {
        const kind = this.kinds[this.depth];
        if (c === 0x2c) {
          this.expect = kind === objectKind ? expectKey : expectValue;
          return i + 1;
        }
        if ((c === 0x5d && kind === arrayKind) || (c === 0x7d && kind === objectKind)) {
          this.close(kind, i);
          return i + 1;
        }
        return this.fail(i, kind === objectKind ? "expected ',' or '}'" : "expected ',' or ']'");
      }
      default:
        return this.fail(i, 'unexpected data after the end of the JSON');
    }
  }

  private startValue(chunk: Uint8Array, i: number, c: number): number {
    switch (c) {
      case 0x7b:
        this.open(objectKind, i);
        this.expect = expectKeyOrClose;
        this.handler.startObject();
        return i + 1;
      case 0x5b:
        this.open(arrayKind, i);
        this.expect = expectValueOrClose;
        this.handler.startArray();
        return i + 1;
      case 0x22:
        this.startString(false);
        return i + 1;
      case 0x74:
        return this.startLiteral('true', i);
      case 0x66:
        return this.startLiteral('false', i);
      case 0x6e:
        return this.startLiteral('null', i);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          this.mode = inNumber;
          this.numberText = c === 0x2d ? '-' : '';
          this.numberState = numberStart;
          // The first character goes through the same state machine as the rest.
          if (c !== 0x2d) return this.readNumber(chunk, i);
          return i + 1;
        }
        return this.fail(i, 'expected a value');
    }
  }

  private open(kind: number, at: number): void {
    if (this.depth === this.limits.maxDepth) this.fail(at, `nested more than ${this.limits.maxDepth} levels deep`);
    this.depth += 1;
    this.kinds[this.depth] = kind;
  }

  private close(kind: number, _at: number): void {
    this.depth -= 1;
    if (kind === objectKind) this.handler.endObject();
    else this.handler.endArray();
    this.afterValue();
  }

  private afterValue(): void {
    this.expect = this.depth === 0 ? expectEnd : expectCommaOrClose;
  }

  private startString(isKey: boolean): void {
    this.mode = inString;
    this.stringIsKey = isKey;
    this.text = '';
    this.pendingLength = 0;
    this.stringBytes = 0;
  }

  private readString(chunk: Uint8Array, start: number): number {
    const end = chunk.length;
    let j = start;
    let c = 0;
    while (j < end) {
      c = chunk[j] ?? 0;
      if (c === 0x22 || c === 0x5c || c < 0x20) break;
      j += 1;
    }
    this.stringBytes += j - start;
    if (this.stringBytes > this.limits.maxStringBytes) {
      this.fail(j, `a string is longer than ${this.limits.maxStringBytes} bytes`);
    }
    if (j === end) {
      this.keep(chunk, start, j);
      return j;
    }
    if (c === 0x22) {
      let value: string;
      if (this.pendingLength === 0 && this.text === '') {
        value = decodeUtf8(chunk.subarray(start, j)); // the common case: the whole string in this chunk
      } else {
        this.keep(chunk, start, j);
        value = this.text + this.takePending();
      }
      this.finishString(value);
      return j + 1;
    }
    if (c === 0x5c) {
      this.keep(chunk, start, j);
      // An escape starts at an ASCII byte, so the pending bytes end on a character boundary.
      this.text += this.takePending();
      this.mode = inEscape;
      return j + 1;
    }
    return this.fail(j, 'a control character inside a string must be escaped');
  }

  private keep(chunk: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (length === 0) return;
    if (this.pendingLength + length > this.pending.length) {
      const grown = new Uint8Array(Math.max(this.pending.length * 2, this.pendingLength + length));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(chunk.subarray(start, end), this.pendingLength);
    this.pendingLength += length;
  }

  private takePending(): string {
    const text = decodeUtf8(this.pending.subarray(0, this.pendingLength));
    this.pendingLength = 0;
    if (this.pending.length > 1 << 20) this.pending = new Uint8Array(256); // do not hold an enormous buffer
    return text;
  }

  private finishString(value: string): void {
    this.mode = inNothing;
    this.text = '';
    if (this.stringIsKey) {
      this.expect = expectColon;
      this.handler.key(value);
    } else {
      this.afterValue();
      this.handler.value(value);
    }
  }

  private readEscape(c: number, at: number): void {
    if (c === 0x75) {
      this.mode = inUnicodeEscape;
      this.unicode = 0;
      this.unicodeDigits = 0;
      return;
    }
    const char = escapes[c];
    if (char === undefined) this.fail(at, 'an invalid escape sequence');
    this.text += char;
    this.mode = inString;
  }

  private readUnicodeDigit(c: number, at: number): void {
    const digit = hexValue(c);
    if (digit < 0) this.fail(at, 'a \\u escape needs four hexadecimal digits');
    this.unicode = this.unicode * 16 + digit;
    this.unicodeDigits += 1;
    if (this.unicodeDigits === 4) {
      // Surrogate halves are appended as they come: two escapes in a row make one character, exactly as
      // JSON.parse joins them, even when a chunk boundary falls between them.
      this.text += String.fromCharCode(this.unicode);
      this.mode = inString;
    }
  }

  private readNumber(chunk: Uint8Array, start: number): number {
    const end = chunk.length;
    let j = start;
    let state = this.numberState;
    for (; j < end; j++) {
      const c = chunk[j] ?? 0;
      const isDigit = c >= 0x30 && c <= 0x39;
      const next = nextNumberState(state, c, isDigit);
      if (next >= 0) {
        state = next;
        continue;
      }
      if (next === -2 || !numberAccepts[state]) this.fail(j, 'a number is not written as JSON allows');
      this.numberText += asciiText(chunk, start, j);
      this.numberState = state;
      this.finishNumber();
      return j; // the byte after a number belongs to the structure
    }
    this.numberText += asciiText(chunk, start, end);
    this.numberState = state;
    if (this.numberText.length > maxNumberLength) this.fail(end, 'a number is too long');
    return end;
  }

  private finishNumber(): void {
    this.mode = inNothing;
    this.afterValue();
    this.handler.value(Number(this.numberText));
  }

  private startLiteral(literal: string, i: number): number {
    this.mode = inLiteral;
    this.literal = literal;
    this.literalAt = 1;
    return i + 1;
  }

  private readLiteral(c: number, at: number): void {
    if (c !== this.literal.charCodeAt(this.literalAt)) this.fail(at, `expected ${this.literal}`);
    this.literalAt += 1;
    if (this.literalAt === this.literal.length) {
      this.mode = inNothing;
      this.afterValue();
      this.handler.value(this.literal === 'null' ? null : this.literal === 'true');
    }
  }

  private fail(index: number, reason: string): never {
    const offset = this.offset + index;
    throw new ImportFileError('malformed', `The JSON is broken at byte ${offset}: ${reason}.`, { offset, reason });
  }
}
