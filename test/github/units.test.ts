/** The pure parts of src/github: inputs, instance ids, context, retries, the digest and the comment's size. */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { readActionInputs } from '../../src/action/inputs.js';

const readPublishInputs = (get: (name: string) => string) => readActionInputs(get).publish;
import { instanceId, runContext } from '../../src/github/context.js';
import { withRetries } from '../../src/github/retry.js';
import { commentBody, decodeDigest, encodeDigest, markerFor, nextDigest, snapshot } from '../../src/github/comment.js';
import { deltaLine } from '../../src/render/delta.js';
import { failingReport, failure, report, structure } from '../render/factory.js';

const inputs = (values: Record<string, string>) => readPublishInputs((name) => values[name] ?? '');

describe('readPublishInputs', () => {
  test('defaults', () => {
    expect(inputs({})).toEqual({ comment: 'always', commentId: '', annotations: 'workflow-commands', token: '', payloadPath: 'nebula-gate-comment' });
  });
  test('bad values name the allowed ones', () => {
    expect(() => inputs({ comment: 'sometimes' })).toThrow('comment: "sometimes" is not allowed; use one of off, always, on-failure, on-change');
    expect(() => inputs({ mode: 'publish' })).toThrow(/use one of gate, post/);
    expect(() => inputs({ annotations: 'all' })).toThrow(/use one of workflow-commands, check-run/);
    expect(() => inputs({ 'comment-id': 'a b -->' })).toThrow(/comment-id/);
  });
});

describe('context', () => {
  test('instance ids: given, else stable per workflow + job + working directory', () => {
    const ctx = { workflow: 'CI', job: 'gate' };
    expect(instanceId('py311', ctx, '.')).toBe('py311');
    expect(instanceId('', ctx, '.')).toMatch(/^[0-9a-f]{16}$/);
    expect(instanceId('', ctx, '.')).toBe(instanceId('', ctx, './'));
    expect(instanceId('', ctx, 'a')).not.toBe(instanceId('', ctx, 'b'));
    expect(instanceId('', { ...ctx, job: 'other' }, '.')).not.toBe(instanceId('', ctx, '.'));
  });
  test('GHES URLs and the PR from the event', () => {
    const c = runContext({ GITHUB_SERVER_URL: 'https://ghe.corp/', GITHUB_API_URL: 'https://ghe.corp/api/v3', GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'pull_request' }, {
      pull_request: { number: 3, base: { sha: 'A'.repeat(40), repo: { full_name: 'o/r' } }, head: { sha: 'b'.repeat(40), repo: { full_name: 'fork/r' } } },
    });
    expect(c).toMatchObject({ serverUrl: 'https://ghe.corp', apiUrl: 'https://ghe.corp/api/v3', owner: 'o', repo: 'r', workflowRun: null });
    expect(c.pullRequest).toEqual({ number: 3, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40), baseRepo: 'o/r', headRepo: 'fork/r', fork: true });
    expect(runContext({}, {}).apiUrl).toBe('https://api.github.com');
  });
});

describe('withRetries', () => {
  const err = (status: number, headers: Record<string, string> = {}, message = 'x') => Object.assign(new Error(message), { status, response: { headers } });
  test('honours retry-after, backs off on 5xx, stops at the attempt limit, never retries 403/404/422', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let n = 0;
    await withRetries(async () => (++n < 3 ? Promise.reject(err(n === 1 ? 429 : 503, n === 1 ? { 'retry-after': '7' } : {})) : 'ok'), { sleep, baseDelayMs: 100 });
    expect(waits).toEqual([7000, 200]);
    for (const status of [403, 404, 422]) {
      let calls = 0;
      await expect(withRetries(async () => { calls++; throw err(status); }, { sleep })).rejects.toThrow();
      expect(calls).toBe(1);
    }
    let calls = 0;
    await expect(withRetries(async () => { calls++; throw err(500); }, { sleep, attempts: 3 })).rejects.toThrow();
    expect(calls).toBe(3);
    // A wait longer than the cap is not waited for.
    calls = 0;
    await expect(withRetries(async () => { calls++; throw err(429, { 'retry-after': '3600' }); }, { sleep })).rejects.toThrow();
    expect(calls).toBe(1);
  });
});

describe('digest and delta', () => {
  test('round trip; malformed digests are ignored', () => {
    const d = nextDigest(snapshot(report()), null);
    expect(decodeDigest(`x\n${encodeDigest(d)}\n`)).toEqual(d);
    expect(decodeDigest('<!-- nebula-gate:digest=!!! -->')).toBeNull();
    expect(decodeDigest(`<!-- nebula-gate:digest=${Buffer.from('{"v":1,"now":{"verdict":"maybe"}}').toString('base64url')} -->`)).toBeNull();
  });
  test('a re-run with the same results keeps the old baseline, so the delta line stays', () => {
    const before = snapshot(failingReport(3));
    const after = snapshot(report());
    const d1 = nextDigest(after, nextDigest(before, null));
    expect(deltaLine(d1)).toMatch(/verdict ❌ → ✅/);
    const d2 = nextDigest(after, d1);
    expect(d2.prev).toEqual(d1.prev);
    expect(deltaLine(d2)).toBe(deltaLine(d1));
  });
});

describe('comment size', () => {
  test('10,000 failing tests with long multibyte names, with marker, delta and digest: ≤ 65,536, balanced', () => {
    const r = failingReport(10_000, (i) => failure(i, { name: `тест_名前_🙂_${i}_`.repeat(30), details: `Traceback 🙂\n${'ж'.repeat(4000)}` }));
    const previous = nextDigest(snapshot(report()), null);
    const { body } = commentBody(r, { instance: 'x', linkBase: null, previous });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.startsWith(`${markerFor('x')}\n`)).toBe(true);
    expect(body).toContain('**Since the previous run:**');
    expect(decodeDigest(body)?.now.failing).toBe(10_000);
    expect(structure(body).balanced).toBe(true);
  });

  test('property: any budget, the digest survives and the body stays within it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 2000, max: 65_536 }), (n, budget) => {
        const { body } = commentBody(failingReport(n), { instance: 'p', linkBase: null, previous: null, budget });
        return body.length <= Math.max(budget, 2000) && decodeDigest(body) !== null && structure(body).balanced;
      }),
      { numRuns: runs(25) },
    );
  });
});
