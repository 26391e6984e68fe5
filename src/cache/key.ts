/**
 * Cache keys and the save policy — pure (SECURITY.md R6.1, R6.2).
 */
import { createHash } from 'node:crypto';

/** Bumped when what is cached, or how, changes: every old entry then misses. */
/** v2: environments are created relocatable and stored under workspace-relative paths. */
export const CACHE_KEY_VERSION = 'v2';
export const MAX_KEY_LENGTH = 512;

export interface VenvKeyParts {
  os: string;
  arch: string;
  /** The runner image (`ImageOS`-`ImageVersion` on GitHub's runners), or '' on others. */
  image: string;
  pythonVersion: string;
  pythonPath: string;
  uvVersion: string;
  /** `projectFilesHash` of uv.lock, pyproject.toml and .python-version. */
  filesHash: string;
  /** The `cache-suffix` input. */
  suffix: string;
}

/** A key component: only characters that are safe in a key (no commas), and bounded. */
function component(s: string, max = 64): string {
  const clean = s.replace(/[^A-Za-z0-9._+-]/g, '_').slice(0, max);
  return clean === '' ? 'none' : clean;
}

const shortHash = (s: string, n = 16): string => createHash('sha256').update(s).digest('hex').slice(0, n);

/**
 * SHA-256 over the files that decide the environment, each named and length-prefixed so that moving bytes from
 * one file to another changes the hash, and a missing file differs from an empty one.
 */
export function projectFilesHash(files: ReadonlyArray<{ name: string; content: string | null }>): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    h.update(`${f.name}\0`);
    h.update(f.content === null ? 'absent\0' : `${Buffer.byteLength(f.content)}\0${f.content}`);
  }
  return h.digest('hex');
}

/**
 * The exact key of the project environment. The interpreter path enters as a hash (it may be long or hold any
 * character); every part is cleaned, and the key never exceeds 512 characters or holds a comma.
 */
export function venvCacheKey(p: VenvKeyParts): string {
  const key = [
    'nebula-gate', CACHE_KEY_VERSION, 'venv',
    component(p.os), component(p.arch), component(p.image || 'unknown-image', 96),
    `py${component(p.pythonVersion, 32)}`, component(shortHash(p.pythonPath)),
    `uv${component(p.uvVersion, 32)}`, component(p.filesHash),
    ...(p.suffix ? [component(p.suffix)] : []),
  ].join('-');
  return key.slice(0, MAX_KEY_LENGTH);
}

/** The key of uv's own (pruned) cache: it depends on the platform and the lock, not on the interpreter. */
export function uvCacheKey(p: Pick<VenvKeyParts, 'os' | 'arch' | 'uvVersion' | 'filesHash' | 'suffix'>): string {
  return [
    'nebula-gate', CACHE_KEY_VERSION, 'uv-cache', component(p.os), component(p.arch), `uv${component(p.uvVersion, 32)}`,
    component(p.filesHash), ...(p.suffix ? [component(p.suffix)] : []),
  ].join('-').slice(0, MAX_KEY_LENGTH);
}

/** The runner image from the runner's own variables (GitHub-hosted runners set ImageOS and ImageVersion). */
export function runnerImage(env: NodeJS.ProcessEnv): string {
  return [env.ImageOS, env.ImageVersion].filter((x) => x).join('-');
}

/**
 * R6.1: a cache entry is written only on `pull_request` (GitHub scopes it to that PR's merge ref, where no other
 * branch reads it) or on `push`/`schedule`/`workflow_dispatch` of the default branch (where every branch reads it).
 */
export function shouldSave(event: string, ref: string, defaultBranch: string | null): { save: boolean; why: string } {
  if (event === 'pull_request') return { save: true, why: 'pull_request (scoped to the PR)' };
  if (['push', 'schedule', 'workflow_dispatch'].includes(event)) {
    if (!defaultBranch) return { save: false, why: `${event}: the default branch is unknown (no repository.default_branch in the event)` };
    return ref === `refs/heads/${defaultBranch}`
      ? { save: true, why: `${event} on the default branch` }
      : { save: false, why: `${event} on ${ref || 'an unknown ref'}, not the default branch ${defaultBranch}` };
  }
  return { save: false, why: `${event || 'an unknown event'} is not a trusted event for writing the cache` };
}
