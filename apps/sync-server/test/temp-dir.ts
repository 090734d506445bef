import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir; `remove()` deletes it and everything in it. */
export function makeTempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `hearth-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Every file under `dir`, recursively, as absolute paths; empty when `dir` does not exist. */
export function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Files under `dir` whose bytes contain any of `needles`, with the needles found. */
export function filesContaining(dir: string, needles: readonly string[]): { file: string; found: string[] }[] {
  return listFiles(dir).flatMap((file) => {
    const content = readFileSync(file).toString('latin1');
    const found = needles.filter((needle) => content.includes(needle));
    return found.length > 0 ? [{ file, found }] : [];
  });
}
