/**
 * The uv download path with the real @actions/tool-cache against a loopback release server serving a real uv
 * archive (the pinned wheel's binaries in the release layout). Nothing here is mocked but GitHub's address.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installUv, toolCacheDeps, UvInstallError, authFor, assetUrl, type UvInstallRequest } from '../../src/setup/install-uv.js';
import { UV_CHECKSUMS } from '../../src/setup/uv-checksums.js';
import { ARCHIVE, buildUvArchive, sha256, startFileServer, TARGET, type FileServer } from '../support/uv-release.js';

const PINNED = '0.13.8';
let archive: Buffer;
let good: string;
let release: FileServer;
let other: FileServer;
let toolCache: string;
let runnerTemp: string;
const messages: { level: string; text: string }[] = [];
const log = { warning: (text: string) => void messages.push({ level: 'warning', text }), info: (text: string) => void messages.push({ level: 'info', text }) };

/** Every file under a directory, recursively (to prove nothing was extracted). */
function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

beforeAll(async () => {
  archive = buildUvArchive();
  good = sha256(archive);
  release = await startFileServer('127.0.0.1');
  other = await startFileServer('::').catch(() => startFileServer('127.0.0.1'));
});

afterAll(async () => {
  await release.close();
  await other.close();
});

beforeEach(() => {
  // tool-cache reads these from process.env on every call.
  toolCache = mkdtempSync(join(tmpdir(), 'ng-toolcache-'));
  runnerTemp = mkdtempSync(join(tmpdir(), 'ng-runnertemp-'));
  process.env.RUNNER_TOOL_CACHE = toolCache;
  process.env.RUNNER_TEMP = runnerTemp;
  release.files.clear();
  release.seen.length = 0;
  other.seen.length = 0;
  messages.length = 0;
});

/** The environment without any uv on PATH, so the install must come from the tool cache or the download. */
const deps = () => toolCacheDeps({ ...process.env, PATH: '/usr/bin:/bin' }, log);
const request = (over: Partial<UvInstallRequest>): UvInstallRequest => ({
  version: PINNED,
  platform: 'linux',
  arch: 'x64',
  checksum: null,
  allowUnverified: false,
  baseUrl: release.url,
  table: {},
  // These cases are about the release host; the PyPI-wheel source has its own tests (uv-wheel.test.ts).
  wheels: {},
  ...over,
});

describe('installing uv from the release host', () => {
  test('the right checksum (uv-checksum) installs into the tool cache and runs; the next run finds it there', async () => {
    release.files.set(`/${PINNED}/${ARCHIVE}`, archive);
    const uv = await installUv(request({ checksum: good }), deps());
    expect(uv).toMatchObject({ version: PINNED, source: 'download', sha256: good, verified: 'input' });
    expect(uv.path).toBe(join(toolCache, 'uv', PINNED, 'x64', 'uv'));
    expect(existsSync(join(toolCache, 'uv', PINNED, 'x64', 'uvx'))).toBe(true);
    expect(release.seen.map((s) => s.path)).toEqual([`/${PINNED}/${ARCHIVE}`]);
    // The downloaded archive is gone from RUNNER_TEMP; only the tool cache holds uv.
    expect(allFiles(runnerTemp)).toEqual([]);

    const again = await installUv(request({ checksum: good }), deps());
    expect(again).toMatchObject({ source: 'tool-cache', path: uv.path });
    expect(release.seen).toHaveLength(1);
  });

  test('the embedded table’s checksum of the official asset rejects a rebuilt archive before extraction', async () => {
    // 0.12.5 is in the table (the official x86_64 Linux asset); what is served here is not that asset.
    expect(UV_CHECKSUMS['0.12.5']?.[TARGET]).toMatch(/^[0-9a-f]{64}$/);
    release.files.set(`/0.12.5/${ARCHIVE}`, archive);
    const err = await installUv(request({ version: '0.12.5', table: undefined }), deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UvInstallError);
    expect((err as Error).message).toContain(`expected ${UV_CHECKSUMS['0.12.5']![TARGET]} (the action's table), got ${good}; nothing was extracted`);
    expect(allFiles(toolCache)).toEqual([]);
    expect(allFiles(runnerTemp)).toEqual([]);
  });

  test('one corrupted byte fails the check: nothing extracted, nothing in the tool cache', async () => {
    const bad = Buffer.from(archive);
    bad[Math.floor(bad.length / 2)]! ^= 0xff;
    release.files.set(`/${PINNED}/${ARCHIVE}`, bad);
    await expect(installUv(request({ checksum: good }), deps())).rejects.toThrow(/failed its SHA-256 check: expected [0-9a-f]{64} \(uv-checksum\)/);
    expect(allFiles(toolCache)).toEqual([]);
    expect(allFiles(runnerTemp)).toEqual([]);
  });

  test('a version with no known checksum fails before any download', async () => {
    release.files.set(`/${PINNED}/${ARCHIVE}`, archive);
    await expect(installUv(request({}), deps())).rejects.toThrow(/uv 0\.13\.8 for x86_64-unknown-linux-gnu is not in the action's checksum table .*give its SHA-256 in uv-checksum, or set allow-unverified-uv: true/);
    expect(release.seen).toEqual([]);
  });

  test('allow-unverified-uv installs it with a warning that names the SHA-256', async () => {
    release.files.set(`/${PINNED}/${ARCHIVE}`, archive);
    const uv = await installUv(request({ allowUnverified: true }), deps());
    expect(uv).toMatchObject({ source: 'download', verified: 'unverified' });
    expect(messages).toContainEqual({ level: 'warning', text: expect.stringContaining(`uv ${PINNED} (${ARCHIVE}) is not verified`) });
    expect(messages.find((m) => m.level === 'warning')!.text).toContain(good);
  });

  test('an archive whose uv reports another version is refused after extraction and not kept', async () => {
    release.files.set(`/0.13.7/${ARCHIVE}`, archive);
    await expect(installUv(request({ version: '0.13.7', checksum: good }), deps())).rejects.toThrow('the downloaded uv reports 0.13.8, not 0.13.7');
    expect(existsSync(join(toolCache, 'uv', '0.13.7', 'x64'))).toBe(false);
  });

  test('a redirect to another host carries no token; the GitHub host itself got it', async () => {
    release.files.set(`/${PINNED}/${ARCHIVE}`, { redirect: `${other.url}/objects/${ARCHIVE}` });
    other.files.set(`/objects/${ARCHIVE}`, archive);
    // The loopback server plays the GitHub host (as a GHES would); the redirect target is another host name.
    const uv = await installUv(request({ checksum: good, token: 'ghs_secret', serverUrl: release.url }), deps());
    expect(uv.source).toBe('download');
    expect(release.seen[0]!.headers.authorization).toBe('token ghs_secret');
    expect(other.seen).toHaveLength(1);
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(other.seen[0]!.headers)).not.toContain('ghs_secret');
  });

  test('uv on PATH is used only when it is exactly the version', async () => {
    const pathDeps = toolCacheDeps({ ...process.env, PATH: `${join(process.cwd(), '.tools', 'bin')}:/usr/bin:/bin` }, log);
    const uv = await installUv(request({}), pathDeps);
    expect(uv).toMatchObject({ source: 'path', version: PINNED });
    expect(release.seen).toEqual([]);
    // Another version wanted: PATH's uv is passed over and the (unknown) version fails without a checksum.
    await expect(installUv(request({ version: '0.13.7' }), pathDeps)).rejects.toThrow(/not in the action's checksum table/);
    expect(messages).toContainEqual({ level: 'info', text: expect.stringContaining('is 0.13.8, not 0.13.7') });
  });
});

describe('where uv may come from', () => {
  test('a token goes to the GitHub host only, never to a mirror', () => {
    const gh = 'https://github.com/astral-sh/uv/releases/download/0.13.8/uv-x.tar.gz';
    expect(authFor(gh, 't')).toBe('token t');
    expect(authFor('https://mirror.example/uv/0.13.8/uv-x.tar.gz', 't')).toBeUndefined();
    expect(authFor('https://ghes.example/uv/0.13.8/uv-x.tar.gz', 't', 'https://ghes.example')).toBe('token t');
    expect(authFor(gh, 't', 'https://ghes.example')).toBeUndefined();
    expect(authFor(gh, undefined)).toBeUndefined();
  });

  test('HTTPS only, except a mirror on this machine', () => {
    expect(assetUrl(null, '0.13.8', ARCHIVE)).toBe(`https://github.com/astral-sh/uv/releases/download/0.13.8/${ARCHIVE}`);
    expect(assetUrl('https://mirror.example/uv/', '0.13.8', ARCHIVE)).toBe(`https://mirror.example/uv/0.13.8/${ARCHIVE}`);
    expect(assetUrl('http://127.0.0.1:8080', '0.13.8', ARCHIVE)).toBe(`http://127.0.0.1:8080/0.13.8/${ARCHIVE}`);
    expect(() => assetUrl('http://mirror.example', '0.13.8', ARCHIVE)).toThrow(/is not HTTPS/);
  });

  test('a platform uv publishes nothing for fails clearly', async () => {
    await expect(installUv(request({ platform: 'freebsd' }), deps())).rejects.toThrow('uv has no release the action can install for freebsd/x64');
  });
});

afterAll(() => {
  for (const d of [toolCache, runnerTemp]) rmSync(d, { recursive: true, force: true });
});
