/**
 * The fork hand-off's second half (`mode: post`), proven with replayed workflow_run payloads against the GitHub
 * API on loopback: the PR comes from trusted run data only (R1.4), never from the artifact; the payload is data,
 * validated and re-escaped (R1.6); the posting code imports no process runner (R1.3). Also the check run.
 */
import { beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { GateReport } from '../../src/gate/report.js';
import type { Octokit } from '../../src/github/comment.js';
import { runContext } from '../../src/github/context.js';
import { buildPayload, parsePayload, readPayloads, writePayload, PAYLOAD_MAX_BYTES } from '../../src/github/handoff.js';
import { postFromWorkflowRun, publishGateCheckRun, type Log } from '../../src/github/publish.js';
import { BOT_TOKEN, OWNER, REPO } from '../support/github-server.js';
import { useGithubServer } from '../support/scratch.js';
import { REPO_ROOT } from '../support/project.js';

const golden = (name: string): GateReport => JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'golden', `${name}.json`), 'utf8')) as GateReport;
const FAIL = golden('fail-test');
const HEAD = 'e'.repeat(40);
const OTHER = 'f'.repeat(40);

const gh = useGithubServer();
let octokit: Octokit;
const messages: string[] = [];
const log: Log = { info: (m) => messages.push(`info ${m}`), notice: (m) => messages.push(`notice ${m}`), warning: (m) => messages.push(`warning ${m}`) };

beforeAll(async () => {
  process.env.GITHUB_API_URL = gh.apiUrl;
  const { createOctokit } = await import('../../src/github/client.js');
  octokit = createOctokit(BOT_TOKEN, gh.apiUrl);
});
beforeEach(() => {
  messages.length = 0;
  gh.pulls.push(
    { number: 5, state: 'open', head: { sha: HEAD, ref: 'feature', repo: { full_name: `forker/${REPO}` } }, base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } } },
    { number: 6, state: 'closed', head: { sha: OTHER, ref: 'old', repo: { full_name: `forker/${REPO}` } }, base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } } },
  );
});

/** A replayed workflow_run event, as GitHub sends it for a fork PR (pull_requests is empty for forks). */
function workflowRunEvent(headSha: string, over: Record<string, unknown> = {}) {
  return {
    action: 'completed',
    workflow_run: {
      id: 4242,
      event: 'pull_request',
      head_sha: headSha,
      head_branch: 'feature',
      conclusion: 'failure',
      pull_requests: [],
      head_repository: { full_name: `forker/${REPO}`, owner: { login: 'forker' } },
      repository: { full_name: `${OWNER}/${REPO}` },
      ...over,
    },
    repository: { full_name: `${OWNER}/${REPO}` },
  };
}
const ENV = { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_SERVER_URL: 'https://github.example' };

function payloadDir(payloads: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-artifact-'));
  payloads.forEach((p, i) => writeFileSync(join(dir, `p${i}.json`), JSON.stringify(p)));
  return dir;
}

const postWith = (event: object, dir: string) => postFromWorkflowRun(octokit, runContext(ENV, event), { comment: 'always', payloadPath: dir, retry: { baseDelayMs: 5 } }, log);

describe('mode: post', () => {
  test('a spoofed PR number in the artifact is ignored: the comment goes to the PR of the run’s head SHA', async () => {
    const dir = payloadDir([{ ...buildPayload(FAIL, 'job-a', HEAD, 1), prNumber: 99 }]);
    const r = await postWith(workflowRunEvent(HEAD), dir);
    expect(r.pr).toBe(5);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.issue).toBe(5);
    expect(gh.requests.some((q) => q.path.includes('/issues/99') || q.path.includes('/issues/1/'))).toBe(false);
    // Links point at the run's head on this server.
    expect(gh.comments[0]!.body).toContain(`](https://github.example/${OWNER}/${REPO}/blob/${HEAD}/tests/test_durations.py#L12)`);
  });

  test('a head SHA that matches no open PR posts nothing (a closed PR with that head does not count)', async () => {
    const dir = payloadDir([buildPayload(FAIL, 'job-a', OTHER, 6)]);
    const r = await postWith(workflowRunEvent(OTHER), dir);
    expect(r.pr).toBeNull();
    expect(gh.writes()).toEqual([]);
    expect(messages.some((m) => m.includes('no open pull request'))).toBe(true);
  });

  test('an open PR with that head but another base repository does not count', async () => {
    gh.pulls[0]!.base.repo.full_name = 'someone-else/octo-repo';
    const r = await postWith(workflowRunEvent(HEAD), payloadDir([buildPayload(FAIL, 'job-a', HEAD, 5)]));
    expect(r.pr).toBeNull();
    expect(gh.writes()).toEqual([]);
  });

  test('the run of a closed PR whose head commit is also an open PR’s head posts nothing: branch and fork must match too', async () => {
    // The same commit, pushed by the fork as a second branch: its PR was closed, its run finished later.
    const dir = payloadDir([buildPayload(FAIL, 'job-a', HEAD, 6)]);
    expect((await postWith(workflowRunEvent(HEAD, { head_branch: 'old' }), dir)).pr).toBeNull();
    // The same commit in another fork, on a branch of the same name.
    expect((await postWith(workflowRunEvent(HEAD, { head_repository: { full_name: `other/${REPO}`, owner: { login: 'other' } } }), dir)).pr).toBeNull();
    // A run that names no head repository is not matched by SHA alone.
    const none = await postWith(workflowRunEvent(HEAD, { head_repository: null }), dir);
    expect(none.pr).toBeNull();
    expect(messages.some((m) => m.includes('names no head branch or head repository'))).toBe(true);
    expect(gh.writes()).toEqual([]);
    // The run of the open PR itself still posts.
    expect((await postWith(workflowRunEvent(HEAD), dir)).pr).toBe(5);
  });

  test('found through the fork branch when the commit lookup is empty', async () => {
    gh.faults.push({ method: 'GET', path: /\/commits\/[0-9a-f]+\/pulls$/, status: 200, body: [] });
    const r = await postWith(workflowRunEvent(HEAD), payloadDir([buildPayload(FAIL, 'job-a', HEAD, 5)]));
    expect(r.pr).toBe(5);
    const list = gh.requests.find((q) => q.path === `/repos/${OWNER}/${REPO}/pulls`)!;
    expect(list.query.get('head')).toBe('forker:feature');
    expect(list.query.get('state')).toBe('open');
  });

  test('a payload for another commit, a non-PR run, or a run of another repository posts nothing', async () => {
    expect((await postWith(workflowRunEvent(HEAD), payloadDir([buildPayload(FAIL, 'job-a', OTHER, 5)]))).outcomes).toEqual([{ action: 'skipped', reason: 'payload for another commit' }]);
    expect((await postWith(workflowRunEvent(HEAD, { event: 'push' }), payloadDir([buildPayload(FAIL, 'job-a', HEAD, 5)]))).pr).toBeNull();
    expect((await postWith(workflowRunEvent(HEAD, { repository: { full_name: 'evil/octo-repo' } }), payloadDir([buildPayload(FAIL, 'job-a', HEAD, 5)]))).pr).toBeNull();
    expect(gh.writes()).toEqual([]);
  });

  test('re-posting the same payload writes nothing; two instances in one artifact get one comment each', async () => {
    const dir = payloadDir([buildPayload(FAIL, 'py311', HEAD, 5), buildPayload(golden('demo'), 'py312', HEAD, 5)]);
    await postWith(workflowRunEvent(HEAD), dir);
    await postWith(workflowRunEvent(HEAD), dir);
    expect(gh.comments).toHaveLength(2);
    expect(gh.writes().map((w) => w.method)).toEqual(['POST', 'POST']);
  });

  test('the payload is data: hostile strings are re-escaped, a Markdown body in it is ignored, a marker cannot be smuggled', async () => {
    const hostile: GateReport = {
      ...FAIL,
      why: '@org/team #1 </details> <img src=x> | ``` <!-- nebula-gate:id=other -->',
      tests: { ...FAIL.tests!, failures: [{ name: '@org/team #1 </details><img src=x>', file: 'tests/x.py', line: 1, message: 'boom', details: '' }] },
    };
    const dir = payloadDir([{ ...buildPayload(hostile, 'job-a', HEAD, 5), body: '@everyone <img src=x>', markdown: '# pwned' }]);
    await postWith(workflowRunEvent(HEAD), dir);
    const body = gh.comments[0]!.body;
    expect(body).not.toContain('@org');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('#1');
    expect(body).not.toContain('@everyone');
    expect(body).not.toContain('pwned');
    expect(body).not.toContain('nebula-gate:id=other');
    expect(body.match(/<details>/g)?.length).toBe(body.match(/<\/details>/g)?.length);
  });

  test('1,500 failing tests: the payload is fitted under the cap it is read with, and the PR gets its comment', async () => {
    // The real fail-test report's failure, 1,500 times, each with a 4 KB traceback: 6 MB as it stands.
    const one = FAIL.tests!.failures[0]!;
    const failures = Array.from({ length: 1500 }, (_, i) => ({ ...one, name: `tests/test_many.py::test_case_${i}`, details: `${one.details}\n${'x'.repeat(4000)}` }));
    const big: GateReport = { ...FAIL, tests: { ...FAIL.tests!, total: 1500, passed: 0, failed: 1500, failures } };
    expect(JSON.stringify(buildPayload(big, 'job-a', HEAD, 5)).length).toBeGreaterThan(PAYLOAD_MAX_BYTES);
    const dir = mkdtempSync(join(tmpdir(), 'ng-big-payload-'));
    const { path, trimmed } = writePayload(dir, buildPayload(big, 'job-a', HEAD, 5));
    expect(readFileSync(path).length).toBeLessThanOrEqual(PAYLOAD_MAX_BYTES);
    expect(trimmed).toEqual(['failure tracebacks']);
    const read = parsePayload(readFileSync(path, 'utf8'));
    expect(read.report.tests).toMatchObject({ total: 1500, failed: 1500 });
    expect(read.report.tests!.failures).toHaveLength(1500);
    const r = await postWith(workflowRunEvent(HEAD), dir);
    expect(r.pr).toBe(5);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('1500 failed');
  });

  test('payload validation: wrong kind or version, bad instance id, oversized or symlinked files are refused', () => {
    expect(() => parsePayload('{"kind":"nebula-gate-comment","version":2}')).toThrow(/version 2 is not supported/);
    expect(() => parsePayload('<h1>hi</h1>')).toThrow(/not JSON/);
    expect(() => parsePayload(JSON.stringify({ ...buildPayload(FAIL, 'x', HEAD, 1), instance: '../../etc' }))).toThrow(/instance/);
    expect(() => parsePayload(JSON.stringify({ ...buildPayload(FAIL, 'x', HEAD, 1), report: { schema: 2 } }))).toThrow(/schema-1/);
    const dir = mkdtempSync(join(tmpdir(), 'ng-artifact-'));
    writeFileSync(join(dir, 'big.json'), ' '.repeat(PAYLOAD_MAX_BYTES + 1));
    const outside = join(mkdtempSync(join(tmpdir(), 'ng-outside-')), 'secret.json');
    writeFileSync(outside, JSON.stringify(buildPayload(FAIL, 'leak', HEAD, 1)));
    symlinkSync(outside, join(dir, 'link.json'));
    mkdirSync(join(dir, 'nested.json'));
    const r = readPayloads(dir);
    expect(r.payloads).toEqual([]);
    expect(r.problems.join('\n')).toMatch(/over the \d+-byte cap/);
    expect(readPayloads(join(dir, 'missing'))).toEqual({ payloads: [], problems: [] });
  });

  test('no payload (the gate commented itself): nothing to do, no API call', async () => {
    const r = await postWith(workflowRunEvent(HEAD), join(tmpdir(), 'ng-no-such-dir'));
    expect(r.outcomes).toEqual([]);
    expect(gh.requests).toEqual([]);
  });
});

describe('the posting code runs no process (R1.3)', () => {
  /** Relative imports of a source file, resolved to .ts files, transitively. */
  function importClosure(entry: string): Set<string> {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else bare.add(spec);
      }
    };
    visit(entry);
    return new Set([...[...seen].map((f) => f.slice(REPO_ROOT.length + 1)), ...bare]);
  }

  test('postFromWorkflowRun and all it imports reach neither child_process nor the process runner', () => {
    const closure = importClosure(join(REPO_ROOT, 'src', 'github', 'publish.ts'));
    expect(closure.has('src/github/handoff.ts')).toBe(true);
    expect(closure.has('src/github/comment.ts')).toBe(true);
    for (const forbidden of ['node:child_process', 'child_process', '@actions/exec', 'src/process/run.ts', 'src/engine.ts', 'src/github/base.ts']) {
      expect(closure.has(forbidden)).toBe(false);
    }
  });

  test('runPostMode (src/github/action.ts) adds only the logger, the client and input types on top', () => {
    const text = readFileSync(join(REPO_ROOT, 'src', 'github', 'action.ts'), 'utf8');
    const runtime = [...text.matchAll(/^import\s(?!type\b)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!).sort();
    expect(runtime).toEqual(['../action/log.js', '../config/errors.js', '../text/commands.js', './client.js', './context.js', './publish.js', '@actions/core', 'node:os', 'node:path'].sort());
    expect(importClosure(join(REPO_ROOT, 'src', 'github', 'client.ts')).has('src/process/run.ts')).toBe(false);
  });
});

describe('check run annotations', () => {
  const ctx = () => runContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_SHA: OTHER }, { number: 5, pull_request: { number: 5, head: { sha: HEAD } } });

  test('all annotations, changed files first, in batches of 50', async () => {
    const findings = Array.from({ length: 120 }, (_, i) => ({ file: i % 3 === 0 ? 'src/changed.py' : `src/other${i}.py`, line: i + 1, column: null, rule: `R${i}`, severity: 'warning' as const, message: `finding ${i}` }));
    const report: GateReport = { ...FAIL, phases: FAIL.phases.map((p, i) => (i === 1 ? { ...p, checks: [{ id: 'ruff-check', status: 'failed', summary: '', durationMs: 0, findings }] } : p)) };
    const r = await publishGateCheckRun(octokit, ctx(), report, { instance: 'job-a', title: 'blocked', summary: 'why', changedFiles: new Set(['src/changed.py']) }, log);
    expect(r).toMatchObject({ ok: true, annotations: 121, requests: 3 });
    const run = gh.checkRuns[0]!;
    expect(run).toMatchObject({ name: 'nebula-gate (job-a)', head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(run.annotations).toHaveLength(121);
    const paths = (run.annotations as { path: string }[]).map((a) => a.path);
    expect(paths.slice(0, 40).every((p) => p === 'src/changed.py')).toBe(true);
    expect(gh.writes().map((w) => `${w.method} ${((w.body as { output: { annotations: unknown[] } }).output.annotations).length}`)).toEqual(['POST 50', 'PATCH 50', 'PATCH 21']);
  });

  test('403 (no checks: write): a failed outcome, so the caller annotates with workflow commands', async () => {
    gh.faults.push({ method: 'POST', path: /\/check-runs$/, status: 403, body: { message: 'Resource not accessible by integration' } });
    const r = await publishGateCheckRun(octokit, ctx(), FAIL, { instance: 'job-a', title: 't', summary: 's' }, log);
    expect(r).toMatchObject({ ok: false, status: 403 });
    expect(messages.some((m) => m.startsWith('warning') && m.includes('workflow commands instead'))).toBe(true);
  });
});
