import { describe, expect, test } from '@jest/globals';
import { resolveConfig } from '../../src/config/resolve.js';
import { chooseOrder, orderFacts } from '../../src/gate/order.js';

const actions = (eventName: string, ref: string, defaultBranch: string | null = 'main') => ({ actions: true, eventName, ref, defaultBranch });

describe('the order the checks run in (SECURITY R9)', () => {
  test.each([
    ['pull_request', 'refs/pull/7/merge', 'strict'],
    ['pull_request', 'refs/heads/main', 'strict'],
    ['push', 'refs/heads/main', 'overlap'],
    ['push', 'refs/heads/feature', 'strict'],
    ['schedule', 'refs/heads/main', 'overlap'],
    ['workflow_dispatch', 'refs/heads/main', 'overlap'],
    ['workflow_dispatch', 'refs/heads/release', 'strict'],
    ['merge_group', 'refs/heads/gh-readonly-queue/main/pr-1', 'strict'],
  ])('auto on %s at %s: %s', (event, ref, order) => {
    expect(chooseOrder('auto', actions(event, ref))).toBe(order);
    expect(chooseOrder('', actions(event, ref))).toBe(order);
  });

  test('a push when the event names no default branch is not trusted', () => {
    expect(chooseOrder(undefined, actions('push', 'refs/heads/main', null))).toBe('strict');
  });

  test('outside GitHub Actions (a developer’s machine) auto overlaps; an explicit choice always wins', () => {
    expect(chooseOrder('auto', { actions: false, eventName: '', ref: '', defaultBranch: null })).toBe('overlap');
    expect(chooseOrder('strict', { actions: false, eventName: '', ref: '', defaultBranch: null })).toBe('strict');
    expect(chooseOrder('overlap', actions('pull_request', 'refs/pull/7/merge'))).toBe('overlap');
  });

  test('the facts come from the runner’s variables and the event’s repository', () => {
    expect(orderFacts({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/trunk' }, { repository: { default_branch: 'trunk' } })).toEqual(actions('push', 'refs/heads/trunk', 'trunk'));
    expect(orderFacts({}, null)).toEqual({ actions: false, eventName: '', ref: '', defaultBranch: null });
  });

  test('the project cannot choose it: `order` in [tool.nebula-gate] is an unknown key; a bad value names the choices', () => {
    const py = (body: string) => `[project]\nname = "x"\nversion = "0"\n${body}`;
    expect(() => resolveConfig('/p', py('[tool.nebula-gate]\norder = "overlap"\n'))).toThrow(/\[tool.nebula-gate\].order: unknown key/);
    expect(() => resolveConfig('/p', py(''), { order: 'fast' })).toThrow(/order: "fast" is not allowed; use one of strict, overlap/);
    expect(resolveConfig('/p', py(''), { order: 'strict' }).order).toBe('strict');
  });
});
