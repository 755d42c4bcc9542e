/**
 * A local https server of iCal feeds and misbehaving endpoints, for the sync's tests and
 * benchmark. Loopback only (127.0.0.1), with a self-signed certificate made at start for
 * 127.0.0.1, ::1 and localhost; trust its `ca` PEM to fetch from it.
 *
 * Routes:
 *   /feeds/<file>               a file of feedsDir, or any path set with setFeed (memory wins);
 *                               ETag + Last-Modified, 304 on a matching If-None-Match /
 *                               If-Modified-Since
 *   /slow/<ms>/<path>           waits <ms> then answers <path> (any route)
 *   /status/<code>              answers <code> (200–599) with a short text body
 *   /redirect/<n>/<path>        n relative 302 hops, then <path>
 *   /redirect-to?url=<absolute> one 302 hop to any URL
 *   /html                       a login page (what a private calendar link often returns)
 *   /huge                       6 MB of iCal-looking text, chunked, no Content-Length
 *   /empty                      200 with an empty body
 *
 * CLI: `npx tsx dev/ical-fixtures/server.ts --port 54329 [--feeds <dir>] [--ca-out <file>]`
 * prints the origin and serves until Ctrl-C.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from 'selfsigned';

export interface FixtureServerOptions {
  /** 0 (the default) = any free port. */
  port?: number;
  /** Default: dev/ical-fixtures/feeds (created if missing). */
  feedsDir?: string;
}

export interface FixtureServer {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** The PEM certificate to trust. */
  ca: string;
  /**
   * Serves `body` at `path` (from memory, over any file or route). A path without a leading
   * slash is taken under /feeds/ ("x.ics" → "/feeds/x.ics").
   */
  setFeed(path: string, body: string, opts?: { contentType?: string }): void;
  /** How many requests reached `path` (a URL path, query excluded), or the server, so far. */
  requests(path?: string): number;
  /** How many TLS connections the server accepted so far (keep-alive checks). */
  connections(): number;
  close(): Promise<void>;
}

const DEFAULT_FEEDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'feeds');
const HUGE_BYTES = 6 * 1024 * 1024;

interface Feed {
  body: Buffer;
  contentType: string;
  etag: string;
  /** Whole seconds, as HTTP dates carry. */
  lastModifiedMs: number;
}

function makeFeed(body: Buffer, contentType: string, modifiedMs: number): Feed {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    body,
    contentType,
    etag: `"${hash}"`,
    lastModifiedMs: Math.floor(modifiedMs / 1000) * 1000,
  };
}

function contentTypeOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ics') return 'text/calendar; charset=utf-8';
  if (ext === '.html' || ext === '.htm') return 'text/html; charset=utf-8';
  if (ext === '.json') return 'application/json';
  return 'text/plain; charset=utf-8';
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => strip(tag) === strip(etag));
}

function isFresh(req: IncomingMessage, feed: Feed): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return etagMatches(inm, feed.etag); // takes precedence (RFC 9110)
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && feed.lastModifiedMs <= since;
  }
  return false;
}

const LOGIN_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Connexion</title></head>
<body><h1>Connectez-vous</h1>
<form method="post" action="/login"><label>E-mail <input name="email" type="email"></label>
<label>Mot de passe <input name="password" type="password"></label>
<button type="submit">Se connecter</button></form></body></html>
`;

function hugeChunk(index: number): string {
  const day = String((index % 28) + 1).padStart(2, '0');
  return [
    'BEGIN:VEVENT',
    `UID:huge-${index}@fixtures.liveownerunit.test`,
    `DTSTART;VALUE=DATE:202601${day}`,
    `DTEND;VALUE=DATE:202601${day}`,
    'SUMMARY:Reserved',
    `DESCRIPTION:${'x'.repeat(200)}`,
    'END:VEVENT',
    '',
  ].join('\r\n');
}

function streamHuge(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }); // chunked
  let sent = 0;
  let index = 0;
  const header = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//LiveOwnerUnit//fixtures//FR\r\n';
  sent += Buffer.byteLength(header);
  res.write(header);
  const pump = () => {
    while (sent < HUGE_BYTES && !res.destroyed) {
      let block = '';
      for (let i = 0; i < 64; i++) block += hugeChunk(index++);
      sent += Buffer.byteLength(block);
      if (!res.write(block)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end('END:VCALENDAR\r\n');
  };
  pump();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function send(res: ServerResponse, status: number, body: string, contentType: string): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export async function startFixtureServer(
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const feedsDir = path.resolve(options.feedsDir ?? DEFAULT_FEEDS_DIR);
  mkdirSync(feedsDir, { recursive: true });

  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });

  const memory = new Map<string, Feed>();
  const hits = new Map<string, number>();
  let total = 0;
  const timers = new Set<NodeJS.Timeout>();

  const fileFeed = (name: string): Feed | null => {
    // One plain file name: no directories, no "..".
    if (!/^[\w][\w.-]*$/.test(name)) return null;
    const file = path.join(feedsDir, name);
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return null;
      return makeFeed(readFileSync(file), contentTypeOf(name), stat.mtimeMs);
    } catch {
      return null;
    }
  };

  const serveFeed = (req: IncomingMessage, res: ServerResponse, feed: Feed) => {
    const headers = {
      'Content-Type': feed.contentType,
      ETag: feed.etag,
      'Last-Modified': new Date(feed.lastModifiedMs).toUTCString(),
      'Cache-Control': 'no-cache',
    };
    if (isFresh(req, feed)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': feed.body.byteLength });
    res.end(feed.body);
  };

  const route = (req: IncomingMessage, res: ServerResponse, pathname: string, url: URL): void => {
    const inMemory = memory.get(pathname);
    if (inMemory) {
      serveFeed(req, res, inMemory);
      return;
    }

    const parts = pathname.split('/').filter((p) => p !== '');
    const [head, arg] = parts;
    const rest = `/${parts.slice(2).join('/')}`;

    if (head === 'feeds' && parts.length === 2 && arg !== undefined) {
      const feed = fileFeed(safeDecode(arg));
      if (feed) {
        serveFeed(req, res, feed);
        return;
      }
    } else if (head === 'slow' && arg !== undefined && /^\d+$/.test(arg)) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) route(req, res, rest, url);
      }, Number(arg));
      timers.add(timer);
      res.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
      return;
    } else if (head === 'status' && arg !== undefined && parts.length === 2) {
      const code = Number(arg);
      if (Number.isInteger(code) && code >= 200 && code <= 599) {
        if (code === 204 || code === 304) {
          res.writeHead(code);
          res.end();
        } else {
          send(res, code, `HTTP ${code}\n`, 'text/plain; charset=utf-8');
        }
        return;
      }
    } else if (head === 'redirect' && arg !== undefined && /^\d+$/.test(arg)) {
      const n = Number(arg);
      if (n === 0) {
        route(req, res, rest, url);
        return;
      }
      res.writeHead(302, { Location: `/redirect/${n - 1}${rest}`, 'Content-Length': 0 });
      res.end();
      return;
    } else if (head === 'redirect-to' && parts.length === 1) {
      const target = url.searchParams.get('url');
      if (target) {
        res.writeHead(302, { Location: target, 'Content-Length': 0 });
        res.end();
        return;
      }
    } else if (head === 'html' && parts.length === 1) {
      send(res, 200, LOGIN_PAGE, 'text/html; charset=utf-8');
      return;
    } else if (head === 'huge' && parts.length === 1) {
      streamHuge(res);
      return;
    } else if (head === 'empty' && parts.length === 1) {
      send(res, 200, '', 'text/calendar; charset=utf-8');
      return;
    }
    send(res, 404, 'Not found\n', 'text/plain; charset=utf-8');
  };

  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    total++;
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed\n', 'text/plain; charset=utf-8');
      return;
    }
    try {
      route(req, res, url.pathname, url);
    } catch (error) {
      // e.g. a /redirect-to target with characters a header cannot carry
      if (!res.headersSent) send(res, 500, `${String(error)}\n`, 'text/plain; charset=utf-8');
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 30_000;
  let connections = 0;
  server.on('secureConnection', () => {
    connections++;
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `https://127.0.0.1:${port}`,
    ca: pems.cert,
    setFeed(feedPath, body, opts) {
      const key = feedPath.startsWith('/') ? feedPath : `/feeds/${feedPath}`;
      memory.set(
        key,
        makeFeed(Buffer.from(body, 'utf8'), opts?.contentType ?? contentTypeOf(key), Date.now()),
      );
    },
    requests(requestPath) {
      return requestPath === undefined ? total : (hits.get(requestPath) ?? 0);
    },
    connections: () => connections,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      feeds: { type: 'string' },
      'ca-out': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`invalid --port: ${values.port}`);
  }
  const server = await startFixtureServer({
    port,
    ...(values.feeds ? { feedsDir: values.feeds } : {}),
  });
  if (values['ca-out']) writeFileSync(values['ca-out'], server.ca);
  console.log(`iCal fixtures: ${server.origin}`);
  console.log(values['ca-out'] ? `certificate: ${values['ca-out']}` : server.ca.trim());
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
