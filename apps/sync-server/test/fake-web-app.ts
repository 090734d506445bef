import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files `writeFakeWebApp` creates, by URL path, with their contents. */
export const fakeWebAppFiles = {
  '/index.html':
    '<!doctype html><title>fake hearth</title><script type="module" src="/assets/index-AbC123.js"></script>',
  '/assets/index-AbC123.js': 'console.log("fake app");',
  '/assets/index-DeF456.css': 'body { color: black; }',
  '/sw.js': 'self.addEventListener("fetch", () => {});',
  '/registerSW.js': 'navigator.serviceWorker.register("/sw.js");',
  '/workbox-5a6b7c8d.js': 'self.workbox = {};',
  '/manifest.webmanifest': '{"name":"Hearth"}',
  '/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  '/.env': 'SECRET=do-not-serve',
} as const;

/** Writes a stand-in for the Vite build (index.html, hashed assets, service worker, manifest) into `dir`. */
export function writeFakeWebApp(dir: string): void {
  for (const [urlPath, content] of Object.entries(fakeWebAppFiles)) {
    const file = join(dir, urlPath);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, content);
  }
}
