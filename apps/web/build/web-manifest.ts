import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: what makes the app installable and how it looks once installed. */
export const webManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Hearth — private LLM chat',
  short_name: 'Hearth',
  description: 'A private, local-first chat for any LLM provider. Your conversations stay on your devices.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: '#1f6f5c',
  background_color: '#fbfaf8',
  categories: ['productivity', 'utilities'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
