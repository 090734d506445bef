/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** The app's version, fixed at build time (see build/app-version.ts). */
declare const __APP_VERSION__: string;
