import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintFiles, fingerprintListing, fingerprintSettings, sha256 } from './fingerprint.mjs';
import { ignoreRules } from './ignore-rules.mjs';

let root;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hearth-fingerprint-'));
  mkdirSync(join(root, 'app/src/deep'), { recursive: true });
  mkdirSync(join(root, 'app/dist'), { recursive: true });
  mkdirSync(join(root, 'app/node_modules/x'), { recursive: true });
  writeFileSync(join(root, 'app/src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'app/src/deep/b.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'app/dist/index.html'), '<html></html>');
  writeFileSync(join(root, 'app/node_modules/x/index.js'), '');
  writeFileSync(join(root, 'lock.yaml'), 'lockfileVersion: 9\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const isIgnored = ignoreRules('dist/\n');
const fingerprint = () => fingerprintFiles({ root, paths: ['lock.yaml', 'app'], isIgnored });

describe('fingerprintFiles', () => {
  it('maps every source file, relative to the root with slashes, to the hash of its bytes', () => {
    expect(fingerprint()).toEqual({
      'lock.yaml': sha256('lockfileVersion: 9\n'),
      'app/src/a.ts': sha256('export const a = 1;\n'),
      'app/src/deep/b.ts': sha256('export const b = 2;\n'),
    });
  });

  it('changes when a file is edited, added or removed, and not when only its time changes', () => {
    const before = fingerprint();
    utimesSync(join(root, 'app/src/a.ts'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(fingerprint()).toEqual(before);
    writeFileSync(join(root, 'app/src/a.ts'), 'export const a = 2;\n');
    expect(fingerprint()['app/src/a.ts']).not.toBe(before['app/src/a.ts']);
    writeFileSync(join(root, 'app/src/deep/c.ts'), '');
    expect(Object.keys(fingerprint())).toContain('app/src/deep/c.ts');
    rmSync(join(root, 'app/src/deep/b.ts'));
    expect(Object.keys(fingerprint())).not.toContain('app/src/deep/b.ts');
  });

  it('records a path that does not exist, so that creating it counts as a change', () => {
    const paths = ['.npmrc'];
    expect(fingerprintFiles({ root, paths })).toEqual({ '.npmrc': 'missing' });
    writeFileSync(join(root, '.npmrc'), 'x');
    expect(fingerprintFiles({ root, paths })).toEqual({ '.npmrc': sha256('x') });
  });

  it('counts a link by its target path', () => {
    symlinkSync('a.ts', join(root, 'app/src/link.ts'));
    expect(fingerprint()['app/src/link.ts']).toBe('link:a.ts');
  });
});

describe('fingerprintListing', () => {
  it('changes with the names in a folder, not their contents, and leaves out dot-names (caches)', () => {
    const listing = () => fingerprintListing({ root, path: 'app/node_modules' });
    const before = listing();
    writeFileSync(join(root, 'app/node_modules/x/index.js'), 'changed');
    mkdirSync(join(root, 'app/node_modules/.vite'));
    expect(listing()).toEqual(before);
    mkdirSync(join(root, 'app/node_modules/y'));
    expect(listing()).not.toEqual(before);
    expect(fingerprintListing({ root, path: 'nowhere' })).toEqual({ nowhere: 'missing' });
  });
});

describe('fingerprintSettings', () => {
  it('keys settings apart from files and reads an unset one as empty', () => {
    expect(fingerprintSettings({ abi: 115, LABEL: undefined })).toEqual({ 'setting:abi': '115', 'setting:LABEL': '' });
  });
});
