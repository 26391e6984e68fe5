import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockedPackages, normalizeName, PINNED_TOOLS, toolCommand } from '../../src/checks/tools.js';
import { countRequirements } from '../../src/checks/builtin.js';
import { FIXTURES } from '../support/project.js';

describe('tool resolution', () => {
  test('the pinned table holds the versions the issue names', () => {
    expect(PINNED_TOOLS).toEqual({ uv: '0.13.8', ruff: '0.17.5', mypy: '2.4.1', pytest: '9.2.0', 'pytest-cov': '7.1.0', 'pip-audit': '2.10.1', bandit: '1.9.4', pyright: '1.1.414' });
  });

  test('lockedPackages reads the real uv.lock of a project that pins its tools', () => {
    const pinned = lockedPackages(readFileSync(join(FIXTURES, 'pinned-tools', 'uv.lock'), 'utf8'));
    expect(pinned.has('ruff')).toBe(true);
    expect(pinned.has('pytest')).toBe(true);
    expect(pinned.has('mypy')).toBe(false);
    expect([...lockedPackages(readFileSync(join(FIXTURES, 'demo', 'uv.lock'), 'utf8'))]).toEqual(['humanunits']);
    expect(lockedPackages(null).size).toBe(0);
    expect(normalizeName('Foo_Bar.baz')).toBe('foo-bar-baz');
  });

  test('the project’s copy wins; otherwise isolated or layered onto the project', () => {
    const none = () => false;
    const pytestOnly = (t: string) => t === 'pytest';
    expect(toolCommand('uv', 'ruff', 'isolated', none)).toEqual({ argv: ['uv', 'tool', 'run', 'ruff@0.17.5'], source: 'pinned' });
    expect(toolCommand('uv', 'mypy', 'import-project', none).argv).toEqual(['uv', 'run', '--no-sync', '--with', 'mypy==2.4.1', 'mypy']);
    expect(toolCommand('uv', 'pytest', 'import-project', none, ['pytest-cov']).argv).toEqual(['uv', 'run', '--no-sync', '--with', 'pytest==9.2.0', '--with', 'pytest-cov==7.1.0', 'pytest']);
    expect(toolCommand('uv', 'pytest', 'import-project', pytestOnly, ['pytest-cov'])).toEqual({ argv: ['uv', 'run', '--no-sync', '--with', 'pytest-cov==7.1.0', 'pytest'], source: 'project' });
  });

  test('countRequirements: uv export lines, continuations, comments, hashes', () => {
    const hashed = readFileSync(join(REPORTS, 'vulnerable', 'requirements.txt'), 'utf8');
    expect(countRequirements(hashed)).toEqual({ total: 1, unhashed: 0 });
    expect(countRequirements('# only comments\n#    uv export\n')).toEqual({ total: 0, unhashed: 0 });
    expect(countRequirements('-e ./local\nfoo==1.0  # pinned\nbar @ git+https://x/y#egg=bar\n')).toEqual({ total: 2, unhashed: 2 });
  });
});

const REPORTS = join(FIXTURES, '..', 'reports');
