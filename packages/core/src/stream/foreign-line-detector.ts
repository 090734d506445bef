const LF = 10;
const CR = 13;
const COLON = 58;
// `retry:` is the longest known field with its colon; a seventh character without a colon proves an unknown field.
const headLength = 7;
const sseFields = new Set(['data', 'event', 'id', 'retry']);

/** Notices lines that are not server-sent events at all. */
export interface ForeignLineDetector {
  /** Reads more of the stream; a line may be split across calls anywhere, CRLF included. */
  feed(text: string): void;
  /** Whether some complete line was neither blank, a comment, nor a known SSE field. */
  readonly seen: boolean;
}

/**
 * Classifies whole lines by their first few characters. eventsource-parser drops such lines silently or
 * reports them depending on where chunks were split, so it cannot tell us this consistently.
 */
export function createForeignLineDetector(): ForeignLineDetector {
  let head = '';
  let afterCr = false;
  let seen = false;

  function endLine(): void {
    if (!isSseLine(head)) seen = true;
    head = '';
  }

  return {
    feed(text) {
      if (seen || text === '') return;
      let start = 0;
      if (afterCr) {
        afterCr = false;
        if (text.charCodeAt(0) === LF) start = 1;
      }
      for (let i = start; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code !== LF && code !== CR) {
          if (head.length < headLength) head += text[i];
          continue;
        }
        endLine();
        if (seen) return;
        if (code === CR) {
          if (i + 1 === text.length) afterCr = true;
          else if (text.charCodeAt(i + 1) === LF) i++;
        }
      }
    },
    get seen() {
      return seen;
    },
  };
}

function isSseLine(head: string): boolean {
  if (head === '' || head.charCodeAt(0) === COLON) return true;
  const colon = head.indexOf(':');
  if (colon === -1) return head.length < headLength && sseFields.has(head);
  return sseFields.has(head.slice(0, colon));
}
