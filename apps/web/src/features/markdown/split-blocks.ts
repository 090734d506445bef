// Splits a message into top-level markdown blocks that render the same apart as together, so a
// streaming answer re-parses only its last block on each delta instead of the whole text (a 40 KB
// answer costs hundreds of milliseconds to parse and highlight; one block costs a few).
//
// The scan is conservative: it splits only at a blank line followed by an unindented line that
// is not a list item, which ends every open container in CommonMark, and never inside a fenced
// code or math block or an HTML block that runs across blank lines. Where it cannot tell what an
// indented line belongs to (a lazy continuation of a list item, say) it stops splitting and keeps
// the rest as one block. The tests check, against the real renderer, that the pieces render
// exactly like the whole, for random arrangements of tricky pieces and at every point of a
// stream. Whatever the split, every piece goes through the same safe pipeline.

// What the scan is inside of: a fence (code or math) until its closing line, or an HTML block
// until a line matching `end` (or, when `end` is null, until a blank line).
type Open = { kind: 'fence'; char: string; length: number } | { kind: 'html'; end: RegExp | null };

// Link reference and footnote definitions apply to the whole document, wherever they stand (even
// inside a quote or list item): with one present the text is never split.
const definition = /^(?:[ \t>]|[-+*][ \t]|\d{1,9}[.)][ \t])*\[[^\]\n]+\]:/m;
const listItem = /^( {0,3})([-+*]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
const thematicBreak = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const headingOrQuote = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>)/;
const fenceLine = /^( {0,3})(`{3,}|~{3,}|\${2,})(.*)$/;
// Only spaces and tabs make a line blank; a no-break space is content to CommonMark.
const blankLine = /^[ \t]*$/;
const unindented = /^[^ \t]/;
// A GFM table's delimiter row (| --- | :-: |); the lines after it are rows, not a paragraph.
const tableDelimiter = /^ {0,3}(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
// Lines after which no paragraph is open (an HTML block of type 7 cannot interrupt a paragraph):
// headings, setext underlines and thematic breaks.
const closedLeafLine = /^ {0,3}(?:#{1,6}(?:[ \t].*)?|=+[ \t]*|(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

// CommonMark's HTML block start conditions, types 1 to 7 (spec section 4.6).
const blockTags =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|' +
  'menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|' +
  'track|ul';
const htmlStarts: ReadonlyArray<{ start: RegExp; end: RegExp | null; interrupts: boolean }> = [
  {
    start: /^<(?:pre|script|style|textarea)(?:[ \t>]|$)/i,
    end: /<\/(?:pre|script|style|textarea)>/i,
    interrupts: true,
  },
  { start: /^<!--/, end: /-->/, interrupts: true },
  { start: /^<\?/, end: /\?>/, interrupts: true },
  { start: /^<![a-zA-Z]/, end: />/, interrupts: true },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
  { start: new RegExp(`^</?(?:${blockTags})(?:[ \\t>]|/>|$)`, 'i'), end: null, interrupts: true },
  {
    start:
      /^(?:<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[a-zA-Z][a-zA-Z0-9-]*\s*>)[ \t]*$/,
    end: null,
    interrupts: false,
  },
];

/** The column of the first non-blank character, with tab stops every four columns. */
function indentOf(line: string): number {
  let column = 0;
  for (const char of line) {
    if (char === ' ') column += 1;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/** The column where a list item's content starts, when the line starts a list item. */
function listItemIndent(line: string): number | undefined {
  const match = listItem.exec(line);
  if (!match || thematicBreak.test(line)) return undefined;
  const markerEnd = (match[1] ?? '').length + (match[2] ?? '').length;
  const spaces = indentOf(`${' '.repeat(markerEnd)}${match[3] ?? ''}x`) - markerEnd;
  // An empty item, or one whose text starts with indented code, has its content one column on.
  if ((match[4] ?? '') === '' || spaces > 4) return markerEnd + 1;
  return markerEnd + spaces;
}

function openingFence(line: string): Open | undefined {
  const match = fenceLine.exec(line);
  const sequence = match?.[2];
  if (!match || !sequence) return undefined;
  const char = sequence.charAt(0);
  // ``` followed by more backticks is inline code; $$x$$ on one line is inline math.
  if ((char === '`' || char === '$') && (match[3] ?? '').includes(char)) return undefined;
  return { kind: 'fence', char, length: sequence.length };
}

function openingHtml(line: string, afterParagraph: boolean): Open | undefined {
  if (indentOf(line) > 3) return undefined;
  const trimmed = line.trimStart();
  for (const { start, end, interrupts } of htmlStarts) {
    if (!start.test(trimmed) || (afterParagraph && !interrupts)) continue;
    // Types 1 to 5 may end on the line they start on.
    if (end?.test(trimmed.slice(1))) return undefined;
    return { kind: 'html', end };
  }
  return undefined;
}

function closes(line: string, open: Open): boolean {
  if (open.kind === 'html') return open.end === null ? blankLine.test(line) : open.end.test(line);
  const match = fenceLine.exec(line);
  const sequence = match?.[2];
  return (
    sequence !== undefined &&
    sequence.charAt(0) === open.char &&
    sequence.length >= open.length &&
    blankLine.test(match?.[3] ?? '')
  );
}

/** The message's top-level blocks, in order: `blocks.join('\n')` is the original text. */
function interruptsParagraph(line: string): boolean {
  return (
    thematicBreak.test(line) ||
    headingOrQuote.test(line) ||
    openingFence(line) !== undefined ||
    openingHtml(line, true) !== undefined
  );
}

export function splitMarkdownBlocks(text: string): string[] {
  // A bare \r (not part of \r\n) is a line ending this line scan would not see.
  if (definition.test(text) || /\r(?!\n)/.test(text)) return [text];
  const lines = text.split('\n');
  const blocks: string[] = [];
  let start = 0;
  let open: Open | undefined;
  let previousBlank = true;
  // Whether the line before may be an open paragraph (not a heading, break or table row).
  let paragraphOpen = false;
  let inTable = false;
  // The content column of the current top-level list item. Lines indented that far belong to the
  // item, and so do their fences and HTML blocks, which end with it; they are not tracked.
  let listIndent: number | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    if (open) {
      if (closes(line, open)) {
        // A blank line that ends an HTML block is still a blank line.
        previousBlank = open.kind === 'html' && open.end === null;
        paragraphOpen = false;
        open = undefined;
      }
      continue;
    }
    if (blankLine.test(line)) {
      previousBlank = true;
      paragraphOpen = false;
      inTable = false;
      continue;
    }
    const itemIndent = listItemIndent(line);
    if (previousBlank && index > start && unindented.test(line) && itemIndent === undefined) {
      blocks.push(lines.slice(start, index).join('\n'));
      start = index;
      listIndent = undefined;
    }
    const afterBlank = previousBlank;
    const afterParagraph = paragraphOpen;
    previousBlank = false;
    if (afterParagraph && tableDelimiter.test(line)) inTable = true;
    paragraphOpen = !inTable && !closedLeafLine.test(line);

    if (listIndent !== undefined) {
      if (indentOf(line) >= listIndent) continue;
      if (itemIndent === undefined) {
        // Left of the item's content. Unindented and able to interrupt a paragraph: the list has
        // ended. Anything else may be a lazy continuation of the item's paragraph or may not,
        // which this scan cannot tell: the rest of the text stays in one block.
        if (!unindented.test(line) || !(afterBlank || interruptsParagraph(line))) break;
        listIndent = undefined;
      }
    }
    if (itemIndent !== undefined) {
      listIndent = itemIndent;
      continue;
    }
    open = openingFence(line) ?? openingHtml(line, afterParagraph);
    if (open) inTable = false;
  }
  // Everything from the last split on, including anything left unscanned after an early break.
  blocks.push(lines.slice(start).join('\n'));
  return blocks;
}
