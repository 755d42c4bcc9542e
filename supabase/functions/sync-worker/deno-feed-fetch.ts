/**
 * The Deno side of the feed fetcher: Deno's fetch, and the SSRF policy's URL check backed by
 * Deno.resolveDns. Deno's fetch cannot be told which address to connect to, so the address
 * is checked just before each request (and after each redirect) rather than at connect time
 * as in Node (dev/sync/node-feed-fetch.ts); the window for DNS rebinding is the few
 * milliseconds between the two lookups.
 */
import type { FetchFeedDeps } from '../_shared/sync/fetch-feed.ts';
import { makeUrlChecker, type UrlPolicy } from '../_shared/sync/url-policy.ts';

async function resolveAll(hostname: string): Promise<string[]> {
  const lookups = await Promise.allSettled([
    Deno.resolveDns(hostname, 'A'),
    Deno.resolveDns(hostname, 'AAAA'),
  ]);
  const addresses = lookups.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  if (addresses.length === 0) {
    const failed = lookups.find((r) => r.status === 'rejected');
    throw failed?.status === 'rejected' ? failed.reason : new Error(`no address for ${hostname}`);
  }
  return addresses;
}

export function denoFeedFetch(
  policy: UrlPolicy,
  options: { caCerts?: string[] } = {},
): FetchFeedDeps {
  const client = options.caCerts ? Deno.createHttpClient({ caCerts: options.caCerts }) : undefined;
  return {
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, client ? { ...init, client } : init)) as typeof fetch,
    checkUrl: makeUrlChecker(policy, resolveAll),
  };
}
