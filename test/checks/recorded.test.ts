/**
 * The built-in checks on recorded tool runs: the engine's process runner is replaced by a replay of what the real
 * tools printed, wrote and exited with (test/fixtures/reports/<project>, recorded by scripts/regen-fixtures.sh),
 * and the checks must judge them as the real run did (test/fixtures/golden/<project>.json, from real tools).
 * This isolates the reading and judging from the tools; the integration tests cover the tools themselves.
 */
import { describe, expect, test } from '@jest/globals';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { resolveConfig } from '../../src/config/resolve.js';
import { runGate } from '../../src/engine.js';
import type { GateReport } from '../../src/gate/report.js';
import type { ProcessResult, ProcessSpec, Runner } from '../../src/process/run.js';
import { PROJECTS, REPO_ROOT, REPORTS, projectRootOf } from '../reports/fixtures.js';

interface Step {
  file: string;
  exitCode: number;
}

const result = (exitCode: number, output: string): ProcessResult => ({
  exitCode, signal: null, timedOut: false, cancelled: false, spawnError: null, output, droppedBytes: 0, stdout: output, stdoutDroppedBytes: 0, durationMs: 1,
});

/** A runner that answers each tool's argv with what that tool did in the recorded run. */
function replay(project: string, calls: string[][]): Runner {
  const dir = join(REPORTS, project);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { steps: Step[] };
  const step = (file: string): Step => meta.steps.find((s) => s.file === file) ?? { file, exitCode: 0 };
  const text = (file: string): string => readFileSync(join(dir, file), 'utf8');
  const flag = (argv: string[], prefix: string): string => argv.find((a) => a.startsWith(prefix))!.slice(prefix.length);
  const after = (argv: string[], name: string): string => argv[argv.indexOf(name) + 1]!;
  const writes = (to: string, file: string): void => {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(dir, file), to);
  };
  return async (spec: ProcessSpec) => {
    const argv = spec.argv;
    calls.push(argv);
    const words = argv.join(' ');
    if (words.endsWith(' --version')) return result(0, 'uv 0.13.8\n');
    if (words.includes(' python find')) return result(0, '/usr/bin/python3\n');
    if (argv[0] === '/usr/bin/python3') return result(0, '3.11.7\n');
    if (words.includes(' sync --locked')) return result(step('uv-sync.txt').exitCode, text('uv-sync.txt'));
    if (words.includes(' format --check')) return result(step('ruff-format.txt').exitCode, text('ruff-format.txt'));
    if (words.includes(' check ') && words.includes('--output-format=json')) {
      writes(flag(argv, '--output-file='), 'ruff.json');
      return result(step('ruff.json').exitCode, '');
    }
    if (words.includes('mypy -O json')) return result(step('mypy.jsonl').exitCode, text('mypy.jsonl'));
    if (words.includes(' pytest ')) {
      writes(flag(argv, '--junitxml='), 'junit.xml');
      writes(flag(argv, '--cov-report=xml:'), 'coverage.xml');
      return result(step('pytest.txt').exitCode, text('pytest.txt'));
    }
    if (words.includes(' export --format requirements-txt')) {
      writes(after(argv, '--output-file'), 'requirements.txt');
      return result(0, '');
    }
    if (words.includes('pip-audit')) {
      writes(after(argv, '-o'), 'pip-audit.json');
      return result(step('pip-audit.json').exitCode, '');
    }
    if (words.includes('bandit')) {
      writes(after(argv, '-o'), 'bandit.json');
      return result(step('bandit.json').exitCode, '');
    }
    throw new Error(`the replay has no recording for: ${words}`);
  };
}

const statuses = (r: GateReport): string[] => r.phases.flatMap((p) => p.checks.map((c) => `${c.id}: ${c.status} — ${c.summary}`));

describe('built-in checks judge recorded tool runs as the real run did', () => {
  // Not low-coverage: its recording ran pytest without the gate's --cov-fail-under=0, so pytest's exit differs.
  test.each(['demo', 'fail-types', 'fail-lint', 'fail-test', 'fail-bandit'])('%s', async (project) => {
    // The recorded reports name files under the directory the tools ran in: lay the project out there again.
    const root = projectRootOf(project);
    rmSync(root, { recursive: true, force: true });
    cpSync(join(PROJECTS, project), root, { recursive: true, filter: (src) => !src.split(sep).includes('.venv') });
    const golden = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'golden', `${project}.json`), 'utf8')) as GateReport;
    const config = resolveConfig(root, readFileSync(join(root, 'pyproject.toml'), 'utf8'), { osvUrl: 'http://127.0.0.1:9/v1/query' });
    const calls: string[][] = [];
    const { report } = await runGate(config, { uv: 'uv', env: { PATH: '/usr/bin:/bin' }, run: replay(project, calls) });
    // The pip-audit recordings are of a project with dependencies; the golden runs audit what the lock holds.
    const comparable = (lines: string[]) => lines.filter((l) => !l.startsWith('pip-audit'));
    expect(comparable(statuses(report))).toEqual(comparable(statuses(golden)));
    expect(report.verdict).toBe(golden.verdict);
    expect(calls.length).toBeGreaterThanOrEqual(8);
    expect(existsSync(join(root, '.venv'))).toBe(false);
  });
});
