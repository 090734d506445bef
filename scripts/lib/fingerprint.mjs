import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * A fingerprint of files: each file's path relative to `root` (with / separators) mapped to the
 * SHA-256 of its bytes. `paths` are files or folders (walked recursively) relative to `root`; a path
 * that does not exist is recorded as missing, so that creating it later changes the fingerprint.
 * `isIgnored(relativePath, isDirectory)` leaves out what is not a source (see ignore-rules.mjs).
 * Contents are hashed rather than modification times compared: a checkout, a `touch` or a copy that
 * leaves the bytes alone does not force a rebuild, and an edit within the same second is still seen.
 */
export function fingerprintFiles({ root, paths, isIgnored = () => false }) {
  const entries = {};
  const visit = (absolute) => {
    const key = relative(root, absolute).split(sep).join('/');
    let stats;
    try {
      stats = lstatSync(absolute);
    } catch {
      entries[key] = 'missing';
      return;
    }
    if (stats.isDirectory()) {
      if (isIgnored(key, true)) return;
      for (const name of readdirSync(absolute).sort()) visit(join(absolute, name));
    } else if (!isIgnored(key, false)) {
      // A link counts by where it points; its target, if a source, is fingerprinted on its own.
      entries[key] = stats.isSymbolicLink() ? `link:${readlinkSync(absolute)}` : sha256(readFileSync(absolute));
    }
  };
  for (const path of paths) visit(join(root, path));
  return entries;
}

/**
 * The names in a folder (one level), as a fingerprint: what is there, not what it holds. Names that
 * start with a dot are left out: tools keep their caches there (`node_modules/.vite`).
 */
export function fingerprintListing({ root, path }) {
  try {
    const names = readdirSync(join(root, path)).filter((name) => !name.startsWith('.'));
    return { [path]: sha256(names.sort().join('\n')) };
  } catch {
    return { [path]: 'missing' };
  }
}

/** Settings that change what a step produces, as fingerprint entries (`setting:NAME`): the Node.js ABI, an environment variable. */
export function fingerprintSettings(values) {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`setting:${name}`, String(value ?? '')]));
}

export function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}
