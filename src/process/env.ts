/**
 * The environment a tool runs in (SECURITY.md R2.6): the runner's tokens, service URLs, action inputs
 * and file-command paths never reach a child.
 */

const REMOVED_NAMES = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
]);
const REMOVED_PREFIXES = ['ACTIONS_ID_TOKEN_REQUEST_', 'INPUT_'];

/** True for a variable a child must not see (compared case-insensitively: Windows keys are). */
export function isRemovedEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return REMOVED_NAMES.has(upper) || REMOVED_PREFIXES.some((p) => upper.startsWith(p));
}

/**
 * The environment for a tool: a copy of `parent` without the runner's tokens, service URLs, action
 * inputs and file-command paths (SECURITY.md R2.6), plus `extra`. Everything else (PATH, HOME,
 * GITHUB_WORKSPACE, GITHUB_SHA, CI, …) is kept. `extra` comes from the action itself; naming a removed
 * variable there is a programming error and throws. On Windows, where names are case-insensitive, an
 * `extra` entry replaces any differently-cased copy (`Path` vs `PATH`).
 */
export function childEnvironment(
  parent: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(parent)) {
    if (v !== undefined && !isRemovedEnvName(k)) env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (isRemovedEnvName(k)) throw new Error(`childEnvironment: ${k} must never be passed to a tool`);
    if (platform === 'win32') {
      for (const existing of Object.keys(env)) {
        if (existing.toUpperCase() === k.toUpperCase()) delete env[existing];
      }
    }
    env[k] = v;
  }
  return env;
}
