/**
 * How every browser run here launches Debian's Chromium (Playwright's own download is not
 * reachable): the e2e tests, the fault runner and bench:web. `CHROMIUM_PATH` points elsewhere.
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that work on this kind of machine (root, no GPU, no network beyond loopback). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
