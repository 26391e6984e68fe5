/**
 * A uv release on loopback, for the download path: the real uv binaries (the pinned wheel that
 * scripts/ensure-tools.sh installed from PyPI into .tools/) repacked in the release layout —
 * `uv-<target>.tar.gz` holding `uv-<target>/uv` and `uvx`, with a sibling `.sha256` — served by a small HTTP
 * server that records every request and can redirect to another one.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './project.js';

export const TARGET = 'x86_64-unknown-linux-gnu';
export const ARCHIVE = `uv-${TARGET}.tar.gz`;

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The release archive rebuilt from the pinned uv wheel's binaries; returns its bytes. */
export function buildUvArchive(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ng-uv-release-'));
  const inner = join(dir, `uv-${TARGET}`);
  mkdirSync(inner);
  for (const name of ['uv', 'uvx']) copyFileSync(join(REPO_ROOT, '.tools', 'bin', name), join(inner, name));
  execFileSync('tar', ['-czf', join(dir, ARCHIVE), '-C', dir, `uv-${TARGET}`]);
  return readFileSync(join(dir, ARCHIVE));
}

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FileServer {
  url: string;
  /** path → body; or a redirect target. */
  files: Map<string, Buffer | { redirect: string }>;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startFileServer(host: '127.0.0.1' | '::' = '127.0.0.1'): Promise<FileServer> {
  const files = new Map<string, Buffer | { redirect: string }>();
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push({ path, headers: req.headers });
    const f = files.get(path);
    if (f === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } else if (Buffer.isBuffer(f)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.length });
      res.end(f);
    } else {
      res.writeHead(302, { location: f.redirect });
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === '::' ? 'localhost' : host}:${port}`,
    files,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
