/**
 * The project environment (and optionally uv's own cache) kept between runs with @actions/cache (DESIGN.md §6,
 * SECURITY.md R6). Restored after the Python check and before `uv sync`, validated, and saved right after a
 * successful sync on trusted events only. Every failure is a warning: the verdict never depends on the cache.
 */
import type { Log } from '../model/log.js';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import * as cache from '@actions/cache';
import type { CacheMode } from '../action/inputs.js';
import type { HookExec, SetupCacheHook } from '../checks/context.js';
import { projectFilesHash, runnerImage, uvCacheKey, venvCacheKey } from './key.js';

/** The narrow part of @actions/cache the action uses: exact keys only, no restore-key prefixes. */
export interface CacheBackend {
  available(): boolean;
  /** The key restored, or undefined on a miss (or a failure, which @actions/cache logs as a warning). */
  restore(paths: string[], key: string): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

export function actionsCacheBackend(): CacheBackend {
  return {
    available: () => cache.isFeatureAvailable(),
    restore: (paths, key) => cache.restoreCache(paths, key),
    save: async (paths, key) => {
      await cache.saveCache(paths, key);
    },
  };
}

export type VenvCacheLog = Log;

export interface VenvCacheOptions {
  mode: CacheMode;
  suffix: string;
  projectDir: string;
  /** Where uv puts the environment for this run (UV_PROJECT_ENVIRONMENT or `.venv`). Only `.venv` is cached. */
  venvDir: string;
  /** The uv cache directory the action set (UV_CACHE_DIR), or null when uv's cache is not cached. */
  uvCacheDir: string | null;
  /** The uv binary, to prune its cache before saving. */
  uv: string;
  env: NodeJS.ProcessEnv;
  /** From `shouldSave`: whether this event may write the cache, and why. */
  save: { save: boolean; why: string };
  platform?: NodeJS.Platform;
  arch?: string;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The path handed to @actions/cache: relative to the working directory (the workspace, where the runner starts the
 * action) when it lies inside it, else absolute. @actions/cache versions an entry by the paths exactly as given and
 * stores them relative to the workspace, so a relative path lets a job whose workspace sits elsewhere (a
 * self-hosted runner, act's per-job directories) restore what another job saved.
 */
export function cachePathOf(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return path;
  return rel.split(sep).join('/');
}

/** Whether the environment's pyvenv.cfg says `relocatable = true` (uv venv --relocatable). */
export function isRelocatable(venvDir: string): boolean {
  const cfg = join(venvDir, 'pyvenv.cfg');
  return existsSync(cfg) && /^relocatable\s*=\s*true\s*$/m.test(readFileSync(cfg, 'utf8'));
}

/**
 * Why a restored environment cannot be used, or null when it can: `pyvenv.cfg` names an interpreter home that
 * exists and says the environment is relocatable (its scripts find their interpreter wherever the workspace is),
 * and the environment's python runs and reports the expected version (R6.3).
 */
export async function venvProblem(venvDir: string, expectedVersion: string, exec: HookExec, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const cfgPath = join(venvDir, 'pyvenv.cfg');
  if (!existsSync(cfgPath)) return 'no pyvenv.cfg';
  const home = /^home\s*=\s*(.+?)\s*$/m.exec(readFileSync(cfgPath, 'utf8'))?.[1];
  if (!home) return 'pyvenv.cfg names no interpreter home';
  if (!isRelocatable(venvDir)) return 'it is not relocatable (its scripts name the path it was built at)';
  if (!existsSync(home)) return `its interpreter home ${home} no longer exists`;
  const python = join(venvDir, platform === 'win32' ? 'Scripts' : 'bin', platform === 'win32' ? 'python.exe' : 'python');
  const r = await exec([python, '-c', 'import platform; print(platform.python_version())']);
  const version = /^(\d+\.\d+\.\d+\S*)$/m.exec(r.stdout)?.[1];
  if (r.exitCode !== 0 || !version) return `its interpreter does not run (${r.spawnError ?? `exit ${r.exitCode ?? r.signal}`})`;
  if (version !== expectedVersion) return `its interpreter is Python ${version}, not ${expectedVersion}`;
  return null;
}

export class VenvCache implements SetupCacheHook {
  /** True when the environment came from the cache under the exact key and passed validation. */
  hit = false;
  /** What `restore` said, for the log and the report. */
  note: string | null = null;
  venvKey: string | null = null;
  uvKey: string | null = null;
  private uvHit = false;

  constructor(
    readonly opts: VenvCacheOptions,
    private readonly backend: CacheBackend,
    private readonly log: VenvCacheLog,
  ) {}

  private get cachesVenv(): boolean {
    return this.opts.mode === 'venv' || this.opts.mode === 'both';
  }

  private get cachesUv(): boolean {
    return (this.opts.mode === 'uv' || this.opts.mode === 'both') && this.opts.uvCacheDir !== null;
  }

  /** R6.5: the only environment path ever cached is the project's `.venv`, chosen here, not by project config. */
  private get venvPath(): string | null {
    return this.opts.venvDir === join(this.opts.projectDir, '.venv') ? this.opts.venvDir : null;
  }

  async restore(facts: ReadonlyMap<string, string>, exec: HookExec): Promise<string | null> {
    if (this.opts.mode === 'none') return null;
    try {
      if (!this.backend.available()) {
        this.log.info('cache: the Actions cache service is not available on this runner; nothing restored or saved');
        return (this.note = 'cache unavailable');
      }
      const pythonVersion = facts.get('python-version');
      const pythonPath = facts.get('python-path');
      const uvVersion = facts.get('uv-version');
      if (!pythonVersion || !pythonPath || !uvVersion) return (this.note = 'cache skipped: Python or uv unknown');
      const read = (name: string): { name: string; content: string | null } => {
        const p = join(this.opts.projectDir, name);
        return { name, content: existsSync(p) ? readFileSync(p, 'utf8') : null };
      };
      const filesHash = projectFilesHash([read('uv.lock'), read('pyproject.toml'), read('.python-version')]);
      const os = this.opts.platform ?? process.platform;
      const arch = this.opts.arch ?? process.arch;
      const image = runnerImage(this.opts.env);
      this.venvKey = venvCacheKey({ os, arch, image, pythonVersion, pythonPath, uvVersion, filesHash, suffix: this.opts.suffix });
      this.uvKey = uvCacheKey({ os, arch, uvVersion, filesHash, suffix: this.opts.suffix });

      if (this.cachesUv) {
        this.uvHit = (await this.backend.restore([cachePathOf(this.opts.uvCacheDir!)], this.uvKey)) === this.uvKey;
        this.log.info(`cache: uv cache ${this.uvHit ? 'restored' : 'not found'} (${this.uvKey})`);
      }
      if (!this.cachesVenv) return (this.note = this.uvHit ? 'uv cache hit' : 'uv cache miss');
      const venv = this.venvPath;
      if (venv === null) {
        this.log.info(`cache: UV_PROJECT_ENVIRONMENT puts the environment at ${this.opts.venvDir}; only the project's .venv is cached`);
        return (this.note = 'venv not cached (UV_PROJECT_ENVIRONMENT)');
      }
      if (existsSync(venv)) return (this.note = 'existing .venv used');
      const matched = await this.backend.restore([cachePathOf(venv)], this.venvKey);
      if (matched !== this.venvKey) {
        // A failed download may leave a partial tree behind; uv must start clean.
        rmSync(venv, { recursive: true, force: true });
        this.log.info(`cache: no environment under ${this.venvKey}`);
        await this.createRelocatable(venv, pythonPath, exec);
        return (this.note = 'cache miss');
      }
      const problem = await venvProblem(venv, pythonVersion, exec, os);
      if (problem !== null) {
        rmSync(venv, { recursive: true, force: true });
        this.log.notice(`The cached environment was unusable (${problem}); it was deleted and is rebuilt by uv sync.`);
        await this.createRelocatable(venv, pythonPath, exec);
        return (this.note = `rebuilt: ${problem}`);
      }
      this.hit = true;
      return (this.note = 'cache hit');
    } catch (e) {
      this.log.warning(`cache: restore failed, continuing without it: ${errorText(e)}`);
      return (this.note = 'cache error');
    }
  }

  /**
   * The environment uv sync then fills, made relocatable so that the entry saved from it works at any workspace
   * path: its scripts find their interpreter relative to themselves, and uv sync re-installs the project itself
   * (an editable install that names its directory) when the path has changed. Should this fail, uv sync creates
   * an ordinary environment, which is used but not saved.
   */
  private async createRelocatable(venv: string, python: string, exec: HookExec): Promise<void> {
    const r = await exec([this.opts.uv, 'venv', '--relocatable', '--quiet', '--python', python, venv]);
    if (r.exitCode !== 0) {
      rmSync(venv, { recursive: true, force: true });
      this.log.warning(`cache: uv venv --relocatable exited ${r.exitCode ?? r.signal}; the environment is built but not saved`);
    }
  }

  async save(exec: HookExec): Promise<void> {
    if (this.opts.mode === 'none' || this.venvKey === null || this.uvKey === null) return;
    try {
      if (!this.opts.save.save) {
        this.log.info(`cache: not saved — ${this.opts.save.why}`);
        return;
      }
      const venv = this.venvPath;
      if (this.cachesVenv && venv !== null && !this.hit && existsSync(venv)) {
        // Only what restores anywhere is saved: an environment the action did not create (it was there before the
        // action ran, or uv sync replaced it) names its own path in its scripts.
        if (isRelocatable(venv)) await this.backend.save([cachePathOf(venv)], this.venvKey);
        else this.log.info(`cache: the environment at ${venv} is not relocatable (not created by the action); not saved`);
      }
      if (this.cachesUv && !this.uvHit) {
        // Keep what a CI cache is worth keeping: built wheels go, downloaded ones stay (uv's own advice for CI).
        const prune = await exec([this.opts.uv, 'cache', 'prune', '--ci']);
        if (prune.exitCode !== 0) this.log.warning(`cache: uv cache prune --ci exited ${prune.exitCode ?? prune.signal}; uv's cache not saved`);
        else if (existsSync(this.opts.uvCacheDir!)) await this.backend.save([cachePathOf(this.opts.uvCacheDir!)], this.uvKey);
      }
    } catch (e) {
      this.log.warning(`cache: save failed, the verdict is unchanged: ${errorText(e)}`);
    }
  }
}
