import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { projectFilesHash, runnerImage, shouldSave, uvCacheKey, venvCacheKey, type VenvKeyParts } from '../../src/cache/key.js';

const parts: VenvKeyParts = {
  os: 'linux', arch: 'x64', image: 'ubuntu24-20261116.1', pythonVersion: '3.12.7', pythonPath: '/opt/hostedtoolcache/Python/3.12.7/x64/bin/python3',
  uvVersion: '0.13.8', filesHash: projectFilesHash([{ name: 'uv.lock', content: 'a' }]), suffix: '',
};

describe('cache keys', () => {
  test('every part changes the key', () => {
    const k = venvCacheKey(parts);
    expect(k).toMatch(/^nebula-gate-v2-venv-linux-x64-ubuntu24-20261116\.1-py3\.12\.7-[0-9a-f]{16}-uv0\.13\.8-[0-9a-f]{64}$/);
    const variants: Partial<VenvKeyParts>[] = [
      { os: 'darwin' }, { arch: 'arm64' }, { image: 'ubuntu22-1' }, { pythonVersion: '3.12.8' }, { pythonPath: '/usr/bin/python3' },
      { uvVersion: '0.13.9' }, { filesHash: projectFilesHash([{ name: 'uv.lock', content: 'b' }]) }, { suffix: 'x' },
    ];
    for (const v of variants) expect(venvCacheKey({ ...parts, ...v })).not.toBe(k);
    expect(uvCacheKey(parts)).toMatch(/^nebula-gate-v2-uv-cache-linux-x64-uv0\.13\.8-[0-9a-f]{64}$/);
  });

  test('a lock, pyproject or .python-version change changes the hash; moving bytes between files does too', () => {
    const h = (lock: string | null, py: string | null, pv: string | null) =>
      projectFilesHash([{ name: 'uv.lock', content: lock }, { name: 'pyproject.toml', content: py }, { name: '.python-version', content: pv }]);
    const base = h('L', 'P', '3.12');
    expect(h('L2', 'P', '3.12')).not.toBe(base);
    expect(h('L', 'P2', '3.12')).not.toBe(base);
    expect(h('L', 'P', null)).not.toBe(base);
    expect(h('L', 'P', '')).not.toBe(h('L', 'P', null));
    expect(h('LP', '', '3.12')).not.toBe(h('L', 'P', '3.12'));
  });

  test('never over 512 characters, never a comma, whatever the parts (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 300 }), fc.string(), (image, suffix, pythonVersion) => {
      const k = venvCacheKey({ ...parts, image, suffix, pythonVersion });
      expect(k.length).toBeLessThanOrEqual(512);
      expect(k).not.toMatch(/[,\s]/);
    }));
  });

  test('the runner image comes from ImageOS and ImageVersion', () => {
    expect(runnerImage({ ImageOS: 'ubuntu24', ImageVersion: '20261116.1' })).toBe('ubuntu24-20261116.1');
    expect(runnerImage({})).toBe('');
  });
});

describe('R6.1: who may write the cache', () => {
  test.each([
    ['pull_request', 'refs/pull/7/merge', 'main', true],
    ['push', 'refs/heads/main', 'main', true],
    ['schedule', 'refs/heads/main', 'main', true],
    ['workflow_dispatch', 'refs/heads/main', 'main', true],
    ['push', 'refs/heads/feature', 'main', false],
    ['workflow_dispatch', 'refs/heads/release', 'main', false],
    ['push', 'refs/tags/v1', 'main', false],
    ['push', 'refs/heads/main', null, false],
    ['pull_request_target', 'refs/heads/main', 'main', false],
    ['workflow_run', 'refs/heads/main', 'main', false],
    ['issue_comment', 'refs/heads/main', 'main', false],
    ['merge_group', 'refs/heads/gh-readonly-queue/main/x', 'main', false],
    ['', '', null, false],
  ] as const)('%s on %s (default %s) → %s', (event, ref, def, expected) => {
    const r = shouldSave(event, ref, def);
    expect(r.save).toBe(expected);
    expect(r.why).not.toBe('');
  });
});
