/**
 * A loopback stand-in for the GitHub Actions cache service, speaking what the real @actions/cache sends:
 *
 * - v2: Twirp JSON at `/twirp/github.actions.results.api.v1.CacheService/{GetCacheEntryDownloadURL,
 *   CreateCacheEntry,FinalizeCacheEntryUpload}` (bearer token checked), and Azure-blob-style signed URLs for
 *   the archive: Put Blob, Put Block + Put Block List (what @azure/storage-blob's BlockBlobClient sends), and
 *   GET/HEAD with Range.
 * - v1: `_apis/artifactcache/cache?keys=…&version=…`, `caches` (reserve), PATCH chunks with Content-Range, and the
 *   commit POST.
 *
 * Entries are exact (key, version) pairs; an existing pair cannot be written again (409), as on GitHub.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  data: Buffer | null;
  committed: boolean;
  blocks: Map<string, Buffer>;
  chunks: { start: number; data: Buffer }[];
}

export interface CacheServer {
  /** Base URL with a trailing slash (ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL). */
  url: string;
  token: string;
  entries: CacheEntry[];
  requests: { method: string; path: string }[];
  /** The process.env settings that point @actions/cache at this server. */
  env(protocol: 'v1' | 'v2'): Record<string, string>;
  clear(): void;
  close(): Promise<void>;
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function blobError(res: ServerResponse, status: number, code: string): void {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code, 'content-length': Buffer.byteLength(xml) });
  res.end(xml);
}

export async function startCacheServer(): Promise<CacheServer> {
  const token = `test-runtime-token-${randomBytes(6).toString('hex')}`;
  const sig = randomBytes(12).toString('hex');
  const entries: CacheEntry[] = [];
  const requests: { method: string; path: string }[] = [];
  let nextId = 1;
  let base = '';

  const blobUrl = (e: CacheEntry): string => `${base}devstoreaccount1/cache/${e.id}?sv=2025-01-05&sr=b&sp=rcw&sig=${sig}`;
  const find = (key: string, version: string): CacheEntry | undefined => entries.find((e) => e.committed && e.key === key && e.version === version);
  const findPrefix = (prefix: string, version: string): CacheEntry | undefined =>
    [...entries].reverse().find((e) => e.committed && e.version === version && e.key.startsWith(prefix));
  const authorized = (req: IncomingMessage): boolean => req.headers.authorization === `Bearer ${token}`;

  async function twirp(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!authorized(req)) return json(res, 401, { code: 'unauthenticated', msg: 'missing or wrong token' });
    const r = JSON.parse((await body(req)).toString('utf8') || '{}') as Record<string, unknown>;
    const key = String(r.key ?? '');
    const version = String(r.version ?? '');
    if (method === 'GetCacheEntryDownloadURL') {
      const restoreKeys = Array.isArray(r.restore_keys) ? (r.restore_keys as string[]) : [];
      const hit = find(key, version) ?? restoreKeys.map((k) => findPrefix(k, version)).find((e) => e !== undefined);
      return json(res, 200, hit ? { ok: true, signed_download_url: blobUrl(hit), matched_key: hit.key } : { ok: false, signed_download_url: '', matched_key: '' });
    }
    if (method === 'CreateCacheEntry') {
      if (find(key, version)) return json(res, 409, { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' });
      const e: CacheEntry = { id: nextId++, key, version, data: null, committed: false, blocks: new Map(), chunks: [] };
      entries.push(e);
      return json(res, 200, { ok: true, signed_upload_url: blobUrl(e) });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const e = [...entries].reverse().find((x) => !x.committed && x.key === key && x.version === version);
      const size = Number(r.size_bytes);
      if (!e || e.data === null || e.data.length !== size) return json(res, 200, { ok: false, entry_id: '0', message: 'upload incomplete or size mismatch' });
      e.committed = true;
      return json(res, 200, { ok: true, entry_id: String(e.id) });
    }
    return json(res, 404, { code: 'bad_route', msg: method });
  }

  async function blob(id: number, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (url.searchParams.get('sig') !== sig) return blobError(res, 403, 'AuthenticationFailed');
    const e = entries.find((x) => x.id === id);
    if (!e) return blobError(res, 404, 'BlobNotFound');
    const headers = { 'x-ms-request-id': randomBytes(8).toString('hex'), 'x-ms-version': '2025-01-05', etag: `"0x${e.id}"`, 'last-modified': new Date().toUTCString() };
    if (req.method === 'PUT') {
      const data = await body(req);
      const comp = url.searchParams.get('comp');
      if (comp === 'block') {
        e.blocks.set(url.searchParams.get('blockid') ?? '', data);
      } else if (comp === 'blocklist') {
        const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]!);
        const missing = ids.filter((b) => !e.blocks.has(b));
        if (missing.length > 0) return blobError(res, 400, 'InvalidBlockList');
        e.data = Buffer.concat(ids.map((b) => e.blocks.get(b)!));
      } else if (req.headers['x-ms-blob-type'] === 'BlockBlob') {
        e.data = data;
      } else {
        return blobError(res, 400, 'MissingRequiredHeader');
      }
      res.writeHead(201, { ...headers, 'content-length': 0 });
      return void res.end();
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!e.committed || e.data === null) return blobError(res, 404, 'BlobNotFound');
      const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
      let start = 0;
      let end = e.data.length - 1;
      if (range) {
        start = Number(range[1]);
        end = range[2] ? Math.min(Number(range[2]), end) : end;
      }
      const slice = e.data.subarray(start, end + 1);
      res.writeHead(range ? 206 : 200, {
        ...headers,
        'content-type': 'application/octet-stream',
        'content-length': slice.length,
        'x-ms-blob-type': 'BlockBlob',
        ...(range ? { 'content-range': `bytes ${start}-${end}/${e.data.length}` } : {}),
      });
      return void res.end(req.method === 'HEAD' ? undefined : slice);
    }
    return blobError(res, 405, 'UnsupportedHttpVerb');
  }

  async function v1(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!authorized(req)) return json(res, 401, { message: 'missing or wrong token' });
    const rest = url.pathname.slice('/_apis/artifactcache/'.length);
    if (req.method === 'GET' && rest === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',');
      const version = url.searchParams.get('version') ?? '';
      const hit = find(keys[0]!, version) ?? keys.slice(1).map((k) => findPrefix(k, version)).find((e) => e !== undefined);
      if (!hit) {
        res.writeHead(204);
        return void res.end();
      }
      return json(res, 200, { cacheKey: hit.key, scope: 'refs/heads/main', cacheVersion: hit.version, archiveLocation: blobUrl(hit) });
    }
    if (req.method === 'GET' && rest === 'caches') return json(res, 200, { totalCount: 0, artifactCaches: [] });
    if (req.method === 'POST' && rest === 'caches') {
      const r = JSON.parse((await body(req)).toString('utf8')) as { key: string; version: string };
      if (find(r.key, r.version)) return json(res, 409, { message: 'Cache already exists.' });
      const e: CacheEntry = { id: nextId++, key: r.key, version: r.version, data: null, committed: false, blocks: new Map(), chunks: [] };
      entries.push(e);
      return json(res, 201, { cacheId: e.id });
    }
    const m = /^caches\/(\d+)$/.exec(rest);
    const e = m ? entries.find((x) => x.id === Number(m[1])) : undefined;
    if (!e) return json(res, 404, { message: 'no such cache' });
    if (req.method === 'PATCH') {
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(req.headers['content-range'] ?? ''));
      const data = await body(req);
      if (!range || Number(range[2]) - Number(range[1]) + 1 !== data.length) return json(res, 400, { message: 'bad Content-Range' });
      e.chunks.push({ start: Number(range[1]), data });
      res.writeHead(204);
      return void res.end();
    }
    if (req.method === 'POST') {
      const { size } = JSON.parse((await body(req)).toString('utf8')) as { size: number };
      const all = Buffer.alloc(size);
      let written = 0;
      for (const c of e.chunks) {
        c.data.copy(all, c.start);
        written += c.data.length;
      }
      if (written !== size) return json(res, 400, { message: `size ${size} but ${written} bytes uploaded` });
      e.data = all;
      e.committed = true;
      res.writeHead(204);
      return void res.end();
    }
    return json(res, 405, { message: 'method not allowed' });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push({ method: req.method ?? '', path: url.pathname });
    const handle = async (): Promise<void> => {
      if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) return twirp(url.pathname.slice(TWIRP.length), req, res);
      const b = /^\/devstoreaccount1\/cache\/(\d+)$/.exec(url.pathname);
      if (b) return blob(Number(b[1]), url, req, res);
      if (url.pathname.startsWith('/_apis/artifactcache/')) return v1(url, req, res);
      return json(res, 404, { msg: 'not found' });
    };
    handle().catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { msg: String(e) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    token,
    entries,
    requests,
    env: (protocol): Record<string, string> =>
      protocol === 'v2'
        ? { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: base, ACTIONS_RUNTIME_TOKEN: token }
        : { ACTIONS_CACHE_URL: base, ACTIONS_RUNTIME_TOKEN: token },
    clear: () => {
      entries.length = 0;
      requests.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
