import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { guestPagePlugin } from './dev/build/guest-page.ts';
import {
  appRelease,
  buildDefines,
  buildOptions,
  buildPlugins,
  supabaseUnusedParts,
} from './dev/build/vite-build.ts';
import { pwaPlugins } from './dev/pwa/vite-pwa.ts';

// Build settings (vendor chunks, console dropped, hidden maps, gzip + brotli, shell preload,
// Sentry source maps): dev/build/vite-build.ts
const release = appRelease();

export default defineConfig({
  // Service worker + web manifest (offline read mode, install): dev/pwa/vite-pwa.ts
  // The guest welcome sheet at /g/<token>, a page of its own (guest.html): dev/build/guest-page.ts
  plugins: [react(), guestPagePlugin(), ...buildPlugins(release), ...pwaPlugins()],
  define: buildDefines(release),
  build: buildOptions(),
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)), ...supabaseUnusedParts() },
  },
  // The dev server finds every page's dependencies before the first request, the guest and
  // cleaner pages' too (`qr`): one found later makes Vite re-bundle and reload the open page.
  optimizeDeps: { entries: ['index.html', 'guest.html', 'cleaner.html'] },
  server: {
    host: '127.0.0.1',
    // The local databases (.local/, gigabytes at scale) and test output are not sources.
    watch: { ignored: ['**/.local/**', '**/test-results/**', '**/playwright-report/**'] },
  },
  preview: {
    host: '127.0.0.1',
  },
});
