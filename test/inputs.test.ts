import { describe, expect, test } from '@jest/globals';
import { ConfigError, resolveConfig } from '../src/inputs.js';

const project = '/p';
const py = (body: string): string => `[project]\nname = "x"\nversion = "0"\n${body}`;

describe('resolveConfig', () => {
  test('defaults: five phases, gate on the last, floor 80, mypy', () => {
    const c = resolveConfig(project, py(''));
    expect(c.phases).toEqual(['setup', 'quality', 'tests', 'coverage', 'security']);
    expect(c.gateIndex).toBe(4);
    expect(c.coverageFloor).toBe(80);
    expect(c.coverageFloorSource).toBe('default');
    expect(c.diffCoverageFloor).toBe(80);
    expect(c.typeChecker).toBe('mypy');
    expect(c.failFast).toBe(false);
    expect(c.checks.bandit).toEqual({ enabled: true, phase: 'security', args: [], timeoutSec: 900 });
  });

  test('coverage floor: input beats [tool.nebula-gate] beats fail_under', () => {
    const text = py('[tool.coverage.report]\nfail_under = 70\n');
    expect(resolveConfig(project, text).coverageFloor).toBe(70);
    expect(resolveConfig(project, text).coverageFloorSource).toBe('[tool.coverage.report] fail_under');
    const withGate = `${text}[tool.nebula-gate]\ncoverage-floor = 75\n`;
    expect(resolveConfig(project, withGate).coverageFloor).toBe(75);
    expect(resolveConfig(project, withGate, { coverageFloor: '90' }).coverageFloor).toBe(90);
  });

  test('gate by name or number; a bad one names the allowed phases', () => {
    expect(resolveConfig(project, py(''), { gate: 'tests' }).gateIndex).toBe(2);
    expect(resolveConfig(project, py(''), { gate: '1' }).gateIndex).toBe(1);
    expect(() => resolveConfig(project, py(''), { gate: 'deploy' })).toThrow(/gate: "deploy" is not a phase; use one of setup, quality, tests, coverage, security/);
  });

  test('unknown keys and bad values name the key and the allowed values', () => {
    expect(() => resolveConfig(project, py('[tool.nebula-gate]\ngaet = "tests"\n'))).toThrow(/\[tool.nebula-gate\].gaet: unknown key/);
    expect(() => resolveConfig(project, py('[tool.nebula-gate.bandit]\nseverity = "extreme"\n'))).toThrow(/bandit-severity: "extreme" is not allowed; use one of low, medium, high/);
    expect(() => resolveConfig(project, py('[tool.nebula-gate]\ncoverage-floor = 101\n'))).toThrow(/coverage-floor: 101 is not a percentage/);
    expect(() => resolveConfig(project, py(''), { typeChecker: 'pytype' })).toThrow(/type-checker: "pytype" is not allowed; use one of auto, mypy, pyright/);
    expect(() => resolveConfig(project, py(''), { disable: 'uv-sync' })).toThrow(ConfigError);
    expect(() => resolveConfig(project, py(''), { disable: 'flake8' })).toThrow(/"flake8" is not a check/);
    expect(() => resolveConfig(project, 'not = [toml')).toThrow(/not valid TOML/);
  });

  test('type checker follows the project configuration', () => {
    expect(resolveConfig(project, py('[tool.pyright]\ninclude = ["src"]\n')).typeChecker).toBe('pyright');
    expect(resolveConfig(project, py('[tool.pyright]\n[tool.mypy]\n')).typeChecker).toBe('mypy');
    expect(resolveConfig(project, py('[tool.pyright]\ninclude = ["src"]\n')).typeCheckerHasFiles).toBe(true);
    expect(resolveConfig(project, py('[tool.mypy]\nstrict = true\n')).typeCheckerHasFiles).toBe(false);
  });

  test('per-check tables, custom checks and renamed phases', () => {
    const c = resolveConfig(
      project,
      py(`[tool.nebula-gate]
phases = ["setup", "lint", "tests", "coverage", "security"]
gate = "lint"
[tool.nebula-gate.ruff-format]
phase = "lint"
[tool.nebula-gate.ruff-check]
phase = "lint"
args = ["--select", "E"]
[tool.nebula-gate.types]
phase = "lint"
timeout = 30
[[tool.nebula-gate.custom]]
id = "docs"
phase = "lint"
command = "uv run python -c 'print(1)'"
junit = "out/junit.xml"
`),
    );
    expect(c.gateIndex).toBe(1);
    expect(c.checks['ruff-check']).toMatchObject({ phase: 'lint', args: ['--select', 'E'] });
    expect(c.checks.types.timeoutSec).toBe(30);
    expect(c.custom).toEqual([{ id: 'docs', phase: 'lint', command: ['uv', 'run', 'python', '-c', 'print(1)'], junit: 'out/junit.xml', cobertura: null, timeoutSec: 900 }]);
  });

  test('a renamed phase list must still place every built-in check', () => {
    expect(() => resolveConfig(project, py('[tool.nebula-gate]\nphases = ["setup", "lint", "tests", "coverage", "security"]\n'))).toThrow(
      /ruff-format.phase: "quality" is not a phase/,
    );
  });

  test('disable and per-check args from inputs', () => {
    const c = resolveConfig(project, py(''), { disable: 'bandit, pip-audit', args: { pytest: '-k "not slow" -x' } });
    expect(c.checks.bandit.enabled).toBe(false);
    expect(c.checks['pip-audit'].enabled).toBe(false);
    expect(c.checks.pytest.args).toEqual(['-k', 'not slow', '-x']);
  });
});
