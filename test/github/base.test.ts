/**
 * Diff coverage in a shallow checkout, with real git: a pull_request checkout is the merge commit at depth 1
 * (as actions/checkout makes it); prepareBase fetches the base from `origin` (a file:// remote standing in
 * for GitHub, which also serves commits by SHA) until `git merge-base` answers, through the process runner.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareBase, processGitRunner } from '../../src/github/base.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

let root: string;
let origin: string;
let base: string;
let merge: string;

function commit(dir: string, file: string, text: string, message: string): string {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ng-git-'));
  origin = join(root, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  for (let i = 0; i < 5; i++) commit(origin, `src/pkg/m${i}.py`, `x = ${i}\n`, `history ${i}`);
  git(origin, 'checkout', '-q', '-b', 'feature');
  commit(origin, 'src/pkg/feature.py', 'def f():\n    return 1\n', 'feature');
  commit(origin, 'tests/test_feature.py', 'def test_f(): pass\n', 'feature test');
  git(origin, 'checkout', '-q', 'main');
  base = commit(origin, 'src/pkg/m0.py', 'x = 100\n', 'main moves on');
  // The merge commit GitHub makes for refs/pull/N/merge: first parent the base, second the PR head.
  git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
  merge = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', 'refs/pull/1/merge', merge);
  git(origin, 'reset', '-q', '--hard', base);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A checkout like actions/checkout's default for pull_request: the merge commit only, depth 1. */
function shallowCheckout(): string {
  const dir = mkdtempSync(join(root, 'ws-'));
  git(dir, 'init', '-q');
  git(dir, 'remote', 'add', 'origin', `file://${origin}`);
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', 'refs/pull/1/merge');
  git(dir, 'checkout', '-q', '--detach', 'FETCH_HEAD');
  return dir;
}

describe('prepareBase', () => {
  test('a shallow merge-commit checkout: fetches the base with --depth=2, finds the merge base and the changed files', async () => {
    const dir = shallowCheckout();
    expect(() => git(dir, 'cat-file', '-e', `${base}^{commit}`)).toThrow();
    const calls: string[][] = [];
    const r = await prepareBase(processGitRunner(dir, GIT_ENV, (argv) => calls.push(argv)), base);
    expect(r.mergeBase).toBe(base);
    expect(r.fetches).toBe(1);
    expect([...r.changedFiles!].sort()).toEqual(['src/pkg/feature.py', 'tests/test_feature.py']);
    expect(calls).toContainEqual(['git', 'fetch', '--no-tags', '--no-recurse-submodules', '--depth=2', 'origin', base, merge]);
    // Afterwards the diff-coverage check's own `git merge-base <base> HEAD` works.
    expect(git(dir, 'merge-base', base, 'HEAD')).toBe(base);
  });

  test('the base already present: no fetch; a subdirectory gets paths relative to it', async () => {
    const dir = shallowCheckout();
    await prepareBase(processGitRunner(dir, GIT_ENV, () => undefined), base);
    const calls: string[][] = [];
    const r = await prepareBase(processGitRunner(join(dir, 'src'), GIT_ENV, (argv) => calls.push(argv)), base);
    expect(r.fetches).toBe(0);
    expect(calls.some((c) => c[1] === 'fetch')).toBe(false);
    expect([...r.changedFiles!]).toEqual(['pkg/feature.py']);
  });

  test('a base the remote does not have, or no git checkout at all: no merge base, a reason, no exception', async () => {
    const dir = shallowCheckout();
    const missing = await prepareBase(processGitRunner(dir, GIT_ENV, () => undefined), '0123456789'.repeat(4));
    expect(missing).toMatchObject({ mergeBase: null, changedFiles: null, fetches: 1 });
    expect(missing.note).toMatch(/git fetch of the base failed/);
    const plain = mkdtempSync(join(tmpdir(), 'ng-nogit-'));
    expect(await prepareBase(processGitRunner(plain, GIT_ENV, () => undefined), base)).toMatchObject({ mergeBase: null, fetches: 0, note: 'not a git checkout' });
    expect(await prepareBase(processGitRunner(plain, GIT_ENV, () => undefined), 'main; rm -rf /')).toMatchObject({ mergeBase: null, fetches: 0 });
  });
});
