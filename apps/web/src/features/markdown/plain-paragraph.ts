// A streamed answer that is one long paragraph is one block, so splitting into blocks alone would still
// parse the whole of it at every delta. A paragraph of plain words needs no parsing at all: it renders
// as exactly its text in a <p>, and the tests check that against the real renderer.

// Letters, marks, digits, spaces and the punctuation that means nothing to CommonMark or GFM where it
// stands inside a line: no *, _, `, [, ], <, >, \, &, ~, $, |, #, /, @ or newline, which could start
// emphasis, code, links, HTML, escapes, entities, strikethrough, math, tables or autolinks.
const plainText = /^\p{L}[\p{L}\p{M}\p{N} .,;:'"?!()%+=\-\u2010-\u201f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]*$/u;
// GFM turns `www.` words into links even without a scheme.
const wwwLink = /www\./i;

/** The text of a block that is a single paragraph of plain words, or undefined when it needs parsing. */
export function plainParagraph(block: string): string | undefined {
  // A block ends with the newline before the next one; CommonMark drops a paragraph's trailing spaces.
  const text = block.replace(/[ \t\r\n]+$/, '');
  if (text === '' || !plainText.test(text) || wwwLink.test(text)) return undefined;
  return text;
}

/** Where a long paragraph's text is cut into text nodes: past each this many characters, at a space. */
const runLength = 1_000;

/**
 * A plain paragraph's text in runs that only ever grow at the end while it streams: each cut is the
 * first space after a multiple of `runLength` from the last cut. The runs go into separate text nodes,
 * so a delta changes only the last one, and the browser shapes the text of the others again no more.
 */
export function textRuns(text: string): string[] {
  const runs: string[] = [];
  let start = 0;
  for (let cut = text.indexOf(' ', runLength); cut > 0; cut = text.indexOf(' ', start + runLength)) {
    runs.push(text.slice(start, cut));
    start = cut;
  }
  runs.push(text.slice(start));
  return runs;
}
