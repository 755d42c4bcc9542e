import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchOutcome, fetchFeed } from '../../supabase/functions/_shared/sync/fetch-feed.ts';
import { UnsafeUrlError } from '../../supabase/functions/_shared/sync/url-policy.ts';
import { type FixtureServer, startFixtureServer } from '../ical-fixtures/server.ts';
import { createNodeFeedFetch, type NodeFeedFetch } from './node-feed-fetch.ts';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260704',
  'DTEND;VALUE=DATE:20260711',
  'UID:1418fb94e984-a8ebfc23c2b0c6f2@airbnb.com',
  'SUMMARY:Reserved',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const NO_VALIDATORS = { etag: null, lastModified: null };

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function expectError(outcome: FetchOutcome) {
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
  return outcome;
}

function expectBody(outcome: FetchOutcome) {
  if (outcome.kind !== 'body') throw new Error(`expected a body, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** A plain TCP listener that counts the connections it receives. */
async function connectionCounter() {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let server: FixtureServer;
let deps: NodeFeedFetch;
let feedsDir: string;
let host: string;

beforeAll(async () => {
  feedsDir = mkdtempSync(path.join(os.tmpdir(), 'ical-fixtures-'));
  writeFileSync(path.join(feedsDir, 'from-file.ics'), ICS);
  server = await startFixtureServer({ port: 0, feedsDir });
  host = new URL(server.origin).host;
  deps = createNodeFeedFetch({ policy: { allowedLoopback: [host] }, ca: [server.ca] });
  server.setFeed('airbnb.ics', ICS);
});

afterAll(async () => {
  await deps?.close();
  await server?.close();
  rmSync(feedsDir, { recursive: true, force: true });
});

describe('fetchFeed against the fixture server', () => {
  it('returns the body, its size, SHA-256 and validators on a 200', async () => {
    const outcome = expectBody(
      await fetchFeed(`${server.origin}/feeds/airbnb.ics`, NO_VALIDATORS, deps),
    );
    expect(outcome).toMatchObject({
      httpStatus: 200,
      body: ICS,
      bytes: Buffer.byteLength(ICS),
      contentHash: sha256(ICS),
      finalUrl: `${server.origin}/feeds/airbnb.ics`,
    });
    expect(outcome.etag).toMatch(/^".+"$/);
    expect(outcome.lastModified).toMatch(/GMT$/);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('serves the files of feedsDir', async () => {
    const outcome = expectBody(
      await fetchFeed(`${server.origin}/feeds/from-file.ics`, NO_VALIDATORS, deps),
    );
    expect(outcome.body).toBe(ICS);
  });

  it('answers not_modified to a conditional request with the validators it gave', async () => {
    const first = expectBody(
      await fetchFeed(`${server.origin}/feeds/airbnb.ics`, NO_VALIDATORS, deps),
    );
    const before = server.requests('/feeds/airbnb.ics');
    const validators = { etag: first.etag, lastModified: first.lastModified };
    expect(await fetchFeed(`${server.origin}/feeds/airbnb.ics`, validators, deps)).toMatchObject({
      kind: 'not_modified',
      httpStatus: 304,
    });
    const byDate = { etag: null, lastModified: first.lastModified };
    expect((await fetchFeed(`${server.origin}/feeds/airbnb.ics`, byDate, deps)).kind).toBe(
      'not_modified',
    );
    expect(server.requests('/feeds/airbnb.ics')).toBe(before + 2);
    // A stale ETag gets the body again.
    const stale = { etag: '"stale"', lastModified: null };
    expect((await fetchFeed(`${server.origin}/feeds/airbnb.ics`, stale, deps)).kind).toBe('body');
  });

  it('strips a UTF-8 BOM from the text but hashes the bytes as received', async () => {
    server.setFeed('bom.ics', `\uFEFF${ICS}`);
    const outcome = expectBody(
      await fetchFeed(`${server.origin}/feeds/bom.ics`, NO_VALIDATORS, deps),
    );
    expect(outcome.body).toBe(ICS);
    expect(outcome.bytes).toBe(Buffer.byteLength(ICS) + 3);
    expect(outcome.contentHash).toBe(sha256(Buffer.from(`\uFEFF${ICS}`, 'utf8')));
  });

  it.each([
    [404, false, /n'existe plus \(HTTP 404\)/],
    [410, false, /n'existe plus \(HTTP 410\)/],
    [401, false, /refuse l'accès/],
    [403, false, /refuse l'accès/],
    [400, false, /refusé la demande/],
    [429, true, /HTTP 429/],
    [500, true, /HTTP 500/],
    [503, true, /HTTP 503/],
  ])('words HTTP %i for the owner (retryable: %s)', async (status, retryable, message) => {
    const outcome = expectError(
      await fetchFeed(`${server.origin}/status/${status}`, NO_VALIDATORS, deps),
    );
    expect(outcome).toMatchObject({ httpStatus: status, retryable });
    expect(outcome.error).toMatch(message);
  });

  it('follows up to 3 redirects, relative ones included', async () => {
    const outcome = expectBody(
      await fetchFeed(`${server.origin}/redirect/3/feeds/airbnb.ics`, NO_VALIDATORS, deps),
    );
    expect(outcome.body).toBe(ICS);
    expect(outcome.finalUrl).toBe(`${server.origin}/redirect/0/feeds/airbnb.ics`);
  });

  it('refuses a 4th redirect without following it', async () => {
    server.setFeed('hops.ics', ICS);
    const outcome = expectError(
      await fetchFeed(`${server.origin}/redirect/4/feeds/hops.ics`, NO_VALIDATORS, deps),
    );
    expect(outcome).toMatchObject({ retryable: false, httpStatus: 302 });
    expect(outcome.error).toMatch(/redirige trop de fois/);
    expect(server.requests('/redirect/1/feeds/hops.ics')).toBe(1);
    expect(server.requests('/redirect/0/feeds/hops.ics')).toBe(0);
  });

  it('refuses a redirect to a private address without connecting to it', async () => {
    const target = encodeURIComponent('https://10.0.0.1/calendar.ics');
    const outcome = expectError(
      await fetchFeed(`${server.origin}/redirect-to?url=${target}`, NO_VALIDATORS, deps),
    );
    expect(outcome.retryable).toBe(false);
    expect(outcome.error).toMatch(/redirige vers une adresse non autorisée \(10\.0\.0\.1\)/);
    expect(outcome.durationMs).toBeLessThan(2_000); // no connection attempt to 10.0.0.1
  });

  it('refuses a redirect to http:// without fetching it', async () => {
    const before = server.requests('/feeds/airbnb.ics');
    const target = encodeURIComponent(`http://${host}/feeds/airbnb.ics`);
    const outcome = expectError(
      await fetchFeed(`${server.origin}/redirect-to?url=${target}`, NO_VALIDATORS, deps),
    );
    expect(outcome.retryable).toBe(false);
    expect(outcome.error).toMatch(/non sécurisée/);
    expect(server.requests('/feeds/airbnb.ics')).toBe(before);
  });

  it('gives up on a slow feed at the deadline, as retryable', async () => {
    const outcome = expectError(
      await fetchFeed(`${server.origin}/slow/3000/feeds/airbnb.ics`, NO_VALIDATORS, deps, {
        timeoutMs: 300,
      }),
    );
    expect(outcome).toMatchObject({ retryable: true, httpStatus: null });
    expect(outcome.error).toMatch(/n'a pas répondu dans les 0,3 s/);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(250);
    expect(outcome.durationMs).toBeLessThan(2_000);
  });

  it('counts the redirects within the same deadline', async () => {
    const outcome = expectError(
      await fetchFeed(
        `${server.origin}/slow/200/redirect/1/slow/200/feeds/airbnb.ics`,
        NO_VALIDATORS,
        deps,
        { timeoutMs: 300 },
      ),
    );
    expect(outcome.retryable).toBe(true);
  });

  it('stops reading a body past maxBytes (streamed, no Content-Length)', async () => {
    const outcome = expectError(
      await fetchFeed(`${server.origin}/huge`, NO_VALIDATORS, deps, { maxBytes: 1024 * 1024 }),
    );
    expect(outcome).toMatchObject({ retryable: false, httpStatus: 200 });
    expect(outcome.error).toMatch(/^Le calendrier dépasse 1 Mo/);
  });

  it('refuses a declared Content-Length above the cap', async () => {
    server.setFeed('big.ics', `${ICS}${'X'.repeat(4096)}`);
    const outcome = expectError(
      await fetchFeed(`${server.origin}/feeds/big.ics`, NO_VALIDATORS, deps, { maxBytes: 2048 }),
    );
    expect(outcome.retryable).toBe(false);
    expect(outcome.error).toMatch(/dépasse/);
  });

  it('refuses the 6 MB /huge body under the default 5 MB cap', async () => {
    const outcome = expectError(await fetchFeed(`${server.origin}/huge`, NO_VALIDATORS, deps));
    expect(outcome.error).toMatch(/^Le calendrier dépasse 5 Mo/);
  });

  it('fetches an html page as a body (telling it from a calendar is the parser’s job)', async () => {
    const outcome = expectBody(await fetchFeed(`${server.origin}/html`, NO_VALIDATORS, deps));
    expect(outcome.body).toMatch(/<form/);
  });

  it('returns an empty body as such', async () => {
    const outcome = expectBody(await fetchFeed(`${server.origin}/empty`, NO_VALIDATORS, deps));
    expect(outcome).toMatchObject({ body: '', bytes: 0, contentHash: sha256('') });
  });

  it('refuses a loopback port that is not in allowedLoopback before connecting', async () => {
    const other = await connectionCounter();
    try {
      const outcome = expectError(
        await fetchFeed(`https://127.0.0.1:${other.port}/feeds/airbnb.ics`, NO_VALIDATORS, deps),
      );
      expect(outcome.retryable).toBe(false);
      expect(outcome.error).toMatch(/adresse non autorisée/);
      expect(other.connections()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('refuses http:// and invalid URLs up front', async () => {
    const http = expectError(
      await fetchFeed(`http://${host}/feeds/airbnb.ics`, NO_VALIDATORS, deps),
    );
    expect(http).toMatchObject({ retryable: false });
    expect(http.error).toMatch(/https/);
    const invalid = expectError(await fetchFeed('pas un lien', NO_VALIDATORS, deps));
    expect(invalid).toMatchObject({ retryable: false });
  });
});

describe('network failures', () => {
  it('reports a refused connection as retryable', async () => {
    const closed = await connectionCounter();
    await closed.close();
    const local = createNodeFeedFetch({
      policy: { allowedLoopback: [`127.0.0.1:${closed.port}`] },
    });
    try {
      const outcome = expectError(
        await fetchFeed(`https://127.0.0.1:${closed.port}/x.ics`, NO_VALIDATORS, local),
      );
      expect(outcome).toMatchObject({ retryable: true, httpStatus: null });
      expect(outcome.error).toMatch(/refuse la connexion/);
    } finally {
      await local.close();
    }
  });

  it('reports a connection reset as retryable', async () => {
    const rude = await connectionCounter();
    const local = createNodeFeedFetch({ policy: { allowedLoopback: [`127.0.0.1:${rude.port}`] } });
    try {
      const outcome = expectError(
        await fetchFeed(`https://127.0.0.1:${rude.port}/x.ics`, NO_VALIDATORS, local),
      );
      expect(outcome).toMatchObject({ retryable: true });
      expect(outcome.error).toMatch(/interrompue/);
    } finally {
      await local.close();
      await rude.close();
    }
  });

  it('reports an untrusted certificate as a TLS failure', async () => {
    const untrusting = createNodeFeedFetch({ policy: { allowedLoopback: [host] } });
    try {
      const outcome = expectError(
        await fetchFeed(`${server.origin}/feeds/airbnb.ics`, NO_VALIDATORS, untrusting),
      );
      expect(outcome.error).toMatch(/certificat/);
    } finally {
      await untrusting.close();
    }
  });

  it('reports a DNS failure as retryable, and never throws', async () => {
    const outcome = expectError(
      await fetchFeed('https://calendrier.example.invalid/x.ics', NO_VALIDATORS, {
        fetch: () => Promise.reject(new Error('must not be called')),
        checkUrl: () =>
          Promise.reject(
            Object.assign(new Error('getaddrinfo ENOTFOUND calendrier.example.invalid'), {
              code: 'ENOTFOUND',
            }),
          ),
      }),
    );
    expect(outcome).toMatchObject({ retryable: true, httpStatus: null });
    expect(outcome.error).toMatch(/introuvable/);
  });
});

describe('the Node adapter', () => {
  it('validates the address actually connected to, even when checkUrl is bypassed', async () => {
    // "localhost" resolves to loopback at connect time and is not in allowedLoopback.
    const port = new URL(server.origin).port;
    const before = server.requests();
    const error = await deps.fetch(`https://localhost:${port}/feeds/airbnb.ics`).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(UnsafeUrlError);
    expect(server.requests()).toBe(before);
  });

  it('checks IP literals at connect time too', async () => {
    const other = await connectionCounter();
    try {
      const error = await deps.fetch(`https://127.0.0.1:${other.port}/`).then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as { cause?: unknown }).cause).toBeInstanceOf(UnsafeUrlError);
      expect(other.connections()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('keeps the connection alive across fetches', async () => {
    const before = server.connections();
    for (let i = 0; i < 5; i++) {
      expectBody(await fetchFeed(`${server.origin}/feeds/airbnb.ics`, NO_VALIDATORS, deps));
    }
    expect(server.connections() - before).toBeLessThanOrEqual(1);
  });
});
