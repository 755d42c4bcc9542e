/**
 * Stands in for `@supabase/storage-js` in the browser build (aliased in vite.config.ts via
 * dev/build/vite-build.ts): the app stores no file, yet supabase-js's `createClient` always
 * builds a StorageClient (4.7 KB brotli on the path of the first page). Using
 * `supabase.storage` fails with this message; the first feature that needs it removes the alias.
 */
const UNAVAILABLE =
  'Supabase Storage n’est pas inclus dans ce build (voir dev/build/vite-build.ts, supabaseUnusedParts).';

export class StorageClient {
  from(): never {
    throw new Error(UNAVAILABLE);
  }

  listBuckets(): never {
    throw new Error(UNAVAILABLE);
  }
}

export class StorageApiError extends Error {
  constructor(message = UNAVAILABLE) {
    super(message);
    this.name = 'StorageApiError';
  }
}
