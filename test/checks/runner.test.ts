import { describe, expect, test } from '@jest/globals';
import { runChecks } from '../../src/checks/runner.js';
import type { CheckContext, CheckDefinition } from '../../src/checks/context.js';
import type { CheckStatus } from '../../src/model/check.js';

const phases = ['setup', 'quality', 'tests', 'coverage', 'security'];
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((res) => {
    const t = setTimeout(res, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      res();
    });
  });

function def(id: string, phase: string, status: CheckStatus | 'throw', opts: { after?: string[]; requires?: string[]; ms?: number; log?: string[] } = {}): CheckDefinition & { signal?: AbortSignal } {
  const d: CheckDefinition & { signal?: AbortSignal } = {
    id,
    phase,
    after: opts.after ?? [],
    requires: opts.requires ?? [],
    timeoutSec: 10,
    async run(ctx: CheckContext) {
      opts.log?.push(`start ${id}`);
      d.signal = (ctx as unknown as { signal: AbortSignal }).signal;
      await sleep(opts.ms ?? 5, d.signal);
      opts.log?.push(`end ${id}`);
      if (status === 'throw') throw new Error('boom');
      return { status, summary: status, exitCode: 0, findings: [] };
    },
  };
  return d;
}

const ctxFor = (_f: unknown, signal: AbortSignal): CheckContext => ({ signal }) as unknown as CheckContext;
const base = { concurrency: 2, failFast: false, phases, gateIndex: 4 };

describe('runChecks', () => {
  test('runs dependencies first and returns results in definition order', async () => {
    const log: string[] = [];
    const results = await runChecks(
      [def('setup', 'setup', 'passed', { log }), def('lint', 'quality', 'passed', { after: ['setup'], requires: ['setup'], log }), def('tests', 'tests', 'passed', { after: ['setup'], requires: ['setup'], log })],
      ctxFor,
      base,
    );
    expect(results.map((r) => `${r.id}:${r.status}`)).toEqual(['setup:passed', 'lint:passed', 'tests:passed']);
    expect(log.indexOf('end setup')).toBeLessThan(log.indexOf('start lint'));
  });

  test('never runs more than the concurrency bound at once', async () => {
    let now = 0;
    let peak = 0;
    const defs: CheckDefinition[] = Array.from({ length: 6 }, (_, i) => ({
      id: `c${i}`, phase: 'quality', after: [], requires: [], timeoutSec: 1,
      async run() {
        now++;
        peak = Math.max(peak, now);
        await sleep(10);
        now--;
        return { status: 'passed' as const, summary: '', exitCode: 0, findings: [] };
      },
    }));
    await runChecks(defs, ctxFor, { ...base, concurrency: 2 });
    expect(peak).toBe(2);
  });

  test('a failed requirement skips its dependants with the reason', async () => {
    const results = await runChecks([def('sync', 'setup', 'failed'), def('pytest', 'tests', 'passed', { after: ['sync'], requires: ['sync'] })], ctxFor, base);
    expect(results[1]).toMatchObject({ id: 'pytest', status: 'skipped', summary: 'needs sync, which failed' });
  });

  test('a check that throws is an error, not a crash', async () => {
    const results = await runChecks([def('x', 'quality', 'throw')], ctxFor, base);
    expect(results[0]).toMatchObject({ status: 'error', summary: 'internal error: boom' });
  });

  test('fail-fast skips later phases and cancels running ones; same-phase checks finish', async () => {
    const slow = def('bandit', 'security', 'passed', { ms: 5000 });
    const started = Date.now();
    const results = await runChecks(
      [def('lint', 'quality', 'failed', { ms: 20 }), slow, def('format', 'quality', 'passed', { ms: 30 }), def('tests', 'tests', 'passed', { after: ['lint'] })],
      ctxFor,
      { ...base, concurrency: 2, failFast: true },
    );
    expect(Date.now() - started).toBeLessThan(2000);
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(byId.lint!.status).toBe('failed');
    expect(byId.format!.status).toBe('passed');
    expect(byId.bandit).toMatchObject({ status: 'skipped', summary: 'cancelled by fail-fast: lint failed in quality' });
    expect(byId.tests).toMatchObject({ status: 'skipped', summary: 'skipped by fail-fast: lint failed in quality' });
  });

  test('without fail-fast a failure stops nothing', async () => {
    const results = await runChecks([def('lint', 'quality', 'failed'), def('tests', 'tests', 'passed', { after: ['lint'] })], ctxFor, base);
    expect(results.map((r) => r.status)).toEqual(['failed', 'passed']);
  });

  test('cancelling the run kills what runs and never reports a pass', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('SIGINT'), 30);
    const started = Date.now();
    const results = await runChecks([def('a', 'quality', 'passed', { ms: 5000 }), def('b', 'tests', 'passed', { after: ['a'] })], ctxFor, { ...base, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(results.map((r) => `${r.id}:${r.status}:${r.summary}`)).toEqual(['a:error:cancelled (SIGINT)', 'b:error:not run: cancelled (SIGINT)']);
  });
});
