/**
 * The PR comment, end to end, the way the runner runs the action: `node dist/index.js` with INPUT_*, a
 * pull_request (or workflow_run) event file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, and GITHUB_API_URL pointing at
 * the GitHub API on loopback (in its GitHub Enterprise Server layout, /api/v3). The comment is read back from
 * that server; under every API failure the verdict and the exit status stay the same (R4.5, R8.6).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture, removeDir, REPO_ROOT } from '../support/project.js';
import { loopbackGithubEnv, runDist as runDistShared, type DistRun } from '../support/action.js';
import { BOT_TOKEN, OWNER, REPO, type Fault } from '../support/github-server.js';
import { useGithubServer } from '../support/scratch.js';
import { parsePayload } from '../../src/github/handoff.js';

const HEAD = 'b'.repeat(40);
const dirs: string[] = [];
const gh = useGithubServer({ prefix: '/api/v3' });
afterAll(() => dirs.forEach(removeDir));

/** The bundled action run as the runner runs it, its API on the loopback server. */
async function runDist(workspace: string, event: object, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<DistRun> {
  const r = await runDistShared(workspace, inputs, { ...loopbackGithubEnv(gh.apiUrl), ...extraEnv }, event);
  dirs.push(r.files.temp);
  return r;
}

const prEvent = {
  action: 'synchronize',
  number: 7,
  pull_request: { number: 7, base: { sha: 'a'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } }, head: { sha: HEAD, repo: { full_name: `forker/${REPO}`, fork: true } } },
};
// Enough of the gate to fail at tests, quickly: setup, pytest, coverage.
const GATE_INPUTS = { gate: 'tests', disable: 'pip-audit,bandit,types,ruff-format,ruff-check' };
const VERDICT = { verdict: 'fail', 'phase-reached': '1', 'failed-phase': 'tests', 'tests-passed': '8', 'tests-failed': '1' };

describe('node dist/index.js on a pull_request', () => {
  test('posts the sticky comment (GHES URLs), then updates it in place', async () => {
    const ws = copyFixture('fail-test');
    dirs.push(ws);
    const r = await runDist(ws, prEvent, GATE_INPUTS);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ ...VERDICT, 'comment-status': 'created', 'comment-payload': '' });
    // Read it back through the API, as a reviewer's client would.
    const res = await fetch(`${gh.apiUrl}/repos/${OWNER}/${REPO}/issues/7/comments`, { headers: { authorization: `token ${BOT_TOKEN}` } });
    const [comment] = (await res.json()) as { body: string; user: { login: string } }[];
    expect(comment!.user.login).toBe('github-actions[bot]');
    expect(comment!.body).toMatch(/^<!-- nebula-gate:id=[0-9a-f]{16} -->\n## nebula-gate · Phase 1 of 4 reached \(quality\) · gate: tests · ❌ blocked at tests/);
    expect(comment!.body).toContain(`](https://ghe.example/${OWNER}/${REPO}/blob/${HEAD}/tests/test_durations.py#L12)`);
    const again = await runDist(ws, prEvent, GATE_INPUTS);
    expect(again.code).toBe(1);
    expect(['updated', 'unchanged']).toContain(again.outputs['comment-status']);
    expect(gh.comments).toHaveLength(1);
    // The second run found it through the REST list and the GraphQL author/minimized check (at /api/graphql).
    expect(gh.requests.some((q) => q.path === '/graphql')).toBe(true);
  });

  const faults: [string, Fault[], string, number][] = [
    ['403 (fork)', [{ method: 'POST', path: /\/comments$/, status: 403, body: { message: 'Resource not accessible by integration' } }], 'forbidden', 0],
    ['404', [{ method: 'GET', path: /\/comments$/, status: 404 }], 'failed', 0],
    ['422 (body too long)', [{ method: 'POST', path: /\/comments$/, status: 422, body: { message: 'Validation Failed', errors: [{ field: 'body', message: 'body is too long (maximum is 65536 characters)' }] } }], 'created', 1],
    ['429 (retry-after)', [{ method: 'POST', path: /\/comments$/, status: 429, headers: { 'retry-after': '1' } }], 'created', 1],
    ['5xx', [{ method: 'GET', path: /\/comments$/, status: 502, times: 100 }], 'failed', 0],
  ];
  test.each(faults)('%s: the same verdict, outputs and exit status', async (_name, fs, status, comments) => {
    gh.faults.push(...fs);
    const ws = copyFixture('fail-test');
    dirs.push(ws);
    const r = await runDist(ws, prEvent, GATE_INPUTS);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ ...VERDICT, 'comment-status': status });
    expect(r.stdout).toMatch(/^::error::gate failed: blocked at tests/m);
    expect(gh.comments).toHaveLength(comments);
    if (status === 'forbidden') {
      const payload = parsePayload(readFileSync(r.outputs['comment-payload']!, 'utf8'));
      expect(payload).toMatchObject({ kind: 'nebula-gate-comment', version: 1, headSha: HEAD });
      expect(payload.report.verdict).toBe('fail');
    }
  });
});

describe('node dist/index.js with mode: post under workflow_run', () => {
  test('posts to the PR found from the run data, spawning no process', async () => {
    gh.pulls.push({ number: 5, state: 'open', head: { sha: HEAD, ref: 'feature', repo: { full_name: `forker/${REPO}` } }, base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } } });
    const ws = mkdtempSync(join(tmpdir(), 'ng-post-'));
    dirs.push(ws);
    const report = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'golden', 'fail-test.json'), 'utf8')) as object;
    mkdirSync(join(ws, 'nebula-gate-comment'));
    writeFileSync(join(ws, 'nebula-gate-comment', 'x.json'), JSON.stringify({ kind: 'nebula-gate-comment', version: 1, instance: 'gate', headSha: HEAD, prNumber: 99, report }));
    // Every program a posting step could conceivably start records that it ran.
    const bin = mkdtempSync(join(tmpdir(), 'ng-bin-'));
    dirs.push(bin);
    const spawned = join(bin, 'spawned');
    for (const name of ['git', 'uv', 'uvx', 'python', 'python3', 'sh', 'bash', 'pytest', 'ruff', 'mypy']) {
      writeFileSync(join(bin, name), `#!/bin/sh\necho ${name} >> ${spawned}\nexit 0\n`);
      chmodSync(join(bin, name), 0o755);
    }
    const event = { action: 'completed', workflow_run: { id: 1, event: 'pull_request', head_sha: HEAD, head_branch: 'feature', pull_requests: [], head_repository: { full_name: `forker/${REPO}`, owner: { login: 'forker' } }, repository: { full_name: `${OWNER}/${REPO}` } } };
    const r = await runDist(ws, event, { mode: 'post' }, { GITHUB_EVENT_NAME: 'workflow_run', PATH: bin });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ 'pr-number': '5', 'comment-status': 'created' });
    expect(gh.comments.map((c) => c.issue)).toEqual([5]);
    expect(gh.comments[0]!.body.startsWith('<!-- nebula-gate:id=gate -->\n')).toBe(true);
    expect(existsSync(spawned)).toBe(false);

    // A head SHA that matches no open PR: nothing posted, still no failure.
    gh.comments.length = 0;
    const none = await runDist(ws, { ...event, workflow_run: { ...event.workflow_run, head_sha: 'c'.repeat(40) } }, { mode: 'post' }, { GITHUB_EVENT_NAME: 'workflow_run', PATH: bin });
    expect(none.code).toBe(0);
    expect(none.outputs['pr-number']).toBe('');
    expect(gh.comments).toEqual([]);
    expect(existsSync(spawned)).toBe(false);
  });

  test('mode: gate is still refused under workflow_run; mode: post is refused under pull_request', async () => {
    const ws = copyFixture('demo');
    dirs.push(ws);
    const gate = await runDist(ws, {}, {}, { GITHUB_EVENT_NAME: 'workflow_run' });
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('::error::nebula-gate refuses to run project code under workflow_run');
    const post = await runDist(ws, prEvent, { mode: 'post' });
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(/::error::configuration error: mode: post runs only in a workflow_run workflow/);
  });
});
