import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockedPackages, PINNED_TOOLS, toolCommand, type ToolSources } from '../../src/checks/tools.js';
import { normalizeName } from '../../src/project/names.js';
import { countRequirements, selectionArgs } from '../../src/checks/security-checks.js';
import { FIXTURES } from '../support/project.js';

describe('tool resolution', () => {
  test('the pinned table holds the versions the issue names', () => {
    expect(PINNED_TOOLS).toEqual({ uv: '0.13.8', ruff: '0.17.5', mypy: '2.4.1', pytest: '9.2.0', 'pytest-cov': '7.1.0', coverage: '7.17.5', 'pip-audit': '2.10.1', bandit: '1.9.4', pyright: '1.1.414' });
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

  test('the project’s copy wins; then the project’s pin; else the action’s, isolated or layered onto the project', () => {
    const from = (installed: (t: string) => boolean, pins: ToolSources['pins'] = {}): ToolSources => ({ uv: 'uv', installedInProject: installed, pins });
    const none = () => false;
    const pytestOnly = (t: string) => t === 'pytest';
    expect(toolCommand(from(none), 'ruff', 'isolated')).toEqual({ argv: ['uv', 'tool', 'run', '--from', 'ruff==0.17.5', 'ruff'], source: "ruff 0.17.5 (the action's pin)" });
    expect(toolCommand(from(none), 'mypy', 'import-project').argv).toEqual(['uv', 'run', '--no-sync', '--with', 'mypy==2.4.1', 'mypy']);
    expect(toolCommand(from(none), 'pytest', 'import-project', ['pytest-cov']).argv).toEqual(['uv', 'run', '--no-sync', '--with', 'pytest==9.2.0', '--with', 'pytest-cov==7.1.0', 'pytest']);
    expect(toolCommand(from(pytestOnly), 'pytest', 'import-project', ['pytest-cov'])).toEqual({ argv: ['uv', 'run', '--no-sync', '--with', 'pytest-cov==7.1.0', 'pytest'], source: "pytest from the project's environment" });
    const pinned = from(none, { ruff: { requirement: '>=0.4,<0.5', source: '[tool.ruff] required-version' }, mypy: { requirement: '==1.10.0', source: '.pre-commit-config.yaml (pre-commit/mirrors-mypy rev v1.10.0)' } });
    expect(toolCommand(pinned, 'ruff', 'isolated')).toEqual({ argv: ['uv', 'tool', 'run', '--from', 'ruff>=0.4,<0.5', 'ruff'], source: 'ruff>=0.4,<0.5 from [tool.ruff] required-version' });
    expect(toolCommand(pinned, 'mypy', 'import-project').argv).toEqual(['uv', 'run', '--no-sync', '--with', 'mypy==1.10.0', 'mypy']);
    // Installed in the project's environment beats a pin elsewhere.
    expect(toolCommand({ ...pinned, installedInProject: (t) => t === 'ruff' }, 'ruff', 'isolated').argv).toEqual(['uv', 'run', '--no-sync', 'ruff']);
  });

  test('selectionArgs: what the sync installs (extras, groups, packages) reaches uv export; other sync flags do not', () => {
    expect(selectionArgs(['--all-extras', '--group', 'docs', '--extra=cli', '--no-dev', '--frozen', '--compile-bytecode', '--python', '3.12', '--package', 'mcp'])).toEqual(['--all-extras', '--group', 'docs', '--extra=cli', '--no-dev', '--package', 'mcp']);
    expect(selectionArgs(['--group'])).toEqual([]);
  });

  test('countRequirements: uv export lines, continuations, comments, hashes', () => {
    const hashed = readFileSync(join(REPORTS, 'vulnerable', 'requirements.txt'), 'utf8');
    expect(countRequirements(hashed)).toEqual({ total: 1, unhashed: 0 });
    expect(countRequirements('# only comments\n#    uv export\n')).toEqual({ total: 0, unhashed: 0 });
    expect(countRequirements('-e ./local\nfoo==1.0  # pinned\nbar @ git+https://x/y#egg=bar\n')).toEqual({ total: 2, unhashed: 2 });
  });
});

const REPORTS = join(FIXTURES, '..', 'reports');
