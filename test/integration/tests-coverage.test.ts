/** The real pytest + coverage.py on the fixture projects: the tests and coverage phases, diff coverage, pins. */
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, runCli } from '../support/project.js';
import { scratchFixtures } from '../support/scratch.js';

const fixture = scratchFixtures();
const offline = ['--disable', 'pip-audit'];

describe('tests phase', () => {
  test('fail-test: 1 failing test named with file, line and message', async () => {
    const { code, report } = await runCli(fixture('fail-test'), offline);
    expect(code).toBe(1);
    expect(report).toMatchObject({ verdict: 'fail', phaseReached: 1, blockedBy: 'tests' });
    expect(report.tests).toMatchObject({ total: 10, passed: 8, failed: 1, errors: 0, skipped: 1 });
    expect(report.tests!.failures).toEqual([
      expect.objectContaining({
        name: 'tests.test_durations::test_format_duration_drops_seconds_past_an_hour',
        file: 'tests/test_durations.py',
        line: 12,
        message: expect.stringContaining("durations past an hour should drop the seconds, got '1h 2m 5s'"),
      }),
    ]);
    expect(check(report, 'pytest').summary).toBe('8 passed, 1 failed, 0 errors, 1 skipped');
    // Coverage is still measured and shown, as an advisory of a blocked run.
    expect(report.coverage!.percent).toBe(97.22);
  });

  test('no-tests: no test ran is a failure; coverage is skipped and says why', async () => {
    const { code, report } = await runCli(fixture('no-tests'), offline);
    expect(code).toBe(1);
    expect(check(report, 'pytest')).toMatchObject({ status: 'failed', summary: 'no test ran: at least one test must run (pytest exit 5)' });
    expect(report.tests).toMatchObject({ total: 0 });
    expect(check(report, 'coverage')).toMatchObject({ status: 'skipped', summary: 'no test ran, so nothing was measured' });
  });

  test('pinned-tools: the project’s own ruff and pytest run from its environment', async () => {
    const { code, report, stderr } = await runCli(fixture('pinned-tools'), [...offline, '--verbose']);
    expect(code).toBe(0);
    expect(report.tests).toMatchObject({ passed: 8, skipped: 1 });
    expect(stderr).toMatch(/--- ruff-format: \S*uv run --no-sync ruff format --check/);
    // It has neither pytest-cov nor coverage.py: coverage.py joins the project's own interpreter (src/checks/coverage-run.ts).
    expect(stderr).toMatch(/--- pytest: \S*uv run --no-sync python -c import sys; sys\.path\.append\(\\?"\S+coverage-py\\?"\); from coverage\.cmdline import main; sys\.exit\(main\(\)\) run --data-file=\S+ -m pytest -o junit_family=xunit1/);
    // Tools the project does not pin still come from the action's table.
    expect(stderr).toMatch(/--- types: \S*uv run --no-sync --with mypy==2\.4\.1 mypy -O json/);
  });
});

describe('coverage phase', () => {
  test('low-coverage: 52.78% below fail_under 80 blocks at coverage; tests pass', async () => {
    const { code, report } = await runCli(fixture('low-coverage'), offline);
    expect(code).toBe(1);
    expect(report).toMatchObject({ verdict: 'fail', phaseReached: 2, blockedBy: 'coverage' });
    expect(report.coverage).toMatchObject({ percent: 52.78, floor: 80 });
    expect(check(report, 'coverage').summary).toBe('52.78% < floor 80% ([tool.coverage.report] fail_under) · measured: [tool.coverage.run]');
    expect(check(report, 'pytest').status).toBe('passed');
    expect(report.coverage!.worstFiles[0]).toEqual({ file: 'src/humanunits/sizes.py', percent: expect.any(Number) });
  });

  test('the floor input overrides fail_under', async () => {
    const { code, report } = await runCli(fixture('low-coverage'), [...offline, '--coverage-floor', '50']);
    expect(code).toBe(0);
    expect(report.coverage).toMatchObject({ percent: 52.78, floor: 50 });
  });

  test('diff coverage: an untested change since the base fails the diff floor', async () => {
    const dir = fixture('demo');
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    appendFileSync(join(dir, 'src/humanunits/sizes.py'), '\n\ndef untested(n: int) -> int:\n    doubled = n * 2\n    return doubled\n');
    git('commit', '-qam', 'change');
    const { code, report } = await runCli(dir, [...offline, '--base', 'HEAD~1', '--gate', 'coverage']);
    expect(code).toBe(1);
    const diff = check(report, 'diff-coverage');
    expect(diff.status).toBe('failed');
    // def line runs at import; the two body lines do not.
    expect(diff.summary).toBe('33.33% of 3 changed lines covered < floor 85% since HEAD~1');
    expect(report.coverage).toMatchObject({ diffPercent: 33.33, diffFloor: 85 });
    expect(diff.findings[0]).toMatchObject({ file: 'src/humanunits/sizes.py', rule: 'diff-coverage' });
  });

  test('diff coverage: an unknown base is an error that says how to fix it', async () => {
    const dir = fixture('demo');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const { code, report } = await runCli(dir, [...offline, '--base', 'origin/nope']);
    expect(code).toBe(1);
    expect(check(report, 'diff-coverage')).toMatchObject({ status: 'error', summary: expect.stringContaining('fetch-depth: 0') });
  });
});
