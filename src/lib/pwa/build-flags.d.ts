/** Defined by dev/pwa/vite-pwa.ts: the dev server serves the service worker (PWA_DEV=1). */
declare const __PWA_DEV_SW__: boolean | undefined;
