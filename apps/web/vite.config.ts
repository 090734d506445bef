/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { appVersion } from './build/app-version.ts';
import { webManifest } from './build/web-manifest.ts';

// Paths served by the server itself, never by the service worker's app shell and never cached.
const serverPaths = [/^\/relay\//, /^\/trpc\//, /^\/api\//, /^\/healthz/, /^\/metrics/];

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // A new version waits until the person accepts it ("Update available"), never mid-answer.
      registerType: 'prompt',
      injectRegister: false,
      manifest: webManifest,
      includeAssets: ['icons/*.png'],
      workbox: {
        // Everything the app can load is precached, lazy chunks and the renderer's fonts included,
        // so every screen works offline after the first visit. KaTeX also ships .ttf/.woff copies
        // of each font; browsers take the woff2 ones, so only those are cached.
        globPatterns: ['**/*.{js,mjs,css,html,png,svg,woff2,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: serverPaths,
        cleanupOutdatedCaches: true,
        // No runtimeCaching: API, relay and sync responses, and provider calls, are never cached.
      },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(appVersion()),
  },
  build: {
    outDir: process.env.HEARTH_WEB_OUT_DIR ?? 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'node',
  },
});
