import { describe, expect, it } from 'vitest';
import type { ImportJobError } from '../../archive/import-messages.ts';
import { archiveStrings } from './archive-strings.ts';
import { importErrorText } from './import-error-text.ts';

const errors: ImportJobError[] = [
  { kind: 'file', code: 'unrecognized', detail: { line: 1 } },
  { kind: 'file', code: 'truncated', detail: { line: 41 } },
  { kind: 'file', code: 'malformed', detail: { line: 7, reason: 'not_json' } },
  {
    kind: 'file',
    code: 'malformed',
    detail: { line: 8, reason: 'invalid_record', issue: 'record.updatedAt: Expected a clock' },
  },
  {
    kind: 'file',
    code: 'malformed',
    detail: { line: 9, reason: 'count_mismatch', table: 'messages', expected: 3, actual: 2 },
  },
  { kind: 'file', code: 'malformed', detail: { reason: 'gzip_damaged' } },
  { kind: 'file', code: 'malformed', detail: { conversation: 'c1', title: 'Trip', issue: 'title: Too long' } },
  { kind: 'file', code: 'missing_entry', detail: { entry: 'conversations.json' } },
  { kind: 'file', code: 'newer_version', detail: { version: 3, supported: 1 } },
  { kind: 'unreadable' },
  { kind: 'unexpected', message: 'TypeError: x' },
];

describe('importErrorText', () => {
  it.each(['en', 'zh-CN'] as const)('names what is wrong with the file, distinctly for each case (%s)', (locale) => {
    const texts = errors.map((error) => importErrorText(error, archiveStrings[locale]));
    expect(new Set(texts).size).toBe(errors.length);
    for (const text of texts) expect(text.length).toBeGreaterThan(5);
  });

  it('names the line, the field and the numbers the detail carries', () => {
    const s = archiveStrings.en;
    expect(importErrorText(errors[1] as ImportJobError, s)).toContain('after line 41');
    expect(importErrorText(errors[3] as ImportJobError, s)).toBe(
      'Line 8 of the file is damaged: record.updatedAt: Expected a clock.',
    );
    expect(importErrorText(errors[4] as ImportJobError, s)).toContain('3 messages records, but it holds 2');
    expect(importErrorText(errors[8] as ImportJobError, archiveStrings['zh-CN'])).toContain('格式 3');
  });
});
