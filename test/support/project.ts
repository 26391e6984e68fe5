/** Helpers for integration tests: a private copy of a fixture project and the CLI run in-process on it. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { main } from '../../src/cli.js';
import type { GateReport } from '../../src/gate/report.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'projects');

/** The fixture projects with a golden comment: all but the fidelity test's own (test/integration/fidelity.test.ts). */
export function goldenProjects(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('fidelity-')).map((d) => d.name).sort();
}
/** uv as the tests use it: the pinned one that scripts/ensure-tools.sh put in .tools/bin, else PATH. */
export const TEST_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${join(REPO_ROOT, '.tools', 'bin')}:${process.env.PATH ?? ''}`,
  UV_PYTHON_DOWNLOADS: 'never',
};

/** Copies a fixture project to a fresh temporary directory (without any environment or caches). */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ng-${name}-`));
  cpSync(join(FIXTURES, name), dir, {
    recursive: true,
    filter: (src) => !['.venv', '.mypy_cache', '.ruff_cache', '.pytest_cache', '__pycache__', '.nebula-gate'].includes(basename(src)),
  });
  return dir;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  report: GateReport;
}

export async function runCli(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = TEST_ENV): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const jsonPath = join(mkdtempSync(join(tmpdir(), 'ng-report-')), 'report.json');
  const code = await main([dir, '--json', jsonPath, ...args], {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env,
    cwd: REPO_ROOT,
    isTTY: false,
  });
  let report: GateReport;
  try {
    report = JSON.parse(readFileSync(jsonPath, 'utf8')) as GateReport;
  } catch {
    throw new Error(`no JSON report (exit ${code}):\n${stderr}\n${stdout}`);
  }
  return { code, stdout, stderr, report };
}

export function check(report: GateReport, id: string) {
  for (const p of report.phases) {
    const c = p.checks.find((x) => x.id === id);
    if (c) return c;
  }
  throw new Error(`no check ${id} in the report`);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Makes `dir` a git repository with everything in it committed, so that `gitStatus` shows what a run changed. */
export function commitAll(dir: string): void {
  const identity = { GIT_AUTHOR_NAME: 'fixture', GIT_AUTHOR_EMAIL: 'fixture@example.invalid', GIT_COMMITTER_NAME: 'fixture', GIT_COMMITTER_EMAIL: 'fixture@example.invalid' };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env: { ...process.env, ...identity }, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'fixture');
}

/** `git status --porcelain`, a line a path: tracked files changed, and untracked ones the project does not ignore. */
export function gitStatus(dir: string): string[] {
  return execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }).split('\n').filter((l) => l !== '');
}
