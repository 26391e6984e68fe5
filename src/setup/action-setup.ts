/**
 * The action's setup before the checks run: uv installed and verified, the environment cache prepared with the
 * save policy of this event. The CLI uses none of this (it runs the uv it is given, without a cache).
 */
import { coreLog } from '../action/log.js';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { SetupInputs } from '../action/inputs.js';
import { venvDirectory } from '../project/facts.js';
import { shouldSave } from '../cache/key.js';
import { actionsCacheBackend, VenvCache, type CacheBackend, type VenvCacheLog } from '../cache/venv-cache.js';
import { toolCacheDeps, type InstalledUv, type UvInstallDeps } from './install-uv.js';
import { setupUv } from './setup-uv.js';

export interface ActionSetup {
  /** Absolute path of the uv the checks run. */
  uv: string;
  installed: InstalledUv;
  /** The environment the checks start from: uv's directory first on PATH, UV_CACHE_DIR when uv's cache is cached. */
  env: NodeJS.ProcessEnv;
  venvCache: VenvCache;
}


export interface EventFacts {
  repository?: { default_branch?: string };
}

export async function prepareSetup(
  projectDir: string,
  inputs: SetupInputs,
  env: NodeJS.ProcessEnv,
  event: EventFacts,
  deps: { install?: UvInstallDeps; backend?: CacheBackend; log?: VenvCacheLog } = {},
): Promise<ActionSetup> {
  const log = deps.log ?? coreLog;
  const installed = await setupUv(projectDir, inputs, env, deps.install ?? toolCacheDeps(env, log));
  const how = installed.source === 'download' ? `downloaded, SHA-256 ${installed.verified === 'unverified' ? 'NOT verified' : `verified (${installed.verified})`}` : `from ${installed.source}`;
  log.info(`uv ${installed.version} (${installed.resolved.source}: ${installed.resolved.request}) — ${how}: ${installed.path}, ${(installed.durationMs / 1000).toFixed(1)} s`);
  // R6.5: the action chooses every cached path; nothing in the project's configuration can move them.
  const uvCacheDir = inputs.cache === 'uv' || inputs.cache === 'both' ? join(env.RUNNER_TEMP || tmpdir(), 'nebula-gate-uv-cache') : null;
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    PATH: `${dirname(installed.path)}${delimiter}${env.PATH ?? ''}`,
    ...(uvCacheDir ? { UV_CACHE_DIR: uvCacheDir } : {}),
  };
  const venvCache = new VenvCache(
    {
      mode: inputs.cache,
      suffix: inputs.cacheSuffix,
      projectDir,
      venvDir: venvDirectory(projectDir, env),
      uvCacheDir,
      uv: installed.path,
      env,
      save: shouldSave(env.GITHUB_EVENT_NAME ?? '', env.GITHUB_REF ?? '', event.repository?.default_branch ?? null),
    },
    deps.backend ?? actionsCacheBackend(),
    log,
  );
  return { uv: installed.path, installed, env: childEnv, venvCache };
}
