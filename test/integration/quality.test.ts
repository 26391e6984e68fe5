/**
 * The real tools on the fixture projects: setup and quality phases, and the all-passing demo.
 * Expected figures are what the tools themselves report (test/fixtures/projects/EXPECTED.md).
 */
import { describe, expect, test } from '@jest/globals';
import { check, runCli } from '../support/project.js';
import { scratchFixtures, useOsvServer } from '../support/scratch.js';

const osv = useOsvServer();
const fixture = scratchFixtures();

describe('demo: every phase passes', () => {
  test('verdict pass, phase 4, the numbers pytest and coverage.py report', async () => {
    const { code, report, stdout } = await runCli(fixture('demo'), ['--osv-url', osv.url]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ schema: 1, verdict: 'pass', gate: 'security', phaseReached: 4, blockedBy: null });
    expect(report.tests).toMatchObject({ total: 9, passed: 8, failed: 0, errors: 0, skipped: 1, failures: [] });
    expect(report.coverage).toMatchObject({ percent: 97.22, floor: 85, diffPercent: null });
    expect(check(report, 'uv').summary).toBe('uv 0.13.8');
    expect(check(report, 'python').summary).toMatch(/^Python 3\.\d+\.\d+/);
    expect(check(report, 'types').summary).toBe('mypy: no errors (checked: src)');
    expect(check(report, 'bandit').status).toBe('passed');
    expect(check(report, 'pip-audit')).toMatchObject({ status: 'passed', summary: 'no third-party dependencies to audit' });
    expect(check(report, 'diff-coverage').status).toBe('skipped');
    expect(stdout).toContain('PASS');
  });
});

describe('quality phase', () => {
  test('fail-format: one file would be reformatted; blocked at quality, later phases still run', async () => {
    const { code, report } = await runCli(fixture('fail-format'));
    expect(code).toBe(1);
    expect(report).toMatchObject({ verdict: 'fail', phaseReached: 0, blockedBy: 'quality' });
    const format = check(report, 'ruff-format');
    expect(format.status).toBe('failed');
    expect(format.summary).toBe('1 file would be reformatted');
    expect(format.findings.map((f) => f.file)).toEqual(['src/humanunits/durations.py']);
    expect(check(report, 'ruff-check').status).toBe('passed');
    expect(report.tests).toMatchObject({ passed: 8, skipped: 1 });
  });

  test('fail-lint: F401 at sizes.py:3:8', async () => {
    const { code, report } = await runCli(fixture('fail-lint'), ['--gate', 'quality']);
    expect(code).toBe(1);
    const lint = check(report, 'ruff-check');
    expect(lint).toMatchObject({ status: 'failed', summary: '1 finding in 1 file' });
    expect(lint.findings).toEqual([expect.objectContaining({ file: 'src/humanunits/sizes.py', line: 3, column: 8, rule: 'F401' })]);
  });

  test('fail-types: mypy return-value at durations.py:34', async () => {
    const { code, report } = await runCli(fixture('fail-types'), ['--gate', 'quality', '--disable', 'pip-audit,bandit']);
    expect(code).toBe(1);
    const types = check(report, 'types');
    expect(types).toMatchObject({ status: 'failed', summary: 'mypy: 1 error in 1 file (checked: src)' });
    expect(types.findings).toEqual([expect.objectContaining({ file: 'src/humanunits/durations.py', line: 34, column: 12, rule: 'return-value', severity: 'error' })]);
    expect(check(report, 'bandit')).toMatchObject({ status: 'skipped', summary: 'disabled' });
  });

  test('pyright-typed: auto picks pyright; reportReturnType at durations.py:34', async () => {
    const { code, report } = await runCli(fixture('pyright-typed'), ['--gate', 'quality', '--disable', 'pip-audit']);
    expect(code).toBe(1);
    const types = check(report, 'types');
    expect(types.status).toBe('failed');
    expect(types.summary).toBe('pyright: 1 error in 1 file (checked: [tool.pyright] include)');
    expect(types.findings).toEqual([expect.objectContaining({ file: 'src/humanunits/durations.py', line: 34, rule: 'reportReturnType', severity: 'error' })]);
  });

  test('gate after the failing phase is what fails; a gate before it passes', async () => {
    const { code, report } = await runCli(fixture('fail-lint'), ['--gate', 'setup', '--disable', 'pip-audit']);
    expect(code).toBe(0);
    expect(report).toMatchObject({ verdict: 'pass', phaseReached: 0, gate: 'setup' });
    expect(report.why).toMatch(/advisory phase/);
  });
});
