import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readActionInputs } from '../src/action/inputs.js';
import { ConfigError } from '../src/config/errors.js';
import { CONFIG_INPUTS, OPTIONS } from '../src/config/options.js';
import { resolveConfig } from '../src/config/resolve.js';
import { USAGE } from '../src/cli.js';
import { REPO_ROOT } from './support/project.js';

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
    expect(() => resolveConfig(project, py('[tool.nebula-gate.bandit]\nseverity = "extreme"\n'))).toThrow(/\[tool.nebula-gate.bandit\] severity: "extreme" is not allowed; use one of low, medium, high/);
    expect(() => resolveConfig(project, py('[tool.nebula-gate]\ncoverage-floor = 101\n'))).toThrow(/coverage-floor: 101 is not a percentage/);
    expect(() => resolveConfig(project, py(''), { typeChecker: 'pytype' })).toThrow(/type-checker: "pytype" is not allowed; use one of auto, mypy, pyright/);
    expect(() => resolveConfig(project, py(''), { disable: 'uv-sync' })).toThrow(ConfigError);
    expect(() => resolveConfig(project, py(''), { disable: 'flake8' })).toThrow(/"flake8" is not a check/);
    expect(() => resolveConfig(project, 'not = [toml')).toThrow(/not valid TOML/);
  });

  test('a custom check reads its reports inside the project only', () => {
    const custom = (key: string, path: string): string => py(`[[tool.nebula-gate.custom]]\nid = "c"\ncommand = "true"\nphase = "tests"\n${key} = ${JSON.stringify(path)}\n`);
    for (const path of ['../../etc/passwd', '/etc/passwd', 'out/../../x.xml', 'C:\\x.xml', '..']) {
      expect(() => resolveConfig(project, custom('junit', path))).toThrow(/\.junit: ".*" is outside the project; give a path relative to the project directory/);
    }
    expect(() => resolveConfig(project, custom('cobertura', '/tmp/c.xml'))).toThrow(/\.cobertura: "\/tmp\/c\.xml" is outside the project/);
    expect(resolveConfig(project, custom('junit', 'out/./reports/../junit.xml')).custom[0]!.junit).toBe('out/./reports/../junit.xml');
  });

  test('type checker follows the project configuration', () => {
    expect(resolveConfig(project, py('[tool.pyright]\ninclude = ["src"]\n')).typeChecker).toBe('pyright');
    expect(resolveConfig(project, py('[tool.pyright]\n[tool.mypy]\n')).typeChecker).toBe('mypy');
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

  test('a timeout below one second and a phase name outside the plain pattern are refused', () => {
    expect(() => resolveConfig(project, py(''), { timeout: '1e-9' })).toThrow(/timeout: "1e-9" is not a timeout; use a number of seconds from 1 to 21600/);
    expect(() => resolveConfig(project, py('[tool.nebula-gate]\ntimeout = 0.5\n'))).toThrow(/\[tool.nebula-gate\] timeout: 0.5 is not a timeout/);
    expect(() => resolveConfig(project, py('[tool.nebula-gate]\nphases = ["setup", "::warning::x"]\n'))).toThrow(/phases: "::warning::x" is not a phase name/);
  });

  test('python-version takes what uv takes, never an option', () => {
    for (const v of ['3.12', '>=3.11,<3.14', '3.13t', 'pypy3.10', '/usr/bin/python3', 'cpython-3.12.4-linux-x86_64-gnu']) {
      expect(resolveConfig(project, py(''), { pythonVersion: v }).pythonVersion).toBe(v);
    }
    expect(() => resolveConfig(project, py(''), { pythonVersion: '--help' })).toThrow(/may not start with -/);
    expect(() => resolveConfig(project, py(''), { pythonVersion: '3.12\n--x' })).toThrow(/python-version/);
  });

  test('the resolved configuration is frozen all the way down', () => {
    const c = resolveConfig(project, py(''));
    expect(Object.isFrozen(c) && Object.isFrozen(c.checks) && Object.isFrozen(c.checks.pytest) && Object.isFrozen(c.checks.pytest.args)).toBe(true);
    expect(() => (c.checks.pytest.args as string[]).push('-x')).toThrow(TypeError);
  });
});

describe('one table for inputs, flags and config keys', () => {
  const actionYml = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');

  test.each(CONFIG_INPUTS)('input %s of the table is declared in action.yml', (input) => {
    expect(actionYml).toMatch(new RegExp(`^ {2}${input}:\\s*$`, 'm'));
  });

  test.each(OPTIONS.map((o) => [o.flag, o.name] as const))('flag --%s (%s) is in the CLI help', (flag) => {
    expect(USAGE).toMatch(new RegExp(`^ {2}--${flag}(?![a-z-])`, 'm'));
  });

  test('an input, a flag and a config key of one setting resolve to the same value', () => {
    for (const [value, expected] of [['tests', 2], ['1', 1]] as const) {
      const viaInput = resolveConfig(project, py(''), readActionInputs((n) => (n === 'gate' ? value : '')).overrides).gateIndex;
      const viaConfig = resolveConfig(project, py(`[tool.nebula-gate]\ngate = "${value}"\n`)).gateIndex;
      expect([viaInput, viaConfig]).toEqual([expected, expected]);
    }
  });

  test('readActionInputs returns one deeply frozen object', () => {
    const inputs = readActionInputs((n) => ({ 'pytest-args': '-x', mode: 'collect', 'expected-shards': 'a,b' })[n] ?? '');
    expect(inputs.mode).toBe('collect');
    expect(inputs.overrides.args?.pytest).toBe('-x');
    expect(inputs.fan.expectedShards).toEqual(['a', 'b']);
    for (const part of [inputs, inputs.overrides, inputs.overrides.args, inputs.setup, inputs.publish, inputs.fan, inputs.fan.expectedShards]) expect(Object.isFrozen(part)).toBe(true);
  });
});

