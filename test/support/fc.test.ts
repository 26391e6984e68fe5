/** The run-count rule of test/support/fc.ts: full in CI, a tenth locally, an explicit count when asked. */
import { describe, expect, test } from '@jest/globals';
import { runs } from './fc.js';

describe('runs(n)', () => {
  test('the full count under CI or FC_RUNS=full', () => {
    expect(runs(3000, { CI: 'true' })).toBe(3000);
    expect(runs(3000, { CI: '1' })).toBe(3000);
    expect(runs(3000, { FC_RUNS: 'full' })).toBe(3000);
  });

  test('a tenth, at least 10 and at most n, outside CI (CI empty, false or 0 counts as unset) or with FC_RUNS=quick', () => {
    expect(runs(3000, {})).toBe(300);
    expect(runs(3000, { CI: 'false' })).toBe(300);
    expect(runs(3000, { CI: '0' })).toBe(300);
    expect(runs(3000, { CI: '' })).toBe(300);
    expect(runs(3000, { CI: 'true', FC_RUNS: 'quick' })).toBe(300);
    expect(runs(25, {})).toBe(10);
    expect(runs(5, {})).toBe(5);
  });

  test('FC_RUNS=<number> is that count for every property, CI or not', () => {
    expect(runs(3000, { FC_RUNS: '7' })).toBe(7);
    expect(runs(15, { FC_RUNS: '20000', CI: 'true' })).toBe(20000);
  });

  test('anything else in FC_RUNS is refused, not guessed', () => {
    for (const bad of ['0', '-5', '1.5', 'all', '10x']) expect(() => runs(100, { FC_RUNS: bad })).toThrow(/FC_RUNS/);
  });
});
