import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bumped when the stamp's shape changes: an older stamp then counts as none. */
const stampVersion = 1;

/**
 * Where the fingerprints of the last successful run of each step are kept: inside node_modules, which
 * git ignores and which a fresh install starts without (so deleting node_modules forgets every stamp).
 */
export function stampDir(root) {
  return join(root, 'node_modules', '.cache', 'hearth');
}

/** The stamp of step `name`, or undefined when there is none (or it is unreadable or outdated). */
export function readStamp(root, name) {
  try {
    const stamp = JSON.parse(readFileSync(join(stampDir(root), `${name}.json`), 'utf8'));
    return stamp.version === stampVersion ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Records a successful run; written whole or not at all (two starts at once must not leave half a file). */
export function writeStamp(root, name, { inputs, output }) {
  const dir = stampDir(root);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: stampVersion, inputs, output })}\n`);
  renameSync(temporary, file);
}

/** Forgets step `name` (its last run failed: whatever it left is not a result). */
export function removeStamp(root, name) {
  rmSync(join(stampDir(root), `${name}.json`), { force: true });
}
