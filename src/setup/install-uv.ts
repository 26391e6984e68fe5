/**
 * Puts an exact uv on the machine: from the runner's tool cache, else from PATH when it is exactly that version,
 * else downloaded from the release host (or a mirror) and checked with SHA-256 *before* anything is extracted
 * (SECURITY.md R7). Side effects come in through `UvInstallDeps`; `toolCacheDeps()` wires @actions/tool-cache.
 */
import { createHash } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, rmSync } from 'node:fs';
import { pathKind } from '../fs-kind.js';
import { delimiter, join } from 'node:path';
import * as tc from '@actions/tool-cache';
import { runProcess } from '../process/run.js';
import { childEnvironment } from '../process/env.js';
import { UV_CHECKSUMS } from './uv-checksums.js';
import { UV_WHEELS, type UvWheel } from './uv-wheels.js';
import { uvAsset, type UvTarget } from './uv-version.js';

export const DEFAULT_UV_DOWNLOAD_BASE = 'https://github.com/astral-sh/uv/releases/download';

export class UvInstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UvInstallError';
  }
}

export interface UvInstallRequest {
  version: string;
  platform: NodeJS.Platform;
  arch: string;
  /** The user's SHA-256 for the asset (`uv-checksum`), or null to use the embedded table. */
  checksum: string | null;
  /** `allow-unverified-uv`: install a version with no known checksum, with a warning. */
  allowUnverified: boolean;
  /** Replaces `https://github.com/astral-sh/uv/releases/download` (GHES, mirrors). */
  baseUrl: string | null;
  /** A token sent only to the GitHub host itself (github.com or this GHES), never to a mirror or a redirect target. */
  token?: string;
  /** The GitHub server URL (GITHUB_SERVER_URL); decides which host may see the token. */
  serverUrl?: string;
  /** The checksum table; the embedded one unless a test gives its own. */
  table?: ChecksumTable;
  /** Replaces the origin of the PyPI wheel URLs (a PyPI mirror keeping the `/packages/…` layout; tests). */
  wheelBaseUrl?: string | null;
  /** The wheel table; the embedded one unless a test gives its own. */
  wheels?: Readonly<Record<string, Readonly<Record<UvTarget, UvWheel>>>>;
}

export type ChecksumTable = Readonly<Record<string, Readonly<Record<UvTarget, string>>>>;

export interface UvInstallDeps {
  /** The tool-cache directory holding this version, or '' (tool-cache `find`). */
  findCached(version: string, arch: string): string;
  download(url: string, auth: string | undefined): Promise<string>;
  extract(file: string, kind: 'tar.gz' | 'zip'): Promise<string>;
  cache(dir: string, version: string, arch: string): Promise<string>;
  /** The version a uv binary prints (`uv 0.13.8 …` → `0.13.8`), or null when it does not run. */
  versionOf(binary: string): Promise<string | null>;
  /** Directories of PATH, in order. */
  pathDirs(): string[];
  warning(message: string): void;
  info(message: string): void;
}

export interface InstalledUv {
  /** Absolute path of the uv binary. */
  path: string;
  version: string;
  source: 'tool-cache' | 'path' | 'download';
  /** SHA-256 of the downloaded archive (download only). */
  sha256?: string;
  verified?: 'table' | 'input' | 'pypi-wheel' | 'unverified';
}

const exe = (platform: NodeJS.Platform, name: string): string => (platform === 'win32' ? `${name}.exe` : name);

export function knownChecksum(version: string, target: UvTarget, table: ChecksumTable = UV_CHECKSUMS): string | null {
  return table[version]?.[target] ?? null;
}

/** The release download URL; a base other than HTTPS is refused unless it is this machine (tests, local mirrors). */
export function assetUrl(baseUrl: string | null, version: string, archive: string): string {
  const base = (baseUrl ?? DEFAULT_UV_DOWNLOAD_BASE).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(`${base}/${encodeURIComponent(version)}/${archive}`);
  } catch {
    throw new UvInstallError(`uv-download-base-url: ${JSON.stringify(baseUrl)} is not a URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new UvInstallError(`uv-download-base-url: ${url.origin} is not HTTPS; uv is only downloaded over HTTPS`);
  }
  return url.href;
}

/** The Authorization header for a URL: only when its host is the GitHub server itself (R7.3). */
export function authFor(url: string, token: string | undefined, serverUrl = 'https://github.com'): string | undefined {
  if (!token) return undefined;
  let github: string;
  try {
    github = new URL(serverUrl).host;
  } catch {
    return undefined;
  }
  return new URL(url).host === github ? `token ${token}` : undefined;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const regularFile = (path: string): boolean => pathKind(path) === 'file';

export async function installUv(req: UvInstallRequest, deps: UvInstallDeps): Promise<InstalledUv> {
  const asset = uvAsset(req.platform, req.arch);
  if (!asset) throw new UvInstallError(`uv has no release the action can install for ${req.platform}/${req.arch}`);
  const uvName = exe(req.platform, 'uv');

  const cached = deps.findCached(req.version, req.arch);
  if (cached) {
    const path = join(cached, uvName);
    if ((await deps.versionOf(path)) === req.version) return { path, version: req.version, source: 'tool-cache' };
    deps.warning(`the tool cache's uv ${req.version} (${cached}) does not run as ${req.version}; downloading it again`);
  }

  for (const dir of deps.pathDirs()) {
    const path = join(dir, uvName);
    if (!existsSync(path)) continue;
    const v = await deps.versionOf(path);
    if (v === req.version) return { path, version: v, source: 'path' };
    if (v !== null) deps.info(`uv on PATH (${path}) is ${v}, not ${req.version}; installing ${req.version}`);
    break;
  }

  // Decide how the archive will be verified before touching the network.
  const table = req.table ?? UV_CHECKSUMS;
  const fromTable = knownChecksum(req.version, asset.target, table);
  const expected = req.checksum?.toLowerCase() ?? fromTable;
  const wheel = (req.wheels ?? UV_WHEELS)[req.version]?.[asset.target];
  // No release checksum is known but the PyPI wheel's is: install from the wheel, verified just the same.
  if (expected === null && wheel) return installFromWheel(req, deps, wheel);
  if (expected === null && !req.allowUnverified) {
    const known = Object.keys(table).join(', ') || 'none';
    throw new UvInstallError(
      `uv ${req.version} for ${asset.target} is not in the action's checksum table (known: ${known}); ` +
        'give its SHA-256 in uv-checksum, or set allow-unverified-uv: true to install it unverified',
    );
  }

  const url = assetUrl(req.baseUrl, req.version, asset.archive);
  deps.info(`downloading uv ${req.version} from ${url}`);
  const { extracted, actual } = await downloadVerified(deps, url, authFor(url, req.token, req.serverUrl), asset.archive.endsWith('.zip') ? 'zip' : 'tar.gz', (actual) => {
    if (expected !== null && actual !== expected) {
      throw new UvInstallError(
        `uv ${req.version} (${asset.archive}) failed its SHA-256 check: expected ${expected} (${req.checksum ? 'uv-checksum' : 'the action\'s table'}), got ${actual}; nothing was extracted`,
      );
    }
    if (expected === null) deps.warning(`uv ${req.version} (${asset.archive}) is not verified: no known checksum, allow-unverified-uv is set (its SHA-256 is ${actual})`);
  });

  // The tarballs hold `uv-<target>/uv` and `uvx`; take those two regular files (never a link) and nothing else.
  const inner = existsSync(join(extracted, `uv-${asset.target}`)) ? join(extracted, `uv-${asset.target}`) : extracted;
  for (const name of [uvName, exe(req.platform, 'uvx')]) {
    if (!regularFile(join(inner, name))) {
      rmSync(extracted, { recursive: true, force: true });
      throw new UvInstallError(`${asset.archive} does not hold uv-${asset.target}/${name} as a regular file`);
    }
  }
  const { path, got } = await cacheChecked(deps, inner, extracted, req, uvName, 'the downloaded uv');
  return { path, version: got, source: 'download', sha256: actual, verified: req.checksum ? 'input' : fromTable ? 'table' : 'unverified' };
}

/**
 * Downloads to a temporary file and lets `verify` check its SHA-256 before anything opens it (R7.1); then extracts
 * it. The download is removed either way.
 */
async function downloadVerified(deps: UvInstallDeps, url: string, auth: string | undefined, kind: 'zip' | 'tar.gz', verify: (sha256: string) => void): Promise<{ extracted: string; actual: string }> {
  const file = await deps.download(url, auth);
  try {
    const actual = await sha256File(file);
    verify(actual);
    return { extracted: await deps.extract(file, kind), actual };
  } finally {
    rmSync(file, { force: true });
  }
}

/** Puts the binaries in the tool cache, then `uv --version` must print the requested version (R7.4), else the entry goes. */
async function cacheChecked(deps: UvInstallDeps, dir: string, extracted: string, req: UvInstallRequest, binary: string, what: string): Promise<{ path: string; got: string }> {
  const toolDir = await deps.cache(dir, req.version, req.arch);
  rmSync(extracted, { recursive: true, force: true });
  const path = join(toolDir, binary);
  const got = await deps.versionOf(path);
  if (got !== req.version) {
    rmSync(toolDir, { recursive: true, force: true });
    rmSync(`${toolDir}.complete`, { force: true });
    throw new UvInstallError(`${what} reports ${got ?? 'nothing (it does not run)'}, not ${req.version}`);
  }
  return { path, got };
}

/** The wheel URL, its origin replaced by the mirror when one is given; HTTPS only (loopback excepted). */
export function wheelUrl(wheel: UvWheel, base: string | null | undefined): string {
  const canonical = new URL(wheel.url);
  if (!base) return canonical.href;
  return assetUrl(base, '', '').replace(/\/+$/, '') + canonical.pathname;
}

/**
 * uv from its PyPI wheel: the wheel (a zip) is checked against the embedded SHA-256 before it is opened, then only
 * `uv-<version>.data/scripts/uv` and `uvx` are kept (regular files, made executable: zip modes are not trusted).
 */
async function installFromWheel(req: UvInstallRequest, deps: UvInstallDeps, wheel: UvWheel): Promise<InstalledUv> {
  const url = wheelUrl(wheel, req.wheelBaseUrl);
  const name = url.slice(url.lastIndexOf('/') + 1);
  deps.info(`downloading uv ${req.version} from its PyPI wheel ${url} (no release checksum embedded for this version)`);
  const { extracted, actual } = await downloadVerified(deps, url, undefined, 'zip', (actual) => {
    if (actual !== wheel.sha256) {
      throw new UvInstallError(`uv ${req.version} (${name}) failed its SHA-256 check: expected ${wheel.sha256} (the action's wheel table), got ${actual}; nothing was extracted`);
    }
  });
  const scripts = join(extracted, `uv-${req.version}.data`, 'scripts');
  for (const binary of [exe(req.platform, 'uv'), exe(req.platform, 'uvx')]) {
    if (!regularFile(join(scripts, binary))) {
      rmSync(extracted, { recursive: true, force: true });
      throw new UvInstallError(`${name} does not hold uv-${req.version}.data/scripts/${binary} as a regular file`);
    }
    if (req.platform !== 'win32') chmodSync(join(scripts, binary), 0o755);
  }
  const { path, got } = await cacheChecked(deps, scripts, extracted, req, exe(req.platform, 'uv'), `the uv from ${name}`);
  return { path, version: got, source: 'download', sha256: actual, verified: 'pypi-wheel' };
}

/** `uv --version` with a scrubbed environment and a timeout; the version, or null. */
export async function uvVersionOf(binary: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const r = await runProcess({ argv: [binary, '--version'], cwd: process.cwd(), env: childEnvironment(env), timeoutMs: 30_000 });
  if (r.exitCode !== 0) return null;
  return /^uv (\d+\.\d+\.\d+)\b/m.exec(r.stdout)?.[1] ?? null;
}

/** The real side effects: @actions/tool-cache (it reads RUNNER_TOOL_CACHE and RUNNER_TEMP from process.env). */
export function toolCacheDeps(env: NodeJS.ProcessEnv, log: { warning(m: string): void; info(m: string): void }): UvInstallDeps {
  return {
    // Without a tool cache (a bare self-hosted runner, the CLI) there is nothing to find.
    findCached: (version, arch) => (env.RUNNER_TOOL_CACHE ? tc.find('uv', version, arch) : ''),
    download: (url, auth) => tc.downloadTool(url, undefined, auth),
    extract: (file, kind) => (kind === 'zip' ? tc.extractZip(file) : tc.extractTar(file)),
    cache: (dir, version, arch) => {
      if (!env.RUNNER_TOOL_CACHE) throw new UvInstallError('RUNNER_TOOL_CACHE is not set, so the downloaded uv has nowhere to live');
      return tc.cacheDir(dir, 'uv', version, arch);
    },
    versionOf: (binary) => uvVersionOf(binary, env),
    pathDirs: () => (env.PATH ?? '').split(delimiter).filter((d) => d !== ''),
    warning: log.warning,
    info: log.info,
  };
}
