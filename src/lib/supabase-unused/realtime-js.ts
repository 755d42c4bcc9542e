/**
 * Stands in for `@supabase/realtime-js` in the browser build (aliased in vite.config.ts via
 * dev/build/vite-build.ts). The app uses no realtime channel, yet supabase-js's `createClient`
 * always builds a RealtimeClient: 12.7 KB brotli (with its Phoenix socket) on the path of the
 * first page for nothing. supabase-js only calls the members below outside `channel()`; the
 * first feature that needs realtime removes the alias and pays for it.
 */
const UNAVAILABLE =
  'Realtime n’est pas inclus dans ce build (voir dev/build/vite-build.ts, supabaseUnusedParts).';

export class RealtimeClient {
  setAuth(_token?: string | null): Promise<void> {
    return Promise.resolve();
  }

  channel(): never {
    throw new Error(UNAVAILABLE);
  }

  getChannels(): never[] {
    return [];
  }

  removeChannel(): Promise<'ok'> {
    return Promise.resolve('ok');
  }

  removeAllChannels(): Promise<never[]> {
    return Promise.resolve([]);
  }
}
