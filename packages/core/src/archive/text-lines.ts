import { ImportFileError } from '../import/import-file-error.ts';

/** One line of a text file, numbered from 1, without its line break. */
export interface TextLine {
  text: string;
  number: number;
  /** False only for a last line the file ends in without a line break. */
  terminated: boolean;
}

export interface TextLinesOptions {
  /** The longest line accepted, in UTF-16 code units; a longer one is refused before it fills memory. */
  maxLineLength: number;
}

const lineFeed = 0x0a;

/**
 * Splits UTF-8 bytes into lines (`\n` or `\r\n`), whatever the chunking: a line break or a character
 * split across chunks comes out whole. Bytes are split at line feeds before decoding (a line feed byte
 * is never part of another UTF-8 character), so bytes that are not UTF-8 are refused naming their line.
 */
export async function* textLines(
  bytes: AsyncIterable<Uint8Array>,
  options: TextLinesOptions,
): AsyncGenerator<TextLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let number = 1;
  const append = (segment: Uint8Array, final: boolean, endOfFile: boolean) => {
    try {
      pending += decoder.decode(segment, { stream: !final });
    } catch {
      // At the very end of the file, the only way to fail is a character cut short: the file was cut there.
      if (endOfFile) {
        throw new ImportFileError('truncated', `The file ends inside a character on line ${number}.`, { line: number });
      }
      throw new ImportFileError('malformed', `Line ${number} is not UTF-8 text.`, { line: number, reason: 'not_utf8' });
    }
    if (pending.length > options.maxLineLength) {
      throw new ImportFileError('malformed', `Line ${number} is longer than ${options.maxLineLength} characters.`, {
        line: number,
        reason: 'line_too_long',
        limit: options.maxLineLength,
      });
    }
  };
  for await (const chunk of bytes) {
    let from = 0;
    for (let end = chunk.indexOf(lineFeed); end !== -1; end = chunk.indexOf(lineFeed, from)) {
      append(chunk.subarray(from, end), true, false);
      yield { text: withoutCarriageReturn(pending), number, terminated: true };
      pending = '';
      number += 1;
      from = end + 1;
    }
    if (from < chunk.length) append(chunk.subarray(from), false, false);
  }
  append(new Uint8Array(), true, true);
  if (pending.length > 0) yield { text: withoutCarriageReturn(pending), number, terminated: false };
}

function withoutCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
