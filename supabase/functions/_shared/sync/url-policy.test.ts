import { describe, expect, it } from 'vitest';
import { isPublicAddress, makeUrlChecker, UnsafeUrlError } from './url-policy.ts';

describe('isPublicAddress', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '151.101.1.140',
    '2606:4700:4700::1111',
    '2a00:1450:4007:80f::200e',
    '[2001:4860:4860::8888]',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808', // NAT64 of 8.8.8.8
    '64:ff9b::1.1.1.1',
  ])('allows the globally routable unicast address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    // IPv4
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '0.0.0.0/8'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'link-local metadata address'],
    ['169.254.0.1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved 240/4'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['192.0.2.1', 'documentation TEST-NET-1'],
    ['198.51.100.7', 'documentation TEST-NET-2'],
    ['203.0.113.9', 'documentation TEST-NET-3'],
    ['198.18.0.1', 'benchmarking'],
    ['192.88.99.1', '6to4 relay anycast'],
    // non-canonical IPv4 spellings are not addresses we accept
    ['0x7f.0.0.1', 'hex IPv4'],
    ['127.1', 'short IPv4'],
    ['010.0.0.1', 'octal IPv4'],
    ['2130706433', 'integer IPv4'],
    // IPv6
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback in brackets'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fec0::1', 'deprecated site-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback in hex'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::8.8.8.8', 'IPv4-compatible (deprecated)'],
    ['::ffff:0:10.0.0.1', 'IPv4-translated'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b::169.254.169.254', 'NAT64 of the metadata address, dotted'],
    ['64:ff9b:1::808:808', 'local-use NAT64'],
    ['2002:a00:1::1', '6to4 embedding 10.0.0.1'],
    ['2002:808:808::1', '6to4 (refused whatever it embeds)'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation (RFC 9637)'],
    ['2001:2::1', 'benchmarking'],
    ['2001:10::1', 'ORCHID'],
    ['100::1', 'discard-only'],
    ['5f00::1', 'segment routing'],
    ['4000::1', 'outside 2000::/3'],
    // not an address at all
    ['', 'empty'],
    ['example.com', 'a name'],
    ['1.2.3.4.5', 'garbage'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

function fakeResolver(table: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const found = table[hostname];
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
  return { resolve, calls };
}

const dns = {
  'calendar.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'mixed.example.com': ['93.184.215.14', '10.0.0.7'],
  'mixed-v6.example.com': ['93.184.215.14', 'fd00::7'],
  'internal.example.com': ['192.168.0.10'],
  'rebind.example.com': ['127.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
  'fixtures.localhost': ['127.0.0.1'],
  metadata: ['169.254.169.254'],
  'public-bare': ['93.184.215.14'],
  'dev.example.com': ['127.0.0.1', '::1'],
};

describe('makeUrlChecker', () => {
  const strict = makeUrlChecker({ allowedLoopback: [] }, fakeResolver(dns).resolve);

  it('allows an https URL whose every address is public', async () => {
    await expect(
      strict(new URL('https://calendar.example.com/ical/123.ics')),
    ).resolves.toBeUndefined();
    await expect(strict(new URL('https://93.184.215.14/x.ics'))).resolves.toBeUndefined();
    await expect(strict(new URL('https://[2606:4700:4700::1111]/x.ics'))).resolves.toBeUndefined();
  });

  it('refuses http and other schemes', async () => {
    await expect(strict(new URL('http://calendar.example.com/x.ics'))).rejects.toThrow(/https/);
    await expect(strict(new URL('ftp://calendar.example.com/x.ics'))).rejects.toBeInstanceOf(
      UnsafeUrlError,
    );
    await expect(strict(new URL('webcal://calendar.example.com/x.ics'))).rejects.toBeInstanceOf(
      UnsafeUrlError,
    );
  });

  it('refuses credentials in the URL', async () => {
    await expect(strict(new URL('https://user:pw@calendar.example.com/x.ics'))).rejects.toThrow(
      /identifiant/,
    );
    await expect(strict(new URL('https://user@calendar.example.com/x.ics'))).rejects.toBeInstanceOf(
      UnsafeUrlError,
    );
  });

  it('refuses a name resolving to one public and one private address', async () => {
    await expect(strict(new URL('https://mixed.example.com/x.ics'))).rejects.toBeInstanceOf(
      UnsafeUrlError,
    );
    await expect(strict(new URL('https://mixed-v6.example.com/x.ics'))).rejects.toBeInstanceOf(
      UnsafeUrlError,
    );
    await expect(strict(new URL('https://internal.example.com/x.ics'))).rejects.toBeInstanceOf(
      UnsafeUrlError,
    );
  });

  it('refuses IP literals in non-public space, however they are written', async () => {
    for (const url of [
      'https://127.0.0.1/x.ics',
      'https://[::1]/x.ics',
      'https://0.0.0.0/x.ics',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/x.ics',
      'https://[::ffff:127.0.0.1]/x.ics',
      'https://[::ffff:10.0.0.1]/x.ics',
      'https://2130706433/x.ics', // the URL parser makes it 127.0.0.1
      'https://0x7f.1/x.ics',
      'https://10.1/x.ics',
    ]) {
      await expect(strict(new URL(url)), url).rejects.toBeInstanceOf(UnsafeUrlError);
    }
  });

  it('refuses localhost names and bare host names without asking DNS', async () => {
    const { resolve, calls } = fakeResolver(dns);
    const check = makeUrlChecker({ allowedLoopback: [] }, resolve);
    for (const url of [
      'https://localhost/x.ics',
      'https://LOCALHOST./x.ics',
      'https://fixtures.localhost/x.ics',
      'https://metadata/computeMetadata/v1/',
      'https://public-bare/x.ics',
    ]) {
      await expect(check(new URL(url)), url).rejects.toBeInstanceOf(UnsafeUrlError);
    }
    expect(calls).toEqual([]);
  });

  it('lets a DNS failure through as such, not as a policy refusal', async () => {
    const error = await strict(new URL('https://nowhere.example.com/x.ics')).catch(
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(UnsafeUrlError);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });

  describe('allowedLoopback', () => {
    const check = makeUrlChecker(
      { allowedLoopback: ['127.0.0.1:54329', '[::1]:54329', 'dev.example.com:8443'] },
      fakeResolver(dns).resolve,
    );

    it('allows exactly the listed host:port on loopback', async () => {
      await expect(check(new URL('https://127.0.0.1:54329/feeds/a.ics'))).resolves.toBeUndefined();
      await expect(check(new URL('https://[::1]:54329/feeds/a.ics'))).resolves.toBeUndefined();
      await expect(check(new URL('https://dev.example.com:8443/a.ics'))).resolves.toBeUndefined();
    });

    it('refuses another port, another loopback address or another name', async () => {
      for (const url of [
        'https://127.0.0.1:54330/feeds/a.ics',
        'https://127.0.0.1/feeds/a.ics',
        'https://127.0.0.2:54329/feeds/a.ics',
        'https://localhost:54329/feeds/a.ics',
        'https://dev.example.com/a.ics',
        'http://127.0.0.1:54329/feeds/a.ics',
      ]) {
        await expect(check(new URL(url)), url).rejects.toBeInstanceOf(UnsafeUrlError);
      }
    });

    it('refuses a listed host:port that resolves to anything but loopback', async () => {
      const mixed = makeUrlChecker(
        { allowedLoopback: ['mixed.example.com:443', 'calendar.example.com:443'] },
        fakeResolver(dns).resolve,
      );
      await expect(mixed(new URL('https://mixed.example.com/x.ics'))).rejects.toBeInstanceOf(
        UnsafeUrlError,
      );
      await expect(mixed(new URL('https://calendar.example.com/x.ics'))).rejects.toBeInstanceOf(
        UnsafeUrlError,
      );
    });
  });
});
