/**
 * The environment cache with the real @actions/cache against the loopback cache service (test/support/
 * cache-server.ts, protocols v2 and v1), running the real setup checks (uv, python, uv sync) on the demo fixture.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveConfig } from '../../src/config/resolve.js';
import { runGate } from '../../src/engine.js';
import { shouldSave } from '../../src/cache/key.js';
import { actionsCacheBackend, VenvCache, type VenvCacheOptions } from '../../src/cache/venv-cache.js';
import { copyFixture, removeDir, REPO_ROOT, TEST_ENV } from '../support/project.js';
import { startCacheServer, type CacheServer } from '../support/cache-server.js';

const UV = join(REPO_ROOT, '.tools', 'bin', 'uv');
const NOT_SETUP = 'ruff-format,ruff-check,types,pytest,coverage,diff-coverage,pip-audit,bandit';
const CACHE_ENV = ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_RUNTIME_TOKEN'];

let server: CacheServer;
let project: string;
let runnerTemp: string;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startCacheServer();
  runnerTemp = mkdtempSync(join(tmpdir(), 'ng-cache-runner-'));
  dirs.push(runnerTemp);
  // @actions/cache reads these from process.env (archives go to RUNNER_TEMP, paths are relative to the workspace).
  process.env.RUNNER_TEMP = runnerTemp;
});

afterAll(async () => {
  await server.close();
  dirs.forEach(removeDir);
});

function useProtocol(protocol: 'v1' | 'v2' | 'down'): void {
  for (const k of CACHE_ENV) delete process.env[k];
  if (protocol === 'down') Object.assign(process.env, { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/', ACTIONS_RUNTIME_TOKEN: server.token });
  else Object.assign(process.env, server.env(protocol));
}

beforeEach(() => {
  server.clear();
  useProtocol('v2');
  project = copyFixture('demo');
  dirs.push(project);
  process.env.GITHUB_WORKSPACE = dirname(project);
});

interface SetupRun {
  verdict: string;
  syncSummary: string;
  syncOutput: string;
  cache: VenvCache;
  log: { level: string; text: string }[];
  stdout: string;
}

/** The three setup checks on `project`, as the action runs them, with the cache hook. */
async function setupRun(save = shouldSave('push', 'refs/heads/main', 'main'), over: Partial<VenvCacheOptions> = {}, extraEnv: Record<string, string> = {}): Promise<SetupRun> {
  const log: { level: string; text: string }[] = [];
  const cache = new VenvCache(
    { mode: 'venv', suffix: '', projectDir: project, venvDir: join(project, '.venv'), uvCacheDir: null, uv: UV, env: TEST_ENV, save, ...over },
    actionsCacheBackend(),
    { info: (text) => void log.push({ level: 'info', text }), warning: (text) => void log.push({ level: 'warning', text }), notice: (text) => void log.push({ level: 'notice', text }) },
  );
  const config = resolveConfig(project, readFileSync(join(project, 'pyproject.toml'), 'utf8'), { disable: NOT_SETUP });
  let syncOutput = '';
  // @actions/cache logs its own warnings through @actions/core, i.e. to stdout.
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const { report, results } = await runGate(config, {
      uv: UV,
      env: { ...TEST_ENV, RUNNER_TEMP: runnerTemp, ...extraEnv },
      venvCache: cache,
      onProcess: (_id, argv, r) => {
        if (argv[1] === 'sync') syncOutput += r.output;
      },
    });
    const sync = results.find((r) => r.id === 'uv-sync')!;
    return { verdict: report.verdict, syncSummary: sync.summary, syncOutput, cache, log, stdout };
  } finally {
    spy.mockRestore();
  }
}

/** A fresh checkout of the same project at the same path: no environment yet. */
const freshCheckout = (): void => rmSync(join(project, '.venv'), { recursive: true, force: true });

describe('the environment cache (protocol v2)', () => {
  test('the first run misses and saves; the second hits and uv sync installs nothing', async () => {
    const first = await setupRun();
    expect(first.verdict).toBe('pass');
    expect(first.syncSummary).toMatch(/^environment in sync with uv\.lock · setup \d+\.\d s \(cache miss\)$/);
    expect(first.syncOutput).toMatch(/Installed 1 package/);
    expect(first.cache.hit).toBe(false);
    const saved = server.entries.filter((e) => e.committed);
    expect(saved.map((e) => e.key)).toEqual([first.cache.venvKey]);
    expect(first.cache.venvKey).toMatch(/^nebula-gate-v2-venv-linux-x64-/);

    freshCheckout();
    const second = await setupRun();
    expect(second.verdict).toBe('pass');
    expect(second.cache.hit).toBe(true);
    expect(second.syncSummary).toMatch(/· setup \d+\.\d s \(cache hit\)$/);
    expect(second.syncOutput).not.toMatch(/Installed|Prepared/);
    expect(second.cache.venvKey).toBe(first.cache.venvKey);
    // A hit under the exact key is not written again.
    expect(server.requests.filter((r) => r.path.endsWith('/CreateCacheEntry'))).toHaveLength(1);
  });

  test('a checkout at another workspace path restores the entry: its scripts run there, uv sync re-installs only the project', async () => {
    // pinned-tools locks pytest and ruff: their console scripts are what a path-bound environment would break.
    const cwd = process.cwd();
    const workspaces = [mkdtempSync(join(tmpdir(), 'ng-ws-a-')), mkdtempSync(join(tmpdir(), 'ng-ws-b-'))];
    dirs.push(...workspaces);
    const runAt = async (workspace: string) => {
      project = join(workspace, 'project');
      cpSync(join(REPO_ROOT, 'test', 'fixtures', 'projects', 'pinned-tools'), project, { recursive: true, filter: (src) => !src.endsWith('.venv') });
      // As on a runner: the action starts in the workspace, which @actions/cache stores paths relative to.
      process.env.GITHUB_WORKSPACE = workspace;
      process.chdir(workspace);
      try {
        return await setupRun();
      } finally {
        process.chdir(cwd);
      }
    };
    const first = await runAt(workspaces[0]!);
    expect(first.syncSummary).toMatch(/\(cache miss\)$/);
    expect(readFileSync(join(project, '.venv', 'pyvenv.cfg'), 'utf8')).toMatch(/^relocatable = true$/m);
    expect(server.entries.filter((e) => e.committed).map((e) => e.key)).toEqual([first.cache.venvKey]);

    const second = await runAt(workspaces[1]!);
    expect(second.cache.hit).toBe(true);
    expect(second.syncSummary).toMatch(/\(cache hit\)$/);
    // The one install is the project itself, an editable install that named workspace A.
    expect(second.syncOutput).toMatch(/Installed 1 package/);
    expect(second.syncOutput).toMatch(/humanunits/);
    expect(second.syncOutput).not.toMatch(/pytest|ruff/);
    for (const tool of ['pytest', 'ruff']) {
      const r = spawnSync(join(project, '.venv', 'bin', tool), ['--version'], { encoding: 'utf8' });
      expect([r.status, `${r.stdout}${r.stderr}`]).toEqual([0, expect.stringMatching(/\d+\.\d+\.\d+/)]);
    }
    const imported = spawnSync(join(project, '.venv', 'bin', 'python'), ['-c', 'import humanunits; print(humanunits.__file__)'], { encoding: 'utf8' });
    expect(imported.stdout.trim()).toBe(join(project, 'src', 'humanunits', '__init__.py'));
  });

  test('an environment that is not relocatable (there before the action ran) is used but not saved', async () => {
    execFileSync(UV, ['sync', '--locked', '--quiet'], { cwd: project, env: { ...TEST_ENV, PATH: `${dirname(UV)}:${TEST_ENV.PATH ?? ''}` } });
    const run = await setupRun();
    expect(run.syncSummary).toMatch(/\(existing \.venv used\)$/);
    expect(run.log).toContainEqual({ level: 'info', text: expect.stringMatching(/is not relocatable \(not created by the action\); not saved$/) });
    expect(server.requests.some((r) => r.path.endsWith('/CreateCacheEntry'))).toBe(false);
  });

  test('a restored environment that is not relocatable is rebuilt', async () => {
    const first = await setupRun();
    const cfg = join(project, '.venv', 'pyvenv.cfg');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/^relocatable = true\n/m, ''));
    server.clear();
    await actionsCacheBackend().save([join(project, '.venv')], first.cache.venvKey!);
    freshCheckout();
    const second = await setupRun();
    expect(second.cache.hit).toBe(false);
    expect(second.syncSummary).toMatch(/\(rebuilt: it is not relocatable \(its scripts name the path it was built at\)\)$/);
    expect(readFileSync(cfg, 'utf8')).toMatch(/^relocatable = true$/m);
  });

  test('a restored environment whose interpreter home no longer exists is deleted and rebuilt, with a notice', async () => {
    const first = await setupRun();
    // Poison the entry under the same exact key: the environment's pyvenv.cfg points at an interpreter that is gone.
    const cfg = join(project, '.venv', 'pyvenv.cfg');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/^home\s*=.*$/m, 'home = /nonexistent/python/bin'));
    server.clear();
    await actionsCacheBackend().save([join(project, '.venv')], first.cache.venvKey!);
    expect(server.entries.filter((e) => e.committed)).toHaveLength(1);

    freshCheckout();
    const second = await setupRun();
    expect(second.verdict).toBe('pass');
    expect(second.cache.hit).toBe(false);
    expect(second.syncSummary).toMatch(/\(rebuilt: its interpreter home \/nonexistent\/python\/bin no longer exists\)$/);
    expect(second.log).toContainEqual({ level: 'notice', text: expect.stringContaining('The cached environment was unusable') });
    expect(second.syncOutput).toMatch(/Installed 1 package/);
    expect(readFileSync(cfg, 'utf8')).not.toContain('/nonexistent');
  });

  test('a restored environment whose python reports another version is rebuilt', async () => {
    const first = await setupRun();
    const cfg = join(project, '.venv', 'pyvenv.cfg');
    // Still a real home, but the interpreter link points at a program that prints another version.
    const fake = join(project, '.venv', 'bin', 'python');
    rmSync(fake);
    writeFileSync(fake, '#!/bin/sh\necho 2.7.18\n', { mode: 0o755 });
    expect(existsSync(cfg)).toBe(true);
    server.clear();
    await actionsCacheBackend().save([join(project, '.venv')], first.cache.venvKey!);
    freshCheckout();
    const second = await setupRun();
    expect(second.syncSummary).toMatch(/\(rebuilt: its interpreter is Python 2\.7\.18, not 3\.\d+\.\d+\)$/);
    expect(second.verdict).toBe('pass');
  });

  test('a changed uv.lock misses (another key)', async () => {
    const first = await setupRun();
    freshCheckout();
    appendFileSync(join(project, 'uv.lock'), '\n# touched\n');
    const second = await setupRun();
    expect(second.cache.venvKey).not.toBe(first.cache.venvKey);
    expect(second.syncSummary).toMatch(/\(cache miss\)$/);
    expect(server.entries.filter((e) => e.committed)).toHaveLength(2);
  });

  test('a push to another branch restores but never saves (R6.1)', async () => {
    const run = await setupRun(shouldSave('push', 'refs/heads/feature', 'main'));
    expect(run.verdict).toBe('pass');
    expect(server.requests.some((r) => r.path.endsWith('/CreateCacheEntry'))).toBe(false);
    expect(server.requests.some((r) => r.path.endsWith('/GetCacheEntryDownloadURL'))).toBe(true);
    expect(run.log).toContainEqual({ level: 'info', text: 'cache: not saved — push on refs/heads/feature, not the default branch main' });
    expect(server.entries).toHaveLength(0);
  });

  test('the cache service down: warnings, and the same verdict as with it', async () => {
    const up = await setupRun();
    freshCheckout();
    useProtocol('down');
    const down = await setupRun();
    expect(down.verdict).toBe(up.verdict);
    expect(down.syncSummary).toMatch(/^environment in sync with uv\.lock · setup \d+\.\d s \(cache miss\)$/);
    expect(down.stdout).toMatch(/^::warning::Failed to restore: .*ECONNREFUSED/m);
  });

  test('uv’s own cache (cache: uv) is pruned for CI and saved under its own key', async () => {
    const uvCacheDir = join(runnerTemp, `uv-cache-${Date.now()}`);
    // The action sets UV_CACHE_DIR for every check to the directory it chose (R6.5).
    const run = await setupRun(undefined, { mode: 'both', uvCacheDir }, { UV_CACHE_DIR: uvCacheDir });
    expect(run.verdict).toBe('pass');
    expect(existsSync(join(uvCacheDir, 'CACHEDIR.TAG'))).toBe(true);
    expect(server.entries.filter((e) => e.committed).map((e) => e.key).sort()).toEqual([run.cache.uvKey, run.cache.venvKey].sort());
  });

  test('cache: none touches nothing and adds nothing to the report', async () => {
    const run = await setupRun(undefined, { mode: 'none' });
    expect(run.syncSummary).toBe('environment in sync with uv.lock');
    expect(server.requests).toEqual([]);
  });
});

describe('the environment cache (protocol v1)', () => {
  test('miss and save, then hit', async () => {
    useProtocol('v1');
    const first = await setupRun();
    expect(first.syncSummary).toMatch(/\(cache miss\)$/);
    expect(server.requests.map((r) => `${r.method} ${r.path.replace(/\d+$/, 'N')}`)).toEqual(expect.arrayContaining([
      'GET /_apis/artifactcache/cache', 'POST /_apis/artifactcache/caches', 'PATCH /_apis/artifactcache/caches/N', 'POST /_apis/artifactcache/caches/N',
    ]));
    freshCheckout();
    const second = await setupRun();
    expect(second.cache.hit).toBe(true);
    expect(second.syncOutput).not.toMatch(/Installed/);
  });
});

describe('the loopback blob store speaks Put Block + Put Block List', () => {
  test('a multi-block upload with the Azure SDK reads back whole, with Range', async () => {
    const { BlockBlobClient } = await import('@azure/storage-blob');
    const e = await fetch(`${server.url}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`, {
      method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'blocks', version: 'v' }),
    }).then((r) => r.json() as Promise<{ signed_upload_url: string }>);
    const file = join(runnerTemp, 'blocks.bin');
    const data = Buffer.alloc(10_000, 7);
    data.write('head', 0);
    data.write('tail', 9_996);
    writeFileSync(file, data);
    await new BlockBlobClient(e.signed_upload_url).uploadFile(file, { blockSize: 1024, maxSingleShotSize: 1024, concurrency: 3 });
    const entry = server.entries.find((x) => x.key === 'blocks')!;
    expect(entry.blocks.size).toBe(10);
    expect(entry.data?.equals(data)).toBe(true);
    entry.committed = true;
    const ranged = await fetch(e.signed_upload_url, { headers: { range: 'bytes=9996-9999' } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe('tail');
    expect((await fetch(e.signed_upload_url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
  });
});
