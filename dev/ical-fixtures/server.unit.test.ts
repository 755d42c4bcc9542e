import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './server.ts';

let server: FixtureServer;
let agent: Agent;
let dir: string;
const outside = path.join(os.tmpdir(), `outside-feeds-${process.pid}.ics`);

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${pathname}`, { headers, redirect: 'manual', dispatcher: agent });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ical-fixtures-server-'));
  writeFileSync(path.join(dir, 'a.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  writeFileSync(outside, 'secret');
  server = await startFixtureServer({ feedsDir: dir });
  agent = new Agent({ connect: { ca: server.ca } });
});

afterAll(async () => {
  await agent?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

describe('the iCal fixture server', () => {
  it('listens on loopback over https with a certificate to trust', async () => {
    expect(server.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(server.ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const res = await get('/feeds/a.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await res.text()).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('answers 304 to If-Modified-Since and If-None-Match, If-None-Match first', async () => {
    const first = await get('/feeds/a.ics');
    await first.arrayBuffer();
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect((await get('/feeds/a.ics', { 'If-None-Match': `W/${etag}` })).status).toBe(304);
    expect((await get('/feeds/a.ics', { 'If-Modified-Since': lastModified })).status).toBe(304);
    const stale = await get('/feeds/a.ics', {
      'If-None-Match': '"other"',
      'If-Modified-Since': lastModified,
    });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it('serves setFeed bodies from memory over files, with a new ETag', async () => {
    const before = (await get('/feeds/a.ics')).headers.get('etag');
    server.setFeed('a.ics', 'BEGIN:VCALENDAR\r\nX-CHANGED:1\r\nEND:VCALENDAR\r\n');
    const res = await get('/feeds/a.ics');
    expect(await res.text()).toMatch(/X-CHANGED/);
    expect(res.headers.get('etag')).not.toBe(before);
  });

  it('never serves a file outside feedsDir', async () => {
    const name = path.basename(outside);
    for (const p of [`/feeds/..%2F${name}`, `/feeds/%2e%2e%2F${name}`, `/feeds/..%5C${name}`]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      await res.arrayBuffer();
    }
  });

  it('counts requests by path', async () => {
    const before = server.requests();
    await (await get('/status/503')).arrayBuffer();
    await (await get('/status/503')).arrayBuffer();
    expect(server.requests('/status/503')).toBe(2);
    expect(server.requests()).toBe(before + 2);
  });

  it('chains routes: a slow redirect, then the feed', async () => {
    const hop = await get('/slow/10/redirect/1/feeds/a.ics');
    expect(hop.status).toBe(302);
    expect(hop.headers.get('location')).toBe('/redirect/0/feeds/a.ics');
    const feed = await get('/redirect/0/feeds/a.ics');
    expect(feed.status).toBe(200);
    await feed.arrayBuffer();
  });
});
