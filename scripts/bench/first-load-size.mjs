// Prints the gzip size of the JavaScript the first page load executes: the entry script of the built
// index.html and every chunk it imports statically (lazy chunks are left out: they load on demand).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = 150;
const dist = resolve(new URL('../../apps/web/dist', import.meta.url).pathname);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
if (entries.length === 0) throw new Error('No module script in dist/index.html: build the web app first.');

const seen = new Map();
function visit(file) {
  if (seen.has(file)) return;
  const code = readFileSync(file, 'utf8');
  seen.set(file, gzipSync(code, { level: 9 }).length);
  // Static imports only: `import ... from "./x.js"` and bare `import "./x.js"`, not `import("./x.js")`.
  for (const match of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    visit(resolve(dirname(file), match[1]));
  }
}
for (const entry of entries) visit(join(dist, entry.replace(/^\//, '')));

const totalKb = [...seen.values()].reduce((sum, size) => sum + size, 0) / 1024;
for (const [file, size] of seen) console.log(`  ${file.slice(dist.length + 1)}: ${(size / 1024).toFixed(1)} KB gzip`);
console.log(`first-load JavaScript: ${totalKb.toFixed(1)} KB gzip in ${seen.size} file(s)`);
console.log(
  `ratio to budget: ${((totalKb / budgetKb) * 100).toFixed(0)}% of ${budgetKb} KB (a popular Vite chat client ships ~460 KB)`,
);
