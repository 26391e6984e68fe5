/**
 * Fault injection (issue 6): each fault must leave the verdict what the checks make it — fail closed when a check
 * could not do its job, unchanged when only publishing or caching failed — and the run must end by itself.
 *
 * Covered here: a tool missing from PATH, a tool killed by a signal, a tool that hangs (per-check timeout, whole
 * process tree killed), a report the tool did not write, disk full while writing the job summary, the cache service
 * down. Covered elsewhere, not repeated:
 *  - GitHub API 403 / 404 / 422 / 429 / 5xx: test/integration/comment-action.test.ts ("the same verdict, outputs and
 *    exit status"), node dist/index.js against test/support/github-server.ts;
 *  - vulnerability service down: test/integration/security-setup.test.ts ("an unreachable vulnerability service is
 *    an error, never a pass");
 *  - cache service down, in-process: test/cache/venv-cache.test.ts (protocol 'down'); uv download host down:
 *    test/integration/action.test.ts ("a uv that cannot be installed");
 *  - a missing, empty, truncated or hostile report for every format: test/reports/hostile-corpus.test.ts and
 *    test/integration/hostile-e2e.test.ts.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDist } from '../support/action.js';
import { check, copyFixture, removeDir, runCli } from '../support/project.js';
import { alive } from '../support/pids.js';

const dirs: string[] = [];
const outcomes: string[] = [];
afterAll(() => {
  dirs.forEach(removeDir);
  process.stdout.write(`fault | check → status | verdict | exit | seconds\n${outcomes.join('\n')}\n`);
});

const ONLY_SETUP = 'ruff-format,ruff-check,types,pytest,coverage,diff-coverage,pip-audit,bandit';

function demoWith(toml: string): string {
  const dir = copyFixture('demo');
  dirs.push(dir);
  appendFileSync(join(dir, 'pyproject.toml'), toml);
  return dir;
}
const custom = (id: string, command: string[], extra = ''): string =>
  `\n[[tool.nebula-gate.custom]]\nid = "${id}"\nphase = "tests"\ncommand = ${JSON.stringify(command)}\n${extra}`;

describe('faults in the tools (CLI, real engine)', () => {
  test('control: the same project and custom check pass', async () => {
    const r = await runCli(demoWith(custom('ok', ['python3', '-c', 'pass'])), ['--disable', ONLY_SETUP]);
    expect(r.code).toBe(0);
    expect(check(r.report, 'ok').status).toBe('passed');
  });

  test('a tool missing from PATH: error naming it, verdict fail', async () => {
    const t0 = performance.now();
    const r = await runCli(demoWith(custom('gone', ['nebula-no-such-tool', '--check'])), ['--disable', ONLY_SETUP]);
    expect(r.code).toBe(1);
    expect(check(r.report, 'gone')).toMatchObject({ status: 'error', summary: expect.stringMatching(/nebula-no-such-tool/) });
    outcomes.push(`tool missing from PATH | gone → error | ${r.report.verdict} | ${r.code} | ${((performance.now() - t0) / 1000).toFixed(1)}`);
    // uv itself missing: everything after it is skipped with the reason, nothing hangs.
    const noUv = await runCli(demoWith(''), ['--uv', '/nonexistent/uv']);
    expect(noUv.code).toBe(1);
    expect(check(noUv.report, 'uv')).toMatchObject({ status: 'error', summary: expect.stringMatching(/put it on PATH/) });
    expect(check(noUv.report, 'pytest').status).toBe('skipped');
    outcomes.push(`uv missing | uv → error, the rest skipped | ${noUv.report.verdict} | ${noUv.code} | -`);
  });

  test('a tool killed by a signal: error, verdict fail', async () => {
    const t0 = performance.now();
    const r = await runCli(demoWith(custom('killed', ['python3', '-c', 'import os, signal; os.kill(os.getpid(), signal.SIGKILL)'])), ['--disable', ONLY_SETUP]);
    expect(r.code).toBe(1);
    expect(check(r.report, 'killed')).toMatchObject({ status: 'error', summary: expect.stringMatching(/killed by signal SIGKILL/) });
    outcomes.push(`tool killed by SIGKILL | killed → error | ${r.report.verdict} | ${r.code} | ${((performance.now() - t0) / 1000).toFixed(1)}`);
  });

  test('the project’s own ruff killed by a signal (a fake .venv/bin/ruff the project pins): both ruff checks error', async () => {
    const dir = copyFixture('pinned-tools');
    dirs.push(dir);
    // Sync once so the environment exists, then replace the project's ruff with one that kills itself.
    const pre = await runCli(dir, ['--disable', ONLY_SETUP]);
    expect(pre.code).toBe(0);
    const ruff = join(dir, '.venv', 'bin', 'ruff');
    expect(existsSync(ruff)).toBe(true);
    // A new file, never a write through the old one: uv hard-links the environment to its cache, so writing in
    // place would replace ruff in the shared uv cache too.
    rmSync(ruff);
    writeFileSync(ruff, '#!/bin/sh\nkill -9 $$\n');
    chmodSync(ruff, 0o755);
    const r = await runCli(dir, ['--disable', 'types,pytest,coverage,diff-coverage,pip-audit,bandit']);
    expect(r.code).toBe(1);
    for (const id of ['ruff-format', 'ruff-check']) expect(check(r.report, id).status).toBe('error');
    expect(r.report.verdict).toBe('fail');
    outcomes.push(`project ruff killed by SIGKILL | ruff-format, ruff-check → error | ${r.report.verdict} | ${r.code} | -`);
  });

  test('a tool that hangs: killed at its timeout with its whole process tree, error, and the run ends', async () => {
    const dir = demoWith(custom('hangs', ['python3', '-c', 'import os, subprocess, time; c = subprocess.Popen(["sleep", "300"]); open("pids", "w").write(f"{os.getpid()} {c.pid}"); time.sleep(300)'], 'timeout = 2\n'));
    const t0 = performance.now();
    const r = await runCli(dir, ['--disable', ONLY_SETUP]);
    const s = (performance.now() - t0) / 1000;
    expect(r.code).toBe(1);
    expect(check(r.report, 'hangs')).toMatchObject({ status: 'error', summary: expect.stringMatching(/timed out after 2 s \(process tree killed\)/) });
    expect(s).toBeLessThan(30);
    const pids = readFileSync(join(dir, 'pids'), 'utf8').split(' ').map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    outcomes.push(`tool hangs (timeout 2 s, child and grandchild) | hangs → error, tree killed | ${r.report.verdict} | ${r.code} | ${s.toFixed(1)}`);
  });

  test('a report the tool did not write: pytest sent its JUnit elsewhere → error, never a pass', async () => {
    const dir = copyFixture('demo');
    dirs.push(dir);
    const r = await runCli(dir, ['--disable', 'ruff-format,ruff-check,types,pip-audit,bandit,diff-coverage', '--args', 'pytest=--junitxml=elsewhere.xml']);
    expect(r.code).toBe(1);
    expect(check(r.report, 'pytest')).toMatchObject({ status: 'error', summary: expect.stringMatching(/wrote no JUnit report/) });
    outcomes.push(`report not written (pytest --junitxml elsewhere) | pytest → error | ${r.report.verdict} | ${r.code} | -`);
  });
});

describe('faults around the action (node dist/index.js)', () => {
  // Enough of the gate to fail at tests, quickly, as comment-action.test.ts does.
  const INPUTS = { gate: 'tests', disable: 'pip-audit,bandit,types,ruff-format,ruff-check' };
  const VERDICT = { verdict: 'fail', 'phase-reached': '1', 'failed-phase': 'tests', 'tests-passed': '8', 'tests-failed': '1' };

  test('disk full while writing the job summary (/dev/full): same verdict, outputs and exit status; a warning', async () => {
    const ws = copyFixture('fail-test');
    dirs.push(ws);
    const r = await runDist(ws, INPUTS, { GITHUB_STEP_SUMMARY: '/dev/full' });
    dirs.push(r.files.temp);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject(VERDICT);
    expect(r.stdout).toMatch(/^::warning::could not write the job summary: .*ENOSPC/m);
    expect(r.stdout).toMatch(/^::error::gate failed: blocked at tests/m);
    outcomes.push(`disk full (summary → /dev/full) | pytest → failed (unchanged) | fail | ${r.code} | ${(r.ms / 1000).toFixed(1)}`);
  });

  test('cache service down: same verdict, outputs and exit status; warnings only; the run ends', async () => {
    const ws = copyFixture('fail-test');
    dirs.push(ws);
    const r = await runDist(ws, INPUTS, { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/', ACTIONS_RUNTIME_TOKEN: 'x' });
    dirs.push(r.files.temp);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ ...VERDICT, 'cache-hit': 'false' });
    expect(r.stdout).toMatch(/^::warning::.*(cache|Cache)/m);
    expect(r.ms).toBeLessThan(120_000);
    outcomes.push(`cache service down (v2, refused port) | pytest → failed (unchanged), cache-hit false | fail | ${r.code} | ${(r.ms / 1000).toFixed(1)}`);
  });
});
