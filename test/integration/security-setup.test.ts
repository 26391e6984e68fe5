/** The real uv, bandit and pip-audit: setup and security phases, with pip-audit against a loopback OSV server. */
import { describe, expect, test } from '@jest/globals';
import { check, runCli } from '../support/project.js';
import { scratchFixtures, useOsvServer } from '../support/scratch.js';

const osv = useOsvServer();
const fixture = scratchFixtures();

describe('security phase', () => {
  test('fail-bandit: B324 at checksums.py:8 at the default thresholds; B101 only at low', async () => {
    const { code, report } = await runCli(fixture('fail-bandit'), ['--disable', 'pip-audit']);
    expect(code).toBe(1);
    expect(report).toMatchObject({ verdict: 'fail', phaseReached: 3, blockedBy: 'security' });
    const bandit = check(report, 'bandit');
    expect(bandit.summary).toBe('1 issue at or above medium severity / medium confidence');
    expect(bandit.findings).toEqual([expect.objectContaining({ file: 'src/humanunits/checksums.py', line: 8, rule: 'B324' })]);

    const low = await runCli(fixture('fail-bandit'), ['--disable', 'pip-audit,types,pytest,coverage,diff-coverage', '--bandit-severity', 'low']);
    expect(check(low.report, 'bandit').findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['B324@8', 'B101@14']);
  });

  test('vulnerable: urllib3 1.26.4 found by pip-audit through the OSV server, with its fix version', async () => {
    osv.queries.length = 0;
    const { code, report } = await runCli(fixture('vulnerable'), ['--osv-url', osv.url]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ verdict: 'fail', phaseReached: 3, blockedBy: 'security' });
    expect(check(report, 'pip-audit')).toMatchObject({ status: 'failed', summary: '1 known vulnerability in 1 package' });
    expect(report.vulnerabilities).toHaveLength(1);
    const v = report.vulnerabilities[0]!;
    expect(v).toMatchObject({ package: 'urllib3', version: '1.26.4', fixVersions: ['1.26.5'] });
    expect([v.id, ...v.aliases]).toEqual(expect.arrayContaining(['GHSA-q2q7-5pp4-w6pg', 'CVE-2021-33503']));
    expect(osv.queries).toContainEqual({ name: 'urllib3', version: '1.26.4' });
  });

  test('vulnerable with the advisory ignored (by alias) passes', async () => {
    const { code, report } = await runCli(fixture('vulnerable'), ['--osv-url', osv.url, '--ignore-vuln', 'CVE-2021-33503']);
    expect(code).toBe(0);
    expect(check(report, 'pip-audit')).toMatchObject({ status: 'passed', summary: 'no known vulnerabilities, 1 ignored vulnerability' });
  });

  test('an unreachable vulnerability service is an error, never a pass', async () => {
    osv.mode = 'error';
    try {
      const { code, report } = await runCli(fixture('vulnerable'), ['--osv-url', osv.url, '--disable', 'types,pytest,coverage,diff-coverage']);
      expect(code).toBe(1);
      const audit = check(report, 'pip-audit');
      expect(audit.status).toBe('error');
      expect(audit.summary).toMatch(/without a report/);
      expect(report.verdict).toBe('fail');
    } finally {
      osv.mode = 'ok';
    }
  });
});

describe('setup phase', () => {
  test('stale-lock: uv sync --locked fails with the fix named; phase -1; dependants skipped with the reason', async () => {
    const { code, report } = await runCli(fixture('stale-lock'), ['--osv-url', osv.url]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ verdict: 'fail', phaseReached: -1, blockedBy: 'setup' });
    expect(check(report, 'uv-sync')).toMatchObject({ status: 'failed', summary: 'uv.lock is out of date with pyproject.toml — run `uv lock` and commit uv.lock' });
    expect(check(report, 'pytest')).toMatchObject({ status: 'skipped', summary: 'needs uv-sync, which failed' });
    expect(check(report, 'types')).toMatchObject({ status: 'skipped' });
    // Checks that need only uv still run and report.
    expect(check(report, 'ruff-check').status).toBe('passed');
    expect(check(report, 'pip-audit').status).toBe('error');
  });

  test('a missing uv is an error naming it, and the run still reports', async () => {
    const { code, report } = await runCli(fixture('demo'), ['--uv', '/nonexistent/uv']);
    expect(code).toBe(1);
    expect(check(report, 'uv')).toMatchObject({ status: 'error', summary: expect.stringContaining('/nonexistent/uv') });
    expect(report.phaseReached).toBe(-1);
  });

  test('a Python version this runner does not have is an error of the environment, with the request and what uv said', async () => {
    const { code, report } = await runCli(fixture('demo'), ['--python', '3.99']);
    expect(code).toBe(1);
    expect(check(report, 'python')).toMatchObject({ status: 'error', summary: expect.stringMatching(/^no Python matches 3.99 on this runner: No interpreter found for Python 3.99 .* — install it/) });
    // A request uv itself refuses is the configuration's fault: failed, with uv's reason.
    const invalid = await runCli(fixture('demo'), ['--python', '3.4']);
    expect(check(invalid.report, 'python')).toMatchObject({ status: 'failed', summary: expect.stringContaining('Python <3.6 is not supported but 3.4 was requested') });
  });

  test('a configuration error exits 2 and names the key', async () => {
    const { main } = await import('../../src/cli.js');
    let err = '';
    const code = await main([fixture('demo'), '--gate', 'deploy'], { stdout: () => undefined, stderr: (s) => (err += s), env: process.env, cwd: '/', isTTY: false });
    expect(code).toBe(2);
    expect(err).toMatch(/gate: "deploy" is not a phase; use one of setup, quality, tests, coverage, security/);
  });
});
