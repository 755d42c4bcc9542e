/**
 * The service worker and the web manifest (issue 5, items 1–3), kept out of vite.config.ts.
 *
 * `injectManifest` rather than `generateSW`: the API cache must belong to one account (stamp
 * each answer with its owner, refuse to serve it to anyone else, store nothing for a request
 * sent after its owner signed out), must store PostgREST's 206 answers (the Cache API refuses
 * 206), and must tell the page how old a cached answer is (the offline banner's date). Those
 * are Workbox plugins with real code that shares its rules with the page
 * (src/lib/pwa/api-cache-rules.ts, unit-tested); generateSW only takes serialised options.
 *
 * The worker is registered by the app itself (src/lib/pwa/register-sw.ts, workbox-window):
 * `injectRegister: false`. In `vite` (dev) there is none unless PWA_DEV=1.
 */
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The app's primary colour (src/app/app.css `--colour-primary`) and page background. */
const THEME_COLOUR = '#1f5f4a';
const BACKGROUND_COLOUR = '#f6f5f1';

export function pwaPlugins(env: NodeJS.ProcessEnv = process.env): PluginOption[] {
  const devServiceWorker = env.PWA_DEV === '1';
  return [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // The build's files are listed by globPatterns below (icons included).
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'LiveOwnerUnit — gestion de gîtes',
        short_name: 'Mes gîtes',
        description:
          'Vos gîtes au même endroit : réservations des plateformes et directes, calendrier, ménage et fiscalité.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/tableau-de-bord',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOUR,
        background_color: BACKGROUND_COLOUR,
        categories: ['business', 'productivity'],
        icons: [
          { src: 'pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'pwa-maskable-192.png',
            sizes: '192x192',
            type: 'image/png',
            purpose: 'maskable',
          },
          {
            src: 'pwa-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // The shell, the hashed chunks and styles, the icons: never the source maps, the
        // .gz/.br copies or the build manifest. Sentry's SDK loads only with the owner's
        // consent, and never offline: not worth 150 KB on every install.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        globIgnores: ['**/vendor-sentry-*.js'],
      },
      devOptions: {
        enabled: devServiceWorker,
        type: 'module',
        navigateFallback: 'index.html',
      },
    }),
    {
      name: 'liveownerunit:pwa-flags',
      config: () => ({ define: { __PWA_DEV_SW__: JSON.stringify(devServiceWorker) } }),
    },
  ];
}
