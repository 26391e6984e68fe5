/**
 * Diff coverage in a shallow checkout: `actions/checkout` fetches one commit by default, so neither the PR base
 * nor the merge base is there. From the base SHA of the event, fetch just enough history of the base and of HEAD
 * (`git fetch --no-tags --depth=N origin <base> <head>`, N growing) until `git merge-base` answers. Runs git
 * through the given process runner (argv only, fenced, scrubbed environment) — never a shell.
 */
import { childEnvironment } from '../process/env.js';
import { runProcess, type ProcessResult } from '../process/run.js';

export type GitRunner = (argv: string[]) => Promise<ProcessResult>;

/** Depths tried in turn: 2 covers the merge commit of a pull_request run (its first parent is the base). */
export const FETCH_DEPTHS: readonly number[] = [2, 64, 1024];

export interface BaseResult {
  /** The merge base of the PR base and HEAD, when one was found (fetched or already there). */
  mergeBase: string | null;
  /** Number of `git fetch` calls made. */
  fetches: number;
  /** Files changed between the merge base and HEAD, relative to the working directory; null when unknown. */
  changedFiles: Set<string> | null;
  note: string;
}

const SHA = /^[0-9a-f]{40,64}$/;
const lastLine = (s: string): string => s.trim().split('\n').pop()?.trim() ?? '';

async function mergeBaseOf(git: GitRunner, base: string, head: string): Promise<string | null> {
  const r = await git(['git', 'merge-base', base, head]);
  const mb = lastLine(r.stdout);
  return r.exitCode === 0 && SHA.test(mb) ? mb : null;
}

export async function prepareBase(git: GitRunner, base: string, depths: readonly number[] = FETCH_DEPTHS): Promise<BaseResult> {
  if (!SHA.test(base)) return { mergeBase: null, fetches: 0, changedFiles: null, note: `base ${JSON.stringify(base.slice(0, 80))} is not a commit SHA` };
  const rev = await git(['git', 'rev-parse', '--verify', 'HEAD']);
  const head = lastLine(rev.stdout);
  if (rev.exitCode !== 0 || !SHA.test(head)) return { mergeBase: null, fetches: 0, changedFiles: null, note: 'not a git checkout' };
  let mergeBase = await mergeBaseOf(git, base, head);
  let fetches = 0;
  let note = 'the base was already in the checkout';
  for (const depth of depths) {
    if (mergeBase !== null) break;
    fetches++;
    const f = await git(['git', 'fetch', '--no-tags', '--no-recurse-submodules', `--depth=${depth}`, 'origin', base, head]);
    if (f.exitCode !== 0) {
      note = `git fetch of the base failed: ${lastLine(f.output).slice(0, 200) || `exit ${f.exitCode}`}`;
      return { mergeBase: null, fetches, changedFiles: null, note };
    }
    mergeBase = await mergeBaseOf(git, base, head);
    note = `fetched the base with --depth=${depth}`;
  }
  if (mergeBase === null) return { mergeBase: null, fetches, changedFiles: null, note: `no merge base within ${depths[depths.length - 1]} commits` };
  const d = await git(['git', 'diff', '--name-only', '--no-color', '--no-ext-diff', '--relative', '-z', mergeBase, head]);
  const changedFiles = d.exitCode === 0 && d.stdoutDroppedBytes === 0 ? new Set(d.stdout.split('\0').filter((p) => p !== '')) : null;
  return { mergeBase, fetches, changedFiles, note };
}

/** git through the fenced process runner: argv only, scrubbed environment, no prompt, a timeout. */
export function processGitRunner(cwd: string, env: NodeJS.ProcessEnv, onProcess: (argv: string[], r: ProcessResult) => void, timeoutMs = 300_000): GitRunner {
  return async (argv) => {
    const r = await runProcess({ argv, cwd, env: childEnvironment(env, { GIT_TERMINAL_PROMPT: '0' }), timeoutMs });
    onProcess(argv, r);
    return r;
  };
}
