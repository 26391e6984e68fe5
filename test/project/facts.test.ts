import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectCoverageFloor, projectLayout } from '../../src/project/facts.js';

/** A project laid out from a map of file → content. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-layout-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const py = (extra = ''): string => `[project]\nname = "x"\nversion = "0"\n${extra}`;

describe('projectLayout', () => {
  test('a uv workspace: members from their globs (exclude honoured), each member\'s sources', () => {
    const dir = project({
      'pyproject.toml': py('[tool.uv.workspace]\nmembers = ["packages/*", "tools/cli"]\nexclude = ["packages/old"]\n'),
      'packages/core/pyproject.toml': py(),
      'packages/core/src/core/__init__.py': '',
      'packages/web/pyproject.toml': py(),
      'packages/web/web/__init__.py': '',
      'packages/old/pyproject.toml': py(),
      'packages/notes/README.md': 'not a member: no pyproject.toml',
      'tools/cli/pyproject.toml': py(),
      'tools/cli/main.py': '',
    });
    expect(projectLayout(dir)).toMatchObject({ workspace: true, allPackages: true, members: ['packages/core', 'packages/web', 'tools/cli'], sources: ['packages/core/src', 'packages/web/web', 'tools/cli'] });
  });

  test('a workspace whose root is a package: plain `uv sync`, and only the members it reaches are measured', () => {
    const build = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n';
    const member = (name: string, deps: string[] = []) => `[project]\nname = "${name}"\nversion = "0"\ndependencies = ${JSON.stringify(deps)}\n${build}`;
    const dir = project({
      'pyproject.toml': `[project]\nname = "app"\nversion = "0"\ndependencies = ["Core_Lib[fast]>=1; python_version > '3'"]\n${build}[tool.uv.workspace]\nmembers = ["libs/*", "examples/*"]\n[dependency-groups]\ndev = ["pytest", "testing-kit"]\n`,
      'src/app/__init__.py': '',
      'libs/core/pyproject.toml': member('core-lib', ['web']),
      'libs/core/core_lib/__init__.py': '',
      'libs/web/pyproject.toml': member('web'),
      'libs/web/src/web/__init__.py': '',
      'libs/kit/pyproject.toml': member('testing.kit'),
      'libs/kit/kit/__init__.py': '',
      'examples/demo/pyproject.toml': member('demo', ['core-lib']),
      'examples/demo/demo.py': '',
    });
    expect(projectLayout(dir)).toMatchObject({ workspace: true, allPackages: false, members: ['libs/core', 'libs/kit', 'libs/web'], sources: ['src', 'libs/core/core_lib', 'libs/kit/kit', 'libs/web/src'] });
    // The same root with `package = false`, or `default-groups` naming no group with the kit: what uv would install.
    writeFileSync(join(dir, 'pyproject.toml'), `[project]\nname = "app"\nversion = "0"\n${build}[tool.uv]\npackage = false\n[tool.uv.workspace]\nmembers = ["libs/*"]\n`);
    expect(projectLayout(dir)).toMatchObject({ allPackages: true, members: ['libs/core', 'libs/kit', 'libs/web'] });
    writeFileSync(join(dir, 'pyproject.toml'), `[project]\nname = "app"\nversion = "0"\ndependencies = ["web"]\n${build}[tool.uv]\ndefault-groups = []\n[tool.uv.workspace]\nmembers = ["libs/*"]\n[dependency-groups]\ndev = ["testing-kit"]\n`);
    expect(projectLayout(dir)).toMatchObject({ allPackages: false, members: ['libs/web'] });
  });

  test('not a workspace: src, else packages, else the directory; environments are never sources', () => {
    expect(projectLayout(project({ 'pyproject.toml': py(), 'src/x/__init__.py': '' }))).toMatchObject({ workspace: false, sources: ['src'] });
    expect(projectLayout(project({ 'pyproject.toml': py(), 'x/__init__.py': '', 'tests/__init__.py': '', 'build/y/__init__.py': '', 'site-packages/z/__init__.py': '' })).sources).toEqual(['x']);
    expect(projectLayout(project({ 'pyproject.toml': py(), 'script.py': '' })).sources).toEqual(['.']);
  });

  test.each([
    [{ 'mypy.ini': '[mypy]\nfiles = src\n' }, 'mypy.ini files', null],
    [{ 'mypy.ini': '[mypy]\nstrict = True\n', 'setup.cfg': '[mypy]\nfiles = src\n' }, null, null],
    [{ '.mypy.ini': '[mypy]\nfiles: src\n' }, '.mypy.ini files', null],
    [{ 'setup.cfg': '[metadata]\nname = x\n[mypy]\nfiles = src, tests\n' }, 'setup.cfg [mypy] files', null],
    [{ 'setup.cfg': '[mypy]\nstrict = True\n[other]\nfiles = x\n' }, null, null],
    [{ 'pyproject.toml': py('[tool.mypy]\nfiles = ["src"]\n[tool.pyright]\ninclude = ["src"]\n') }, '[tool.mypy] files', '[tool.pyright] include'],
    [{ 'pyrightconfig.json': '{ "include": ["src"] }', 'pyproject.toml': py('[tool.pyright]\n') }, null, 'pyrightconfig.json include'],
  ])('type-checker targets where each tool reads them: %j', (files, mypy, pyright) => {
    expect(projectLayout(project({ 'pyproject.toml': py(), ...files })).typeTargets).toEqual({ mypy, pyright });
  });

  test.each([
    [{ 'pyproject.toml': py('[tool.coverage.report]\nfail_under = 91.5\n') }, { value: 91.5, source: '[tool.coverage.report] fail_under' }],
    [{ '.coveragerc': '[run]\nsource = x\n[report]\nfail_under = 95\n', 'pyproject.toml': py('[tool.coverage.report]\nfail_under = 10\n') }, { value: 95, source: '.coveragerc [report] fail_under' }],
    // A .coveragerc is the one file coverage.py reads: pyproject's floor does not apply beside one without it.
    [{ '.coveragerc': '[run]\nbranch = True\n', 'pyproject.toml': py('[tool.coverage.report]\nfail_under = 10\n') }, null],
    [{ 'setup.cfg': '[metadata]\nname = x\n[coverage:report]\nfail_under: 88\n' }, { value: 88, source: 'setup.cfg [coverage:report] fail_under' }],
    [{ 'tox.ini': '[tox]\n[coverage:run]\nsource = x\n', 'pyproject.toml': py('[tool.coverage.report]\nfail_under = 10\n') }, null],
    [{ 'setup.cfg': '[flake8]\n', 'pyproject.toml': py('[tool.coverage.report]\nfail_under = 70\n') }, { value: 70, source: '[tool.coverage.report] fail_under' }],
    [{ 'pyproject.toml': py('[tool.pytest.ini_options]\naddopts = "--cov=x --cov-fail-under=97"\n[tool.coverage.report]\nfail_under = 10\n') }, { value: 97, source: '[tool.pytest.ini_options] addopts --cov-fail-under' }],
    [{ 'pyproject.toml': py() }, null],
  ])('the coverage floor the project\'s own run enforces: %j', (files, floor) => {
    expect(projectCoverageFloor(project({ 'pyproject.toml': py(), ...files }))).toEqual(floor);
  });

  test.each([
    [{ 'pyproject.toml': py('[tool.coverage.run]\nomit = ["tests/*"]\n') }, '[tool.coverage.run]'],
    [{ 'pyproject.toml': py('[tool.coverage.run]\nbranch = true\n') }, null],
    [{ '.coveragerc': '[run]\nomit = tests/*\n' }, '.coveragerc [run]'],
    [{ 'setup.cfg': '[coverage:run]\nsource_pkgs = x\n' }, 'setup.cfg [coverage:run]'],
  ])('coverage.py measures by its own configuration when it says what to measure (omit alone counts): %j', (files, config) => {
    expect(projectLayout(project({ 'pyproject.toml': py(), ...files })).coverage.config).toBe(config);
  });
});
