/**
 * uv from its PyPI wheel, the verified source for a version whose release checksums are not embedded (the pin):
 * the REAL wheel (downloaded from PyPI by the test, as pip would) served from a loopback mirror, installed by the
 * real @actions/tool-cache, and checked against the SHA-256 embedded in src/setup/uv-wheels.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installUv, toolCacheDeps, UvInstallError, wheelUrl, type UvInstallRequest } from '../../src/setup/install-uv.js';
import { UV_WHEELS } from '../../src/setup/uv-wheels.js';
import { UV_TARGETS } from '../../src/setup/uv-version.js';
import { sha256, startFileServer, TARGET, type FileServer } from '../support/uv-release.js';
import { REPO_ROOT } from '../support/project.js';

const PINNED = '0.13.8';
const wheelInfo = UV_WHEELS[PINNED]![TARGET as (typeof UV_TARGETS)[number]];
let wheel: Buffer;
let mirror: FileServer;
let toolCache: string;

/** The real wheel from PyPI, kept in the gitignored .tools/ so a re-run needs no download. */
function realWheel(): Buffer {
  const dir = join(REPO_ROOT, '.tools', 'wheels');
  const name = wheelInfo.url.slice(wheelInfo.url.lastIndexOf('/') + 1);
  if (!existsSync(join(dir, name))) {
    mkdirSync(dir, { recursive: true });
    execFileSync(join(REPO_ROOT, '.tools', 'bin', 'python'), ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--platform', 'manylinux_2_17_x86_64', '--platform', 'manylinux2014_x86_64', '-d', dir, `uv==${PINNED}`], { stdio: 'inherit' });
  }
  return readFileSync(join(dir, name));
}

beforeAll(async () => {
  wheel = realWheel();
  mirror = await startFileServer('127.0.0.1');
}, 300_000);
afterAll(async () => mirror.close());
beforeEach(() => {
  toolCache = mkdtempSync(join(tmpdir(), 'ng-toolcache-'));
  process.env.RUNNER_TOOL_CACHE = toolCache;
  process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'ng-runnertemp-'));
  mirror.files.clear();
  mirror.seen.length = 0;
});

const log = { warning: () => undefined, info: () => undefined };
const deps = () => toolCacheDeps({ ...process.env, PATH: '/usr/bin:/bin' }, log);
const request = (over: Partial<UvInstallRequest> = {}): UvInstallRequest => ({
  version: PINNED, platform: 'linux', arch: 'x64', checksum: null, allowUnverified: false, baseUrl: null, wheelBaseUrl: mirror.url, table: {}, ...over,
});
const wheelPath = new URL(wheelInfo.url).pathname;

describe('uv from its PyPI wheel', () => {
  test('the table covers the pin for all six targets, with PyPI file-host URLs and SHA-256s', () => {
    expect(Object.keys(UV_WHEELS[PINNED]!).sort()).toEqual([...UV_TARGETS].sort());
    for (const w of Object.values(UV_WHEELS[PINNED]!)) {
      expect(w.url).toMatch(/^https:\/\/files\.pythonhosted\.org\/packages\/[0-9a-f/]+\/uv-0\.13\.8-py3-none-[\w.]+\.whl$/);
      expect(w.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test('the embedded SHA-256 is the real wheel’s; it installs, runs and prints the pin', async () => {
    expect(sha256(wheel)).toBe(wheelInfo.sha256);
    mirror.files.set(wheelPath, wheel);
    const uv = await installUv(request(), deps());
    expect(uv).toMatchObject({ version: PINNED, source: 'download', sha256: wheelInfo.sha256, verified: 'pypi-wheel' });
    expect(uv.path).toBe(join(toolCache, 'uv', PINNED, 'x64', 'uv'));
    expect(execFileSync(uv.path, ['--version'], { encoding: 'utf8' })).toMatch(/^uv 0\.13\.8 /);
    expect(existsSync(join(toolCache, 'uv', PINNED, 'x64', 'uvx'))).toBe(true);
    expect(mirror.seen.map((s) => s.path)).toEqual([wheelPath]);
    expect(mirror.seen[0]!.headers.authorization).toBeUndefined();
  });

  test('a wheel with one byte changed is refused before it is opened; nothing reaches the tool cache', async () => {
    const bad = Buffer.from(wheel);
    bad[bad.length >> 1] = bad[bad.length >> 1]! ^ 0xff;
    mirror.files.set(wheelPath, bad);
    await expect(installUv(request(), deps())).rejects.toThrow(UvInstallError);
    await expect(installUv(request(), deps())).rejects.toThrow(/failed its SHA-256 check: expected [0-9a-f]{64} \(the action's wheel table\).*nothing was extracted/);
    expect(readdirSync(toolCache)).toEqual([]);
  });

  test('a release checksum, when known, is preferred to the wheel', async () => {
    await expect(installUv(request({ table: { [PINNED]: Object.fromEntries(UV_TARGETS.map((t) => [t, 'a'.repeat(64)])) as never }, baseUrl: mirror.url }), deps())).rejects.toThrow(/404|Unexpected HTTP response|not found/i);
    expect(mirror.seen.map((s) => s.path)).toEqual([`/${PINNED}/uv-${TARGET}.tar.gz`]);
  });

  test('the mirror replaces only the origin; plain http is refused except on loopback', () => {
    expect(wheelUrl(wheelInfo, null)).toBe(wheelInfo.url);
    expect(wheelUrl(wheelInfo, 'https://pypi.example/files/')).toBe(`https://pypi.example/files${wheelPath}`);
    expect(() => wheelUrl(wheelInfo, 'http://pypi.example')).toThrow(/not HTTPS/);
  });
});
