/**
 * The SSRF policy of the iCal sync: which feed URLs the worker may fetch.
 *
 * Pure (no DNS, no network): the runtime passes its resolver in. Runs in Node and Deno.
 *
 * The rule: https only, no credentials in the URL, and every address the host name resolves to
 * must be a globally routable unicast address. The only exception is the local test setup: an
 * exact `host:port` listed in `allowedLoopback` may be reached on loopback addresses (and on
 * loopback addresses only). Production passes an empty list.
 *
 * A check made before the request is not enough on its own (DNS rebinding: the name may resolve to
 * something else when the connection is made); the runtime adapter must also validate the address
 * it actually connects to (see dev/sync/node-feed-fetch.ts), using `isPublicAddress`.
 */
import ipaddr from 'ipaddr.js';

/** The URL may not be fetched. The message is French, for the owner. */
export class UnsafeUrlError extends Error {
  override readonly name = 'UnsafeUrlError';
}

export interface UrlPolicy {
  /**
   * Exact `host:port` entries (e.g. `127.0.0.1:54329`, `[::1]:54329`, `localhost:54329`) that may
   * be reached on loopback addresses: the local fixture server. Empty in production.
   */
  allowedLoopback: readonly string[];
}

const MESSAGE_UNSAFE =
  "Le lien du calendrier pointe vers une adresse non autorisée (réseau privé ou local) : utilisez le lien d'export public donné par la plateforme.";

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;

/** An IP literal as written in a URL host or returned by a resolver, or null if it is none. */
function parseAddress(address: string): Parsed | null {
  let text = address.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  // Four-part decimal only for IPv4: no octal/hex/short forms ("0x7f.1", "127.1", "010.0.0.1"),
  // which resolvers and URL parsers interpret in different ways.
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes(':')) return null;
  // ipaddr.js reads any "::a.b.c.d" as IPv4-mapped (::ffff:a.b.c.d); rewrite a trailing dotted
  // quad as two hex groups first so that "::8.8.8.8" stays the IPv4-compatible ::808:808.
  const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})(%.*)?$/.exec(text);
  if (dotted) {
    const [, prefix = '', quad = '', zone = ''] = dotted;
    if (!ipaddr.IPv4.isValidFourPartDecimal(quad)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(quad).octets;
    text = `${prefix}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}${zone}`;
  }
  return ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text) : null;
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

function isPublicV4(ip: ipaddr.IPv4): boolean {
  // ipaddr.js names every special-purpose range (unspecified 0/8, private, loopback, link-local
  // incl. 169.254.169.254, carrierGradeNat 100.64/10, multicast, broadcast, reserved incl. the
  // documentation and benchmarking ranges and 240/4, as112, amt); only plain unicast is public.
  return ip.range() === 'unicast';
}

/** The IPv4 address carried in the last 32 bits of an IPv6 address. */
function embeddedV4(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const high = ip.parts[6] ?? 0;
  const low = ip.parts[7] ?? 0;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function isPublicV6(ip: ipaddr.IPv6): boolean {
  if (ip.zoneId) return false; // a scoped address is local by definition
  // IPv4-mapped (::ffff:a.b.c.d): the connection goes to the embedded IPv4 address.
  if (ip.isIPv4MappedAddress()) return isPublicV4(ip.toIPv4Address());
  // NAT64 well-known prefix (what DNS64 resolvers return): the embedded IPv4 address is reached.
  if (ip.match(NAT64_WELL_KNOWN)) return isPublicV4(embeddedV4(ip));
  // Everything else must be global unicast (2000::/3, the only range IANA allocates for it) and
  // not one of its special ranges. This refuses ::/8 (loopback, unspecified, the deprecated
  // IPv4-compatible ::a.b.c.d, IPv4-translated), fc00::/7, fe80::/10, fec0::/10, ff00::/8,
  // 64:ff9b:1::/48, and in 2000::/3: 6to4 2002::/16 and Teredo 2001::/32 (they embed an IPv4
  // address that may be private; refused outright as no calendar host uses them), the IETF
  // protocol range 2001::/23, documentation 2001:db8::/32 and 3fff::/20, ORCHID, AS112…
  if (!ip.match(GLOBAL_UNICAST_V6)) return false;
  return ip.range() === 'unicast';
}

/**
 * Whether an address (IPv4 dotted-quad or IPv6, optionally in brackets) is a globally routable
 * unicast address that the sync may connect to. Anything unparseable is not public.
 */
export function isPublicAddress(address: string): boolean {
  const ip = parseAddress(address);
  if (ip === null) return false;
  return ip.kind() === 'ipv4' ? isPublicV4(ip as ipaddr.IPv4) : isPublicV6(ip as ipaddr.IPv6);
}

/** Whether an address is a loopback address (127/8, ::1, ::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string): boolean {
  const ip = parseAddress(address);
  if (ip === null) return false;
  if (ip.kind() === 'ipv4') return ip.range() === 'loopback';
  const v6 = ip as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === 'loopback';
  return v6.range() === 'loopback';
}

/** `host:port` as listed in `UrlPolicy.allowedLoopback` (IPv6 hosts in brackets, port explicit). */
export function hostPortKey(hostname: string, port: string | number): string {
  let host = hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  return `${host}:${port}`;
}

function effectivePort(url: URL): string {
  return url.port === '' ? '443' : url.port;
}

/** Whether `host:port` is one of the policy's loopback exceptions. */
export function isAllowedLoopbackTarget(
  policy: UrlPolicy,
  hostname: string,
  port: string | number,
): boolean {
  const key = hostPortKey(hostname, port);
  return policy.allowedLoopback.some((entry) => entry.toLowerCase() === key);
}

function isLocalhostName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * Builds the check run before each request (the first one and after each redirect). Resolves when
 * the URL may be fetched; rejects with `UnsafeUrlError` when it may not; rejects with the
 * resolver's own error when the name cannot be resolved (a DNS failure, not a policy refusal).
 */
export function makeUrlChecker(
  policy: UrlPolicy,
  resolve: (hostname: string) => Promise<string[]>,
): (url: URL) => Promise<void> {
  return async (url: URL) => {
    if (url.protocol !== 'https:') {
      throw new UnsafeUrlError(
        'Le lien du calendrier doit être une adresse sécurisée commençant par https://.',
      );
    }
    if (url.username !== '' || url.password !== '') {
      throw new UnsafeUrlError(
        "Le lien du calendrier ne doit pas contenir d'identifiant ni de mot de passe.",
      );
    }
    const hostname = url.hostname;
    if (hostname === '') throw new UnsafeUrlError(MESSAGE_UNSAFE);
    const loopbackAllowed = isAllowedLoopbackTarget(policy, hostname, effectivePort(url));
    const acceptable = (address: string) =>
      loopbackAllowed ? isLoopbackAddress(address) : isPublicAddress(address);

    const literal = parseAddress(hostname);
    if (literal !== null) {
      if (!acceptable(hostname)) throw new UnsafeUrlError(MESSAGE_UNSAFE);
      return;
    }
    if (!loopbackAllowed) {
      // "localhost" and "*.localhost" are loopback whatever DNS says; a single-label name
      // ("metadata", "intranet") is resolved through the machine's search domains: never a feed.
      if (isLocalhostName(hostname) || !hostname.replace(/\.$/, '').includes('.')) {
        throw new UnsafeUrlError(MESSAGE_UNSAFE);
      }
    }
    const addresses = await resolve(hostname);
    if (addresses.length === 0) {
      throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
    }
    // Every address, not just one: the connection may use any of them.
    if (!addresses.every(acceptable)) throw new UnsafeUrlError(MESSAGE_UNSAFE);
  };
}
