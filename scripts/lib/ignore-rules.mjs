import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Never inputs of a build, whatever .gitignore says: git's own folder and installed packages. */
const alwaysIgnored = ['.git', 'node_modules'];

/**
 * The repository's top-level .gitignore as a predicate over paths relative to the root: what git
 * ignores (build output, caches, local data) is by definition not a source. Only the common forms are
 * understood (names, globs with * and ?, a trailing / for folders, a leading or inner / to anchor).
 * A negation (`!`) is not: with one present only the folders above are ignored, so a file is never
 * wrongly left out (that would let a build look up to date when it is not); at worst a build reruns.
 */
export function loadIgnoreRules(root) {
  let text = '';
  try {
    text = readFileSync(join(root, '.gitignore'), 'utf8');
  } catch {
    // No .gitignore: only the folders above are skipped.
  }
  return ignoreRules(text);
}

/** The predicate for a .gitignore's text; `isIgnored('apps/web/dist', true)`. */
export function ignoreRules(text) {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const rules = lines.some((line) => line.startsWith('!')) ? [] : lines.map(parseRule);
  return (relativePath, isDirectory) => {
    const segments = relativePath.split('/');
    const name = segments.at(-1) ?? '';
    if (alwaysIgnored.includes(name)) return true;
    return rules.some((rule) => {
      if (rule.directoryOnly && !isDirectory) return false;
      return rule.anchored ? rule.pattern.test(relativePath) : rule.pattern.test(name);
    });
  };
}

function parseRule(line) {
  let body = line;
  const directoryOnly = body.endsWith('/');
  if (directoryOnly) body = body.slice(0, -1);
  // A slash anywhere but at the end ties the pattern to the root; otherwise it matches a name anywhere.
  const anchored = body.includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  return { directoryOnly, anchored, pattern: new RegExp(`^${globToRegExp(body)}$`) };
}

function globToRegExp(glob) {
  let out = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === '*' && glob[index + 1] === '*') {
      out += '.*';
      index += 1;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else out += char.replace(/[\\^$.|+(){}[\]]/g, '\\$&');
  }
  return out;
}
