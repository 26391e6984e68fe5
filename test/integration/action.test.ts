/**
 * The action as the runner runs it: `node dist/index.js` (the committed bundle) with INPUT_* variables, an event
 * payload and the file-command files, on copies of the fixture projects.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { copyFixture, removeDir, REPO_ROOT, TEST_ENV } from '../support/project.js';
import { useOsvServer } from '../support/scratch.js';
import { PR_EVENT, runDist } from '../support/action.js';

const execFileAsync = promisify(execFile);

/** Runs a Node script and returns its exit code and stdout, whatever the exit code. */
async function runNode(args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await execFileAsync(process.execPath, args, { ...opts, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}
const osv = useOsvServer();
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** The bundled action on a fresh copy of a fixture project, run as the runner runs it (test/support/action.ts). */
async function runAction(project: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const workspace = copyFixture(project);
  dirs.push(workspace);
  return runActionIn(workspace, inputs, extraEnv, PR_EVENT);
}

describe('the action step (node dist/index.js)', () => {
  test('demo passes: outputs, job summary, fenced tool output, exit 0', async () => {
    const r = await runAction('demo', { 'osv-url': osv.url });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'phase-reached': '4', 'failed-phase': '', coverage: '97.22', 'tests-passed': '8', 'tests-failed': '0' });
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')) as { schema: number; verdict: string };
    expect(report).toMatchObject({ schema: 1, verdict: 'pass' });
    expect(r.summary).toContain('nebula-gate');
    expect(r.summary).toContain('| **setup** | uv |');
    expect(r.summary).toContain('Phase 4 of 4 reached (security)');
    // The PR base from the event is not in this checkout (no git at all): diff coverage skips and says why.
    expect(r.stdout).toMatch(/diff-coverage: skipped — the pull request base a{12} is not in this checkout/);
    // Every tool's output sits inside a stop-commands fence whose token appears nowhere else.
    const fences = [...r.stdout.matchAll(/^::stop-commands::([0-9a-f]{32})$/gm)].map((m) => m[1]!);
    expect(fences.length).toBeGreaterThanOrEqual(8);
    expect(new Set(fences).size).toBe(fences.length);
    for (const token of fences) expect(r.stdout.split(`::${token}::`).length).toBe(2);
    expect(r.stdout).toMatch(/collected 9 items/);
  });

  test('fail-test fails the step, with an error annotation at the failing test', async () => {
    const r = await runAction('fail-test', { 'disable': 'pip-audit', gate: 'tests' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ verdict: 'fail', 'phase-reached': '1', 'failed-phase': 'tests', 'tests-passed': '8', 'tests-failed': '1' });
    expect(r.stdout).toMatch(/^::error title=[^,\n]*,file=tests\/test_durations\.py,line=12[,:]/m);
    expect(r.stdout).toMatch(/^::error::gate failed: blocked at tests/m);
  });

  test('a bad input value fails with the allowed values named, and still sets the verdict output', async () => {
    const r = await runAction('demo', { 'bandit-severity': 'extreme' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::configuration error: bandit-severity: "extreme" is not allowed; use one of low, medium, high/);
    expect(r.outputs.verdict).toBe('fail');
  });

  test('the runner’s tokens and file-command paths never reach project code', async () => {
    const secret = 'ghs_' + 'x'.repeat(36);
    const r = await runAction('demo', { disable: 'pip-audit' }, { ACTIONS_RUNTIME_TOKEN: secret, ACTIONS_ID_TOKEN_REQUEST_TOKEN: secret, GITHUB_TOKEN: secret });
    expect(r.stdout).not.toContain(secret);
    // And through a custom check that prints its whole environment:
    const dumpProject = copyFixture('demo');
    dirs.push(dumpProject);
    appendFileSync(join(dumpProject, 'pyproject.toml'), '\n[[tool.nebula-gate.custom]]\nid = "env-dump"\nphase = "quality"\ncommand = ["python3", "-c", "import os, json; print(json.dumps(dict(os.environ)))"]\n');
    const dumped = await runActionIn(dumpProject, { disable: 'pip-audit,types,pytest,coverage,bandit' }, { ACTIONS_RUNTIME_TOKEN: secret, GITHUB_TOKEN: secret, INPUT_EXTRA: secret });
    const envLine = dumped.stdout.split('\n').find((l) => l.startsWith('{') && l.includes('"PATH"'));
    expect(envLine).toBeDefined();
    const childEnv = JSON.parse(envLine!) as Record<string, string>;
    expect(childEnv.PATH).toBeTruthy();
    for (const name of ['ACTIONS_RUNTIME_TOKEN', 'GITHUB_TOKEN', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'INPUT_EXTRA', 'INPUT_DISABLE']) expect(childEnv[name]).toBeUndefined();
    expect(dumped.stdout).not.toContain(secret);
  });

  test('a uv that cannot be installed still gives a full report with the reason, and fails', async () => {
    const r = await runAction('demo', { 'uv-version': '0.0.1' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ verdict: 'fail', 'phase-reached': '-1', 'failed-phase': 'setup', 'uv-version': '' });
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')) as { phases: { checks: { id: string; status: string; summary: string }[] }[] };
    const checks = report.phases.flatMap((p) => p.checks);
    expect(checks.find((c) => c.id === 'uv')).toMatchObject({ status: 'error', summary: expect.stringMatching(/^uv could not be installed: .*0\.0\.1/) });
    expect(checks.find((c) => c.id === 'pytest')).toMatchObject({ status: 'skipped', summary: 'needs uv-sync, which was skipped' });
    expect(r.summary).toContain('uv could not be installed');
  });

  test.each(['pull_request_target', 'workflow_run', 'issue_comment'])('refuses %s before spawning any process', async (event) => {
    const bin = mkdtempSync(join(tmpdir(), 'ng-bin-'));
    dirs.push(bin);
    const marker = join(bin, 'spawned');
    // A uv that records being called: under a privileged event it must never run.
    writeFileSync(join(bin, 'uv'), `#!/bin/sh\ntouch ${marker}\nexit 0\n`);
    chmodSync(join(bin, 'uv'), 0o755);
    const r = await runAction('demo', {}, { GITHUB_EVENT_NAME: event, PATH: `${bin}:${process.env.PATH}` });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::nebula-gate refuses to run project code under ${event}`);
    expect(r.outputs.verdict).toBe('fail');
    expect(existsSync(marker)).toBe(false);
  });
});

async function runActionIn(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string>, event: object = {}): Promise<ActionRun> {
  const r = await runDist(workspace, inputs, { ...(event === PR_EVENT ? {} : { GITHUB_EVENT_NAME: 'push' }), ...extraEnv }, event);
  dirs.push(r.files.temp);
  return { code: r.code, stdout: r.stdout, outputs: r.outputs, summary: readFileSync(r.files.summary, 'utf8') };
}

describe('the CLI bundle (bin/nebula-gate.js)', () => {
  test('prints the report and exits with the gate', async () => {
    const dir = copyFixture('fail-lint');
    dirs.push(dir);
    const { code, stdout } = await runNode([join(REPO_ROOT, 'bin', 'nebula-gate.js'), dir, '--gate', 'quality', '--disable', 'pip-audit', '--json', '-'], { env: TEST_ENV });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { verdict: string; blockedBy: string };
    expect(report).toMatchObject({ verdict: 'fail', blockedBy: 'quality' });
  });
});
