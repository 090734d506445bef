/** Vite names everything under assets/ by content hash, so a URL there never changes meaning. */
export const immutableCaching = 'public, max-age=31536000, immutable';
/** Revalidate every time (a 304 when unchanged): index.html, the service worker and the manifest. */
export const revalidateCaching = 'no-cache';

/**
 * Cache-Control for a file of the built web app, by its path relative to the build directory.
 * Anything not content-hashed must be revalidated, or an update would never reach the browser; that
 * covers sw.js, registerSW.js, workbox-*.js and the web manifest by default.
 */
export function cacheControlFor(relativePath: string): string {
  const path = relativePath.replaceAll('\\', '/').replace(/^\/+/, '');
  return path.startsWith('assets/') ? immutableCaching : revalidateCaching;
}
