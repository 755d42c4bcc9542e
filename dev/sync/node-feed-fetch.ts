/**
 * The Node side of the feed fetcher: an undici `fetch` whose connections can only reach the
 * addresses the SSRF policy allows, and the policy's URL check backed by the system resolver.
 *
 * `checkUrl` refuses a URL before the request; the connector then validates the address the
 * socket actually connects to (the resolver is asked again at connect time, and that answer is the
 * one used), so a name that resolves to a public address for the check and to a private one for
 * the connection (DNS rebinding) is still refused. IP-literal hosts, for which Node does not call
 * `lookup`, are checked by the connector itself.
 *
 * Connections are kept alive: the benchmark fetches thousands of feeds from one host.
 */
import dns from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import type { FetchFeedDeps } from '../../supabase/functions/_shared/sync/fetch-feed.ts';
import {
  isAllowedLoopbackTarget,
  isLoopbackAddress,
  isPublicAddress,
  makeUrlChecker,
  UnsafeUrlError,
  type UrlPolicy,
} from '../../supabase/functions/_shared/sync/url-policy.ts';

export interface NodeFeedFetchOptions {
  policy: UrlPolicy;
  /** Extra trusted PEM certificates (the fixture server's), added to Node's default roots. */
  ca?: string[];
}

export type NodeFeedFetch = FetchFeedDeps & {
  /** Closes the kept-alive connections. */
  close(): Promise<void>;
};

const REFUSED_AT_CONNECT =
  "Le lien du calendrier pointe vers une adresse non autorisée (réseau privé ou local) : utilisez le lien d'export public donné par la plateforme.";

/** A `lookup` that resolves with the system resolver and refuses any address the policy forbids. */
function guardedLookup(loopbackTarget: boolean): LookupFunction {
  const acceptable = loopbackTarget ? isLoopbackAddress : isPublicAddress;
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '');
        return;
      }
      const first = addresses[0];
      // Every address, not just the first: with autoSelectFamily Node may try any of them.
      if (first === undefined || !addresses.every((a) => acceptable(a.address))) {
        callback(new UnsafeUrlError(REFUSED_AT_CONNECT), '');
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

export function createNodeFeedFetch(options: NodeFeedFetchOptions): NodeFeedFetch {
  const { policy } = options;
  // `ca` replaces Node's trusted roots: keep them and add the extra certificates. One context,
  // built once: given `ca`, every new connection would build its own and parse Node's ~140 root
  // certificates again (~20 ms of CPU a handshake, measured by dev/bench/sync.ts).
  const secureContext = options.ca?.length
    ? tls.createSecureContext({ ca: [...tls.rootCertificates, ...options.ca] })
    : undefined;
  const connectorFor = (loopbackTarget: boolean) =>
    buildConnector({
      ...(secureContext ? { secureContext } : {}),
      lookup: guardedLookup(loopbackTarget),
      timeout: 10_000,
    });
  const publicConnector = connectorFor(false);
  const loopbackConnector = connectorFor(true);

  const agent = new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connect: (connectOptions, callback) => {
      const { hostname } = connectOptions;
      const port = connectOptions.port || (connectOptions.protocol === 'http:' ? '80' : '443');
      const loopbackTarget = isAllowedLoopbackTarget(policy, hostname, port);
      // Node skips `lookup` for IP literals: check them here.
      if (net.isIP(hostname) !== 0) {
        const ok = loopbackTarget ? isLoopbackAddress(hostname) : isPublicAddress(hostname);
        if (!ok) {
          callback(new UnsafeUrlError(REFUSED_AT_CONNECT), null);
          return;
        }
      }
      (loopbackTarget ? loopbackConnector : publicConnector)(connectOptions, callback);
    },
  });

  const feedFetch = (input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as string | URL, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    });

  return {
    fetch: feedFetch as unknown as typeof fetch,
    checkUrl: makeUrlChecker(policy, async (hostname) => {
      const addresses = await lookupAll(hostname, { all: true });
      return addresses.map((a) => a.address);
    }),
    close: () => agent.close(),
  };
}
