/**
 * The build's version, `liveownerunit@<package version>+<git commit>`, defined at build time
 * by vite.config.ts (dev/build/vite-build.ts, appRelease): Sentry groups events by it and the
 * source maps are uploaded under it. Read only by the lazily loaded telemetry, so a new commit
 * renames none of the chunks the first page needs. `dev` where nothing defined it (tests).
 */
declare const __APP_RELEASE__: string | undefined;

export const APP_RELEASE: string = typeof __APP_RELEASE__ === 'string' ? __APP_RELEASE__ : 'dev';
