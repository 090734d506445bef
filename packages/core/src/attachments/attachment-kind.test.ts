import { describe, expect, it } from 'vitest';
import { attachmentKind, storedMediaType } from './attachment-kind.ts';

describe('attachment kinds', () => {
  it.each([
    ['photo.PNG', 'image/png', 'image'],
    ['scan.jpg', 'image/jpeg', 'image'],
    ['paper.pdf', 'application/pdf', 'pdf'],
    ['paper.pdf', '', 'pdf'],
    ['main.ts', 'video/mp2t', 'text'],
    ['Makefile', '', 'text'],
    ['data.json', 'application/json', 'text'],
    ['notes', 'text/plain', 'text'],
    ['icon.tiff', 'image/tiff', 'unsupported'],
    ['archive.zip', 'application/zip', 'unsupported'],
  ])('%s (%s) is %s', (name, mediaType, kind) => {
    expect(attachmentKind({ name, mediaType })).toBe(kind);
  });

  it('stores code that browsers mistype as text/plain, and keeps types that are right', () => {
    expect(storedMediaType({ name: 'main.ts', browserType: 'video/mp2t' })).toBe('text/plain');
    expect(storedMediaType({ name: 'README.md', browserType: 'text/markdown' })).toBe('text/markdown');
    expect(storedMediaType({ name: 'paper.pdf', browserType: '' })).toBe('application/pdf');
    expect(storedMediaType({ name: 'photo.png', browserType: 'image/png' })).toBe('image/png');
    expect(storedMediaType({ name: 'blob', browserType: '' })).toBe('application/octet-stream');
  });
});
