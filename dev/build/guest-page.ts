/**
 * The guest welcome sheet (/g/<token>) is a second page of the build (guest.html →
 * src/guest/main.ts), with none of the owner app's code: no React, no router, no TanStack,
 * no supabase-js. This plugin adds it to the build's inputs and answers /g/* with it on the
 * dev server and `vite preview` (static hosts: public/_redirects; the test and bench servers:
 * `guestPageRewrite`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A guest sheet's address: `/g/<token>` (with or without a trailing slash or a query). */
export const GUEST_PAGE_PATH = /^\/g\/[^/?#]+\/?(?:[?#].*)?$/;
export const GUEST_PAGE_FILE = 'guest.html';
/** A cleaner's page, `/m/<token>` (src/cleaner/): the same kind of light page, no account. */
export const CLEANER_PAGE_PATH = /^\/m\/[^/?#]+\/?(?:[?#].*)?$/;
export const CLEANER_PAGE_FILE = 'cleaner.html';

/** Connect-style middleware: a guest sheet's address is served guest.html, a cleaner's cleaner.html. */
export function guestPageRewrite(
  request: IncomingMessage,
  _response: ServerResponse,
  next: () => void,
): void {
  if (request.method === 'GET' || request.method === 'HEAD') {
    const url = request.url ?? '';
    if (GUEST_PAGE_PATH.test(url)) request.url = `/${GUEST_PAGE_FILE}`;
    else if (CLEANER_PAGE_PATH.test(url)) request.url = `/${CLEANER_PAGE_FILE}`;
  }
  next();
}

export function guestPagePlugin(): Plugin {
  return {
    name: 'liveownerunit:guest-page',
    config: () => ({
      build: {
        rolldownOptions: {
          input: {
            index: path.join(repoRoot, 'index.html'),
            guest: path.join(repoRoot, GUEST_PAGE_FILE),
            cleaner: path.join(repoRoot, CLEANER_PAGE_FILE),
          },
        },
      },
    }),
    // Added before Vite's own middlewares (its SPA fallback would answer index.html).
    configureServer(server) {
      server.middlewares.use(guestPageRewrite);
    },
    configurePreviewServer(server) {
      server.middlewares.use(guestPageRewrite);
    },
  };
}
