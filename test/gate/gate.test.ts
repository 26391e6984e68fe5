import { describe, expect, test } from '@jest/globals';
import { decide } from '../../src/gate/gate.js';
import type { CheckResult, CheckStatus } from '../../src/model/check.js';

const phases = ['setup', 'quality', 'tests', 'coverage', 'security'];
const r = (id: string, phase: string, status: CheckStatus, summary = ''): CheckResult => ({ id, phase, status, summary, durationMs: 1, exitCode: 0, findings: [] });
const all = (over: Record<string, CheckStatus> = {}): CheckResult[] =>
  [r('uv-sync', 'setup', 'passed'), r('ruff-check', 'quality', 'passed'), r('pytest', 'tests', 'passed'), r('coverage', 'coverage', 'passed'), r('bandit', 'security', 'passed')].map((c) => ({
    ...c,
    status: over[c.id] ?? c.status,
    summary: over[c.id] ? `${c.id} says ${over[c.id]}` : '',
  }));

describe('decide', () => {
  test('everything passes: phase 4 reached, pass', () => {
    const d = decide(phases, 4, all());
    expect(d).toMatchObject({ verdict: 'pass', phaseReached: 4, blockedBy: null });
  });

  test('a failure after the gate is advisory', () => {
    const d = decide(phases, 2, all({ bandit: 'failed' }));
    expect(d.verdict).toBe('pass');
    expect(d.phaseReached).toBe(3);
    expect(d.why).toMatch(/advisory phase not passing: security/);
  });

  test('a failure at or before the gate blocks, with the reason', () => {
    const d = decide(phases, 3, all({ pytest: 'failed' }));
    expect(d).toMatchObject({ verdict: 'fail', phaseReached: 1, blockedBy: 'tests' });
    expect(d.why).toBe('blocked at tests (gate: coverage): pytest failed: pytest says failed');
  });

  test('an error never counts as a pass', () => {
    const d = decide(phases, 4, all({ bandit: 'error' }));
    expect(d.verdict).toBe('fail');
    expect(d.phases[4]!.status).toBe('error');
    expect(d.why).toMatch(/bandit could not run/);
  });

  test('setup failing gives phase -1', () => {
    expect(decide(phases, 0, all({ 'uv-sync': 'failed' })).phaseReached).toBe(-1);
  });

  test('skipped phases neither block nor stop the count', () => {
    const d = decide(phases, 4, all({ bandit: 'skipped' }));
    expect(d).toMatchObject({ verdict: 'pass', phaseReached: 4 });
    expect(d.phases[4]!.status).toBe('skipped');
    expect(d.why).toBe('every phase up to the gate (security) passed, except security, where nothing ran (every check disabled or skipped)');
  });

  test('a verdict where nothing ran up to the gate says so', () => {
    const d = decide(['setup'], 0, [r('uv', 'setup', 'skipped')]);
    expect(d).toMatchObject({ verdict: 'pass', why: 'nothing ran up to the gate (setup): every check was disabled or skipped' });
  });

  test('a check in an unknown phase is refused, not dropped', () => {
    expect(() => decide(phases, 4, [...all(), r('x', 'deploy', 'passed')])).toThrow(/unknown phase/);
  });
});
