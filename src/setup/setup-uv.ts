/**
 * The action's uv step: read the project's uv configuration, resolve the exact version, install it.
 * The only part of src/setup/ that reads project files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PINNED_TOOLS } from '../checks/tools.js';
import type { SetupInputs } from '../action/inputs.js';
import { UV_CHECKSUMS } from './uv-checksums.js';
import { UV_WHEELS } from './uv-wheels.js';
import { resolveUvVersion, type ResolvedUvVersion } from './uv-version.js';
import { installUv, type InstalledUv, type UvInstallDeps } from './install-uv.js';

const readIfExists = (path: string): string | null => (existsSync(path) ? readFileSync(path, 'utf8') : null);

export async function setupUv(
  projectDir: string,
  inputs: SetupInputs,
  env: NodeJS.ProcessEnv,
  deps: UvInstallDeps,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): Promise<InstalledUv & { resolved: ResolvedUvVersion; durationMs: number }> {
  const started = performance.now();
  const resolved = resolveUvVersion({
    input: inputs.uvVersion,
    uvToml: readIfExists(join(projectDir, 'uv.toml')),
    pyproject: readIfExists(join(projectDir, 'pyproject.toml')),
    known: [...new Set([...Object.keys(UV_CHECKSUMS), ...Object.keys(UV_WHEELS)])],
    pin: PINNED_TOOLS.uv,
  });
  const installed = await installUv(
    {
      version: resolved.version,
      platform,
      arch,
      checksum: inputs.uvChecksum,
      allowUnverified: inputs.allowUnverifiedUv,
      baseUrl: inputs.uvDownloadBaseUrl,
      wheelBaseUrl: inputs.uvWheelBaseUrl,
      serverUrl: env.GITHUB_SERVER_URL,
    },
    deps,
  );
  return { ...installed, resolved, durationMs: performance.now() - started };
}
