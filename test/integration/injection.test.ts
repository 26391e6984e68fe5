/**
 * Workflow-command injection from project code (SECURITY.md R2, issue 6). The fixture test/fixtures/projects/injection
 * passes every phase, but its conftest, a test module and its tests print `::set-output`, `::add-mask::`,
 * `::stop-commands::`, `##[error]` and `::error` on stdout and stderr (at import time and while testing, past
 * Python's capture too), a parametrize id carries a command, and a test dumps os.environ to a file. Run as the
 * runner runs the action (`node dist/index.js`): no output changes, nothing is masked, nothing is annotated, and
 * the dumped environment holds no runner token and no file-command path.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandsOutsideFences, runDist, type DistRun } from '../support/action.js';
import { copyFixture, removeDir, REPO_ROOT, TEST_ENV } from '../support/project.js';

const SECRET = 'ghs_' + 'injected'.repeat(5);
const RUNNER_SECRETS = {
  ACTIONS_RUNTIME_TOKEN: SECRET,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: SECRET,
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
  GITHUB_TOKEN: SECRET,
  GH_TOKEN: SECRET,
};
const dirs: string[] = [];
let run: DistRun;
let workspace: string;
afterAll(() => dirs.forEach(removeDir));

describe('project code that prints workflow commands (node dist/index.js on the injection fixture)', () => {
  test('the gate passes on its own merits, and the injected lines really were printed', async () => {
    workspace = copyFixture('injection');
    dirs.push(workspace);
    // pip-audit: the project has no dependency, so nothing is queried.
    run = await runDist(workspace, { gate: 'security' }, RUNNER_SECRETS);
    dirs.push(run.files.temp);
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs['phase-reached']).toBe('4');
    for (const line of ['::set-output name=verdict::pass', '::add-mask::secret', '::stop-commands::abc', '##[error]x', '::error file=x::y']) {
      expect(run.stdout).toContain(line);
    }
  });

  test('no output changed: GITHUB_OUTPUT holds exactly the action’s own outputs, with its own values', () => {
    expect(Object.keys(run.outputs).sort()).toEqual(
      ['cache-hit', 'comment-payload', 'comment-status', 'coverage', 'failed-phase', 'phase-reached', 'python-version', 'report-json', 'tests-failed', 'tests-passed', 'uv-version', 'verdict'].filter((k) => k in run.outputs).sort(),
    );
    expect(Object.keys(run.outputs)).toEqual(expect.arrayContaining(['verdict', 'phase-reached', 'failed-phase', 'coverage', 'tests-passed', 'tests-failed', 'report-json']));
    // Every line of the file belongs to one of @actions/core's heredoc records.
    const recordLines = Object.values(run.outputs).reduce((n, v) => n + v.split('\n').length + 2, 0);
    expect(run.outputText.trimEnd().split('\n')).toHaveLength(recordLines);
    expect(run.outputs).toMatchObject({ verdict: 'pass', 'failed-phase': '', 'tests-failed': '0' });
    // Project code had no way to the other file commands either.
    for (const f of [run.files.env, run.files.path, run.files.state]) expect(readFileSync(f, 'utf8')).toBe('');
  });

  test('nothing masked, nothing annotated: every command the runner would act on is the action’s own', () => {
    const commands = commandsOutsideFences(run.stdout);
    // Fences (stop-commands + resume) and groups; the cache service (given a URL but not reachable here) adds our
    // own debug lines and a warning. No mask, no output, no error annotation — and none of the injected text.
    const names = new Set(commands.map((c) => c.name));
    expect([...names].filter((n) => !['stop-commands', 'resume', 'group', 'endgroup', 'debug', 'warning'].includes(n))).toEqual([]);
    for (const c of commands) expect(c.text).not.toMatch(/set-output|add-mask|::abc|##\[error\]x|file=x|from conftest|secret/);
    for (const c of commands.filter((x) => x.name === 'warning')) expect(c.text).toMatch(/^::warning::(cache|could not|Failed to (restore|save)|nebula-gate: no github-token)/i);
    for (const c of commands.filter((x) => x.name === 'stop-commands')) expect(c.text).toMatch(/^::stop-commands::[0-9a-f]{32}$/);
    expect(commands.filter((c) => c.name === 'stop-commands').length).toBeGreaterThanOrEqual(8);
    // Each fence's token is used once to stop and once to resume, and nowhere else (so no child can resume it).
    for (const c of commands.filter((x) => x.name === 'stop-commands')) {
      const token = c.text.slice('::stop-commands::'.length);
      expect(run.stdout.split(token).length - 1).toBe(2);
    }
    expect(run.stdout).not.toContain(SECRET);
  });

  test('the environment the tests saw holds no runner token and no file-command path', () => {
    const env = JSON.parse(readFileSync(join(workspace, 'env-dump.json'), 'utf8')) as Record<string, string>;
    expect(env.PATH).toBeTruthy();
    const leaked = Object.keys(env).filter((k) => /^(ACTIONS_|INPUT_|GITHUB_(TOKEN|OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$|GH_TOKEN$)/.test(k));
    expect(leaked).toEqual([]);
    const values = Object.values(env).join('\n');
    expect(values).not.toContain(SECRET);
    for (const f of Object.values(run.files)) if (f !== run.files.temp) expect(values).not.toContain(f);
  });
});

describe('the CLI in a workflow step (node bin/nebula-gate.js --verbose on the injection fixture)', () => {
  test('what the project printed reaches the log as text; no line of it is a workflow command', async () => {
    const dir = copyFixture('injection');
    dirs.push(dir);
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, [join(REPO_ROOT, 'bin', 'nebula-gate.js'), dir, '--verbose', '--no-color', '--disable', 'pip-audit'], { env: TEST_ENV, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
        done({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : -1, stdout, stderr }),
      );
    });
    expect(r.code).toBe(0);
    const log = `${r.stdout}\n${r.stderr}`;
    // The injected lines were printed (pytest's output under --verbose), each defused by a zero-width space.
    expect(log).toContain(':\u200b:set-output name=verdict::pass');
    expect(log).toContain('#\u200b#[error]x');
    expect(log.split('\n').filter((l) => /^\s*(::|##\[)/.test(l))).toEqual([]);
  }, 180_000);
});
