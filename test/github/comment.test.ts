/**
 * The sticky comment through the real @actions/github client (octokit) against a GitHub API on loopback
 * (test/support/github-server.ts): what it reads, what it writes, and what it leaves alone.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GateReport } from '../../src/gate/report.js';
import type { Octokit } from '../../src/github/comment.js';
import { decodeDigest, markerFor, publishComment } from '../../src/github/comment.js';
import { runContext } from '../../src/github/context.js';
import { publishGateComment, type Log } from '../../src/github/publish.js';
import { parsePayload } from '../../src/github/handoff.js';
import { BOT_LOGIN, BOT_TOKEN, OWNER, REPO, startGithubServer } from '../support/github-server.js';
import { useGithubServer } from '../support/scratch.js';
import { REPO_ROOT } from '../support/project.js';

const golden = (name: string): GateReport => JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'golden', `${name}.json`), 'utf8')) as GateReport;
const FAIL = golden('fail-test');
const PASS = golden('demo');
const HEAD = 'c'.repeat(40);
const PR = { owner: OWNER, repo: REPO, number: 7 };
const linkBase = { serverUrl: 'https://github.example', repo: `${OWNER}/${REPO}`, sha: HEAD };
const fast = { baseDelayMs: 5 };

const gh = useGithubServer();
let octokit: Octokit;
let createOctokit: (token: string, apiUrl: string) => Octokit;

beforeAll(async () => {
  // @actions/github reads GITHUB_API_URL when first imported (DESIGN §9): set it first.
  process.env.GITHUB_API_URL = gh.apiUrl;
  ({ createOctokit } = await import('../../src/github/client.js'));
  octokit = createOctokit(BOT_TOKEN, gh.apiUrl);
});

const post = (report: GateReport, instance = 'job-a', mode: 'always' | 'on-failure' | 'on-change' = 'always') =>
  publishComment(octokit, PR, report, { instance, mode, linkBase, retry: fast });

describe('sticky comment', () => {
  test('first post: one comment, marker on the first line, links at the head commit, a digest', async () => {
    const o = await post(FAIL);
    expect(o).toMatchObject({ action: 'created', minimal: false });
    expect(gh.comments).toHaveLength(1);
    const c = gh.comments[0]!;
    expect(c.issue).toBe(7);
    expect(c.user.login).toBe(BOT_LOGIN);
    expect(c.body.split('\n')[0]).toBe(markerFor('job-a'));
    expect(c.body).toContain('❌ blocked at tests');
    expect(c.body).toContain(`](https://github.example/${OWNER}/${REPO}/blob/${HEAD}/tests/test_durations.py#L12)`);
    expect(decodeDigest(c.body)).toMatchObject({ v: 1, now: { verdict: 'fail', failing: 1 }, prev: null });
    expect(c.body).not.toContain('Since the previous run');
    expect(c.body.length).toBeLessThanOrEqual(65_536);
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/${OWNER}/${REPO}/issues/7/comments`]);
  });

  test('update: the same comment is edited in place, with the delta against the previous run', async () => {
    await post(FAIL);
    const id = gh.comments[0]!.id;
    const o = await post(PASS);
    expect(o).toMatchObject({ action: 'updated', id });
    expect(gh.comments).toHaveLength(1);
    const body = gh.comments[0]!.body;
    expect(body).toContain('✅ may merge');
    expect(body).toMatch(/\*\*Since the previous run:\*\* verdict ❌ → ✅ · phase 1 → 4 · tests 10 → 9 \(−1\) · failing 1 → 0 \(−1\)/);
    expect(gh.writes().map((r) => r.method)).toEqual(['POST', 'PATCH']);
  });

  test('unchanged: no write at all (R3.6), also on the run after an update', async () => {
    await post(FAIL);
    await post(PASS);
    gh.requests.length = 0;
    expect(await post(PASS)).toMatchObject({ action: 'unchanged' });
    expect(await post(PASS)).toMatchObject({ action: 'unchanged' });
    expect(gh.writes()).toEqual([]);
  });

  test("a user's comment holding the marker, and a minimized one of ours, are never edited", async () => {
    const forged = gh.addComment(7, `${markerFor('job-a')}\nI copied your marker`, 'octocat');
    const minimized = gh.addComment(7, `${markerFor('job-a')}\nold`, BOT_LOGIN, { minimized: true });
    const o = await post(FAIL);
    expect(o.action).toBe('created');
    expect(gh.comments.find((c) => c.id === forged.id)!.body).toBe(`${markerFor('job-a')}\nI copied your marker`);
    expect(gh.comments.find((c) => c.id === minimized.id)!.body).toBe(`${markerFor('job-a')}\nold`);
    expect(gh.writes().filter((r) => r.method === 'PATCH')).toEqual([]);
    // The GraphQL lookup asked about exactly the marker-bearing candidates.
    const q = gh.requests.find((r) => r.path === '/graphql')!.body as { variables: { ids: string[] } };
    expect(q.variables.ids.sort()).toEqual([forged.node_id, minimized.node_id].sort());
    // And the next run edits its own comment, still not the others.
    await post(PASS);
    expect(gh.comments).toHaveLength(3);
    expect(gh.writes().filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/repos/${OWNER}/${REPO}/issues/comments/${gh.comments[2]!.id}`]);
  });

  test('a marker inside untrusted report text cannot make a comment look like ours', async () => {
    const hostile: GateReport = { ...FAIL, why: `${markerFor('job-b')} pwned`, tests: { ...FAIL.tests!, failures: [{ ...FAIL.tests!.failures[0]!, name: markerFor('job-b'), message: `<!-- nebula-gate:id=job-b -->` }] } };
    await post(hostile, 'job-a');
    expect(gh.comments[0]!.body.split(markerFor('job-b')).length).toBe(1);
    expect((await post(FAIL, 'job-b')).action).toBe('created');
    expect(gh.comments).toHaveLength(2);
  });

  test('two instances keep one comment each', async () => {
    await post(FAIL, 'py311');
    await post(PASS, 'py312');
    expect(gh.comments.map((c) => c.body.split('\n')[0])).toEqual([markerFor('py311'), markerFor('py312')]);
    await post(PASS, 'py311');
    await post(FAIL, 'py312');
    expect(gh.comments).toHaveLength(2);
    expect(gh.comments[0]!.body).toContain('✅ may merge');
    expect(gh.comments[1]!.body).toContain('❌ blocked at tests');
  });

  test('the comment is found on a later page (Link-header pagination)', async () => {
    gh.pageSize = 3;
    for (let i = 0; i < 10; i++) gh.addComment(7, `review comment ${i}`, i % 2 ? 'octocat' : BOT_LOGIN);
    await post(FAIL);
    for (let i = 0; i < 4; i++) gh.addComment(7, `later ${i}`, 'octocat');
    gh.requests.length = 0;
    expect(await post(PASS)).toMatchObject({ action: 'updated', id: gh.comments[10]!.id });
    const pages = gh.requests.filter((r) => r.method === 'GET').map((r) => r.query.get('page') ?? '1');
    expect(pages).toEqual(['1', '2', '3', '4', '5']);
    expect(gh.comments).toHaveLength(15);
  });

  test('422 body too long: exactly one retry, with a minimal body (R3.2)', async () => {
    gh.maxBodyLength = 2000;
    const o = await post(FAIL);
    expect(o).toMatchObject({ action: 'created', minimal: true });
    const posts = gh.writes();
    expect(posts).toHaveLength(2);
    expect(((posts[0]!.body as { body: string }).body).length).toBeGreaterThan(2000);
    const minimal = gh.comments[0]!.body;
    expect(minimal.length).toBeLessThanOrEqual(2000);
    expect(minimal.split('\n')[0]).toBe(markerFor('job-a'));
    expect(minimal).toContain('❌ blocked at tests');
    // A second 422 is not retried again.
    gh.maxBodyLength = 100;
    gh.requests.length = 0;
    expect(await post(PASS)).toMatchObject({ action: 'failed', status: 422 });
    expect(gh.writes()).toHaveLength(2);
  });

  test.each([
    ['429', 429, {}],
    ['secondary rate limit (403 + retry-after)', 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }],
  ])('%s with retry-after: waits, then succeeds', async (_name, status, body) => {
    gh.faults.push({ method: 'POST', path: /\/issues\/7\/comments$/, status, headers: { 'retry-after': '1' }, body });
    const t0 = Date.now();
    const o = await post(FAIL);
    expect(o.action).toBe('created');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    const posts = gh.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(gh.comments).toHaveLength(1);
  });

  test('5xx: bounded retries, then a failed outcome (never an exception)', async () => {
    gh.faults.push({ method: 'GET', path: /\/issues\/7\/comments$/, status: 502, times: 100 });
    const o = await post(FAIL);
    expect(o).toMatchObject({ action: 'failed', status: 502 });
    expect(gh.requests.filter((r) => r.method === 'GET')).toHaveLength(4);
    expect(gh.writes()).toEqual([]);
    gh.faults.length = 0;
    gh.faults.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 503, times: 2 });
    expect(await post(FAIL)).toMatchObject({ action: 'created' });
    expect(gh.comments).toHaveLength(1);
  });

  test('404: a failed outcome, nothing written', async () => {
    gh.faults.push({ method: 'GET', path: /\/issues\/7\/comments$/, status: 404 });
    expect(await post(FAIL)).toMatchObject({ action: 'failed', status: 404 });
    expect(gh.requests).toHaveLength(1);
  });

  test('comment modes: on-failure creates only on failure but keeps an existing one current; on-change ignores durations', async () => {
    expect(await post(PASS, 'x', 'on-failure')).toMatchObject({ action: 'skipped' });
    expect(gh.writes()).toEqual([]);
    expect(await post(FAIL, 'x', 'on-failure')).toMatchObject({ action: 'created' });
    expect(await post(PASS, 'x', 'on-failure')).toMatchObject({ action: 'updated' });
    const slower = { ...PASS, phases: PASS.phases.map((p) => ({ ...p, checks: p.checks.map((c) => ({ ...c, durationMs: c.durationMs + 1234 })) })) };
    expect(await post(slower, 'x', 'on-change')).toMatchObject({ action: 'unchanged' });
    expect(await post(slower, 'x', 'always')).toMatchObject({ action: 'updated' });
  });
});

describe('the gate side: pull_request, push, fork', () => {
  const messages: string[] = [];
  const log: Log = { info: (m) => messages.push(`info ${m}`), notice: (m) => messages.push(`notice ${m}`), warning: (m) => messages.push(`warning ${m}`) };
  const event = { number: 7, pull_request: { number: 7, base: { sha: 'a'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } }, head: { sha: HEAD, repo: { full_name: `forker/${REPO}`, fork: true } } } };
  const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_SERVER_URL: 'https://ghe.example', GITHUB_SHA: 'd'.repeat(40) };

  test('403 (a fork PR): no comment, the payload file is written, versioned JSON, re-readable', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 403, body: { message: 'Resource not accessible by integration' } });
    const dir = mkdtempSync(join(tmpdir(), 'ng-payload-'));
    const r = await publishGateComment(octokit, runContext(env, event), FAIL, { comment: 'always', instance: 'job-a', payloadDir: dir }, log);
    expect(r.comment).toMatchObject({ action: 'forbidden', status: 403 });
    expect(r.payloadPath).toBe(join(dir, 'job-a.json'));
    const text = readFileSync(r.payloadPath!, 'utf8');
    expect(text).not.toContain('<details>'); // data, not Markdown (R1.6)
    const payload = parsePayload(text);
    expect(payload).toMatchObject({ kind: 'nebula-gate-comment', version: 1, instance: 'job-a', headSha: HEAD, prNumber: 7 });
    expect(payload.report.verdict).toBe('fail');
    expect(messages.some((m) => m.startsWith('notice') && m.includes('a fork PR'))).toBe(true);
    expect(gh.comments).toEqual([]);
  });

  test('links use GITHUB_SERVER_URL and the PR head', async () => {
    await publishGateComment(octokit, runContext(env, event), FAIL, { comment: 'always', instance: 'job-a', payloadDir: tmpdir() }, log);
    expect(gh.comments[0]!.body).toContain(`](https://ghe.example/${OWNER}/${REPO}/blob/${HEAD}/tests/`);
  });

  test('push (no PR): no API call at all', async () => {
    const r = await publishGateComment(octokit, runContext({ ...env, GITHUB_EVENT_NAME: 'push' }, {}), FAIL, { comment: 'always', instance: 'job-a', payloadDir: tmpdir() }, log);
    expect(r.comment).toMatchObject({ action: 'skipped', reason: 'not a pull_request run' });
    expect(gh.requests).toEqual([]);
  });

  test('comment: off makes no API call', async () => {
    await publishGateComment(octokit, runContext(env, event), FAIL, { comment: 'off', instance: 'job-a', payloadDir: tmpdir() }, log);
    expect(gh.requests).toEqual([]);
  });
});

describe('GitHub Enterprise Server layout', () => {
  test('REST under /api/v3 and GraphQL at /api/graphql', async () => {
    const ghes = await startGithubServer({ prefix: '/api/v3' });
    try {
      const client = createOctokit(BOT_TOKEN, ghes.apiUrl);
      expect(ghes.apiUrl).toMatch(/\/api\/v3$/);
      await publishComment(client, PR, FAIL, { instance: 'e', mode: 'always', linkBase, retry: fast });
      expect(await publishComment(client, PR, PASS, { instance: 'e', mode: 'always', linkBase, retry: fast })).toMatchObject({ action: 'updated' });
      expect(ghes.comments).toHaveLength(1);
      expect(ghes.requests.some((r) => r.path === '/graphql')).toBe(true);
    } finally {
      await ghes.close();
    }
  });
});
