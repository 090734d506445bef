/**
 * JSON's number grammar as a state machine fed one byte at a time, so a number split across chunks is
 * checked as it arrives and a byte that can never continue it is refused at once (`01`, `1.e`, `--1`).
 */
// Number grammar (RFC 8259), one state per position in `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
const numSign = 0;
export const numberStart = numSign;
const numZero = 1;
const numInt = 2;
const numDot = 3;
const numFrac = 4;
const numE = 5;
const numExpSign = 6;
const numExp = 7;
export const numberAccepts = [false, true, true, false, true, false, false, true];

/** The next number state, -1 when the byte ends the number, -2 when it makes the number invalid. */
export function nextNumberState(state: number, c: number, isDigit: boolean): number {
  switch (state) {
    case numSign:
      if (c === 0x30) return numZero;
      return isDigit ? numInt : -2;
    case numZero:
      if (isDigit) return -2; // no leading zeros
      return fraction(c);
    case numInt:
      return isDigit ? numInt : fraction(c);
    case numDot:
      return isDigit ? numFrac : -2;
    case numFrac:
      if (isDigit) return numFrac;
      return c === 0x65 || c === 0x45 ? numE : endsNumber(c);
    case numE:
      if (c === 0x2b || c === 0x2d) return numExpSign;
      return isDigit ? numExp : -2;
    case numExpSign:
      return isDigit ? numExp : -2;
    default:
      return isDigit ? numExp : endsNumber(c);
  }
}

function fraction(c: number): number {
  if (c === 0x2e) return numDot;
  if (c === 0x65 || c === 0x45) return numE;
  return endsNumber(c);
}

/** A character that could only continue a number (a sign, a dot, an exponent) breaks it. */
function endsNumber(c: number): number {
  return c === 0x2b || c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45 ? -2 : -1;
}
