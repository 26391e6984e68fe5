/**
 * The gate's configuration, resolved. Layering, lowest first: built-in defaults → the project's own tool config
 * (`[tool.coverage.report] fail_under`, `[tool.mypy]`/`[tool.pyright]`) → `[tool.nebula-gate]` → action inputs /
 * CLI flags. `resolveConfig` is pure: it takes the pyproject text and the overrides and returns a deeply frozen,
 * validated `GateConfig`, or throws a `ConfigError` that names the key and the values it allows.
 */
import { posix } from 'node:path';
import { BUILTIN_CHECKS, DEFAULT_PHASES, MANDATORY_CHECKS, canonicalCheckId, defaultPhaseOf, isBuiltinCheck, type BuiltinCheckId } from '../model/registry.js';
import { CHECK_ID, PHASE_NAME } from '../model/schema.js';
import { deepFreeze } from '../text/freeze.js';
import { ConfigError } from './errors.js';
import { OPTIONS, TOP_LEVEL_OPTION_KEYS, argsInput, configKeyName, configValue, optionKeysOf, type OptionName, type Overrides } from './options.js';
import { parsePyproject } from './pyproject.js';
import { argv, bool, httpUrl, isTable, listFromString, oneOf, percent, phaseIndex, seconds, stringList, unknownKeys, type Table } from './values.js';

export type TypeChecker = 'auto' | 'mypy' | 'pyright';
export type Level = 'low' | 'medium' | 'high';
const LEVELS: readonly Level[] = ['low', 'medium', 'high'];
const TYPE_CHECKERS: readonly TypeChecker[] = ['auto', 'mypy', 'pyright'];

export interface CheckSettings {
  enabled: boolean;
  phase: string;
  /** Extra arguments appended to the tool's argv. */
  args: string[];
  timeoutSec: number;
}

export interface CustomCheck {
  id: string;
  phase: string;
  command: string[];
  /** JUnit XML the command writes, relative to the project directory. */
  junit: string | null;
  /** Cobertura XML the command writes, relative to the project directory. */
  cobertura: string | null;
  timeoutSec: number;
}

export interface GateConfig {
  projectDir: string;
  phases: string[];
  gateIndex: number;
  failFast: boolean;
  /**
   * `strict`: the static checks run to completion on the locked dependencies before the project is built or its
   * tests run (R9); `overlap`: everything as soon as it can (trusted code). Chosen by src/gate/order.ts.
   */
  order: 'strict' | 'overlap';
  coverageFloor: number;
  /** Where the floor came from, said in the report ("input", "[tool.nebula-gate]", "[tool.coverage.report] fail_under", "default"). */
  coverageFloorSource: string;
  diffCoverageFloor: number;
  base: string | null;
  /** True when the base came from the pull_request event rather than the user: a missing base commit then skips diff coverage instead of failing it. */
  baseFromEvent: boolean;
  typeChecker: 'mypy' | 'pyright';
  pythonVersion: string | null;
  banditSeverity: Level;
  banditConfidence: Level;
  ignoreVulns: string[];
  osvUrl: string | null;
  checks: Record<BuiltinCheckId, CheckSettings>;
  custom: CustomCheck[];
}

export const DEFAULT_COVERAGE_FLOOR = 80;
export const DEFAULT_TIMEOUT_SEC = 900;

const T = '[tool.nebula-gate]';
const TOP_KEYS = [...TOP_LEVEL_OPTION_KEYS, 'phases', 'custom', ...BUILTIN_CHECKS];
const CHECK_KEYS = ['enabled', 'phase', 'args', 'timeout'];
const CUSTOM_KEYS = ['id', 'phase', 'command', 'junit', 'cobertura', 'timeout'];
/** Phase names reach logs, comments and check titles: plain words only (R9.5). */

/** A setting as given: from an input/flag when one was given, else from `[tool.nebula-gate]`; with the key to name in a message. */
type Setting = { value: unknown; key: string; from: 'input' | 'config' };

function settingsReader(overrides: Overrides, g: Table): (name: OptionName) => Setting | undefined {
  return (name) => {
    const spec = OPTIONS.find((o) => o.name === name)!;
    const given = overrides[name];
    if (given !== undefined && given !== '') return { value: given, key: spec.input, from: 'input' };
    if (spec.config === null) return undefined;
    const value = configValue(g, spec.config);
    return value === undefined ? undefined : { value, key: configKeyName(spec.config), from: 'config' };
  };
}

function resolvePhases(g: Table): string[] {
  const phases = g.phases === undefined ? [...DEFAULT_PHASES] : stringList(`${T} phases`, g.phases);
  if (phases.length === 0 || new Set(phases).size !== phases.length) throw new ConfigError(`${T} phases: must be a non-empty list of distinct names`);
  const bad = phases.find((p) => !PHASE_NAME.test(p));
  if (bad !== undefined) throw new ConfigError(`${T} phases: ${JSON.stringify(bad.slice(0, 60))} is not a phase name; use 1-40 characters of A-Z, a-z, 0-9, - and _`);
  return phases;
}

function resolveChecks(g: Table, overrides: Overrides, phases: readonly string[], timeoutAll: number, timeoutGiven: boolean): Record<BuiltinCheckId, CheckSettings> {
  const checks = {} as Record<BuiltinCheckId, CheckSettings>;
  for (const id of BUILTIN_CHECKS) {
    checks[id] = { enabled: true, phase: defaultPhaseOf(id), args: [], timeoutSec: timeoutAll };
    const t = g[id];
    if (t === undefined) continue;
    if (!isTable(t)) throw new ConfigError(`${T}.${id}: must be a table`);
    unknownKeys(`${T}.${id}`, t, [...CHECK_KEYS, ...optionKeysOf(id)]);
    if (t.enabled !== undefined) checks[id].enabled = bool(`${T}.${id}.enabled`, t.enabled);
    if (t.phase !== undefined) checks[id].phase = String(t.phase);
    if (t.args !== undefined) checks[id].args = argv(`${T}.${id}.args`, t.args);
    if (t.timeout !== undefined && !timeoutGiven) checks[id].timeoutSec = seconds(`${T}.${id}.timeout`, t.timeout);
  }
  const disabled = [...(g.disable === undefined ? [] : stringList(`${T} disable`, g.disable)), ...(overrides.disable ? listFromString(overrides.disable) : [])];
  for (const given of disabled) {
    const id = canonicalCheckId(given);
    if (!isBuiltinCheck(id)) throw new ConfigError(`disable: ${JSON.stringify(given)} is not a check; use any of ${BUILTIN_CHECKS.filter((c) => !MANDATORY_CHECKS.includes(c)).join(', ')}`);
    if (MANDATORY_CHECKS.includes(id)) throw new ConfigError(`disable: ${given} cannot be disabled; every other check needs it`);
    checks[id].enabled = false;
  }
  for (const [given, value] of Object.entries(overrides.args ?? {})) {
    if (value === undefined || value.trim() === '') continue;
    const id = canonicalCheckId(given);
    if (!isBuiltinCheck(id)) throw new ConfigError(`${argsInput(given)}: ${given} is not a check`);
    checks[id].args = argv(argsInput(given), value);
  }
  for (const id of BUILTIN_CHECKS) {
    if (!phases.includes(checks[id].phase)) throw new ConfigError(`${T}.${id}.phase: ${JSON.stringify(checks[id].phase)} is not a phase; use one of ${phases.join(', ')}`);
  }
  return checks;
}

function resolveCustom(g: Table, phases: readonly string[], timeoutAll: number): CustomCheck[] {
  if (g.custom === undefined) return [];
  if (!Array.isArray(g.custom)) throw new ConfigError(`${T}.custom: must be an array of tables ([[tool.nebula-gate.custom]])`);
  const custom: CustomCheck[] = [];
  g.custom.forEach((c: unknown, i: number) => {
    const where = `${T}.custom[${i}]`;
    if (!isTable(c)) throw new ConfigError(`${where}: must be a table`);
    unknownKeys(where, c, CUSTOM_KEYS);
    if (typeof c.id !== 'string' || !CHECK_ID.test(c.id)) throw new ConfigError(`${where}.id: ${JSON.stringify(c.id)} must be 1-40 characters of a-z, 0-9, - and _`);
    if (isBuiltinCheck(c.id) || custom.some((x) => x.id === c.id)) throw new ConfigError(`${where}.id: ${c.id} is already a check`);
    const phase = typeof c.phase === 'string' ? c.phase : '';
    if (!phases.includes(phase)) throw new ConfigError(`${where}.phase: ${JSON.stringify(c.phase)} is not a phase; use one of ${phases.join(', ')}`);
    const command = argv(`${where}.command`, c.command);
    if (command.length === 0) throw new ConfigError(`${where}.command: must not be empty`);
    const reportPath = (key: 'junit' | 'cobertura'): string | null => {
      const v = c[key];
      if (v === undefined) return null;
      if (typeof v !== 'string' || v === '' || v.includes('\0')) throw new ConfigError(`${where}.${key}: must be a file path`);
      // The report is the project's, read from its directory: a path out of it could make the gate read (and show)
      // any file on the runner.
      const normal = posix.normalize(v.replace(/\\/g, '/'));
      if (posix.isAbsolute(normal) || /^[A-Za-z]:/.test(normal) || normal === '..' || normal.startsWith('../')) {
        throw new ConfigError(`${where}.${key}: ${JSON.stringify(v)} is outside the project; give a path relative to the project directory`);
      }
      return v;
    };
    custom.push({
      id: c.id,
      phase,
      command,
      junit: reportPath('junit'),
      cobertura: reportPath('cobertura'),
      timeoutSec: c.timeout === undefined ? timeoutAll : seconds(`${where}.timeout`, c.timeout),
    });
  });
  return custom;
}

/** A floor the project's own run enforces, where the caller found it (src/project/facts.ts `projectCoverageFloor`). */
export interface ProjectFloor {
  value: unknown;
  source: string;
}

/**
 * Coverage floor: input, else [tool.nebula-gate], else the one the project's own run enforces (pytest-cov's
 * `--cov-fail-under` in addopts, coverage.py's `fail_under` wherever coverage.py reads it), else 80. Without a
 * `projectFloor` from the caller, pyproject's `[tool.coverage.report] fail_under` stands for it.
 */
function resolveFloor(setting: Setting | undefined, coverageReport: Table, projectFloor: ProjectFloor | null | undefined): { floor: number; source: string } {
  if (setting) return { floor: percent(setting.key, setting.value), source: setting.from === 'input' ? 'input' : T };
  if (projectFloor) return { floor: percent(projectFloor.source, projectFloor.value), source: projectFloor.source };
  if (projectFloor === undefined && coverageReport.fail_under !== undefined) return { floor: percent('[tool.coverage.report] fail_under', coverageReport.fail_under), source: '[tool.coverage.report] fail_under' };
  return { floor: DEFAULT_COVERAGE_FLOOR, source: 'default' };
}

/** Pure: defaults ← project tool config ← [tool.nebula-gate] ← overrides. */
export function resolveConfig(projectDir: string, pyprojectText: string | null, overrides: Overrides = {}, projectFloor?: ProjectFloor | null): GateConfig {
  const { tool, gateTable: g } = pyprojectText === null ? { tool: {}, gateTable: {} } : parsePyproject(pyprojectText);
  unknownKeys(T, g, TOP_KEYS);
  const setting = settingsReader(overrides, g);
  const phases = resolvePhases(g);

  const timeout = setting('timeout');
  const timeoutAll = timeout ? seconds(timeout.key, timeout.value) : DEFAULT_TIMEOUT_SEC;
  const checks = resolveChecks(g, overrides, phases, timeoutAll, timeout?.from === 'input');
  const custom = resolveCustom(g, phases, timeoutAll);

  const gate = setting('gate');
  const gateIndex = gate ? phaseIndex(gate.key, gate.value, phases) : phases.length - 1;

  const coverageTool = isTable(tool.coverage) ? tool.coverage : {};
  const coverageReport = isTable(coverageTool.report) ? coverageTool.report : {};
  const { floor: coverageFloor, source: coverageFloorSource } = resolveFloor(setting('coverageFloor'), coverageReport, projectFloor);
  const diffSetting = setting('diffCoverageFloor');
  const diffCoverageFloor = diffSetting ? percent(diffSetting.key, diffSetting.value) : coverageFloor;

  // Type checker: explicit choice, else whichever the project configures (pyright only if it configures pyright alone).
  const checkerSetting = setting('typeChecker');
  const requested = checkerSetting ? oneOf(checkerSetting.key, checkerSetting.value, TYPE_CHECKERS) : 'auto';
  const hasMypy = isTable(tool.mypy);
  const hasPyright = isTable(tool.pyright);
  const typeChecker = requested !== 'auto' ? requested : hasPyright && !hasMypy ? 'pyright' : 'mypy';

  const level = (name: 'banditSeverity' | 'banditConfidence'): Level => {
    const s = setting(name);
    return s ? oneOf(s.key, s.value, LEVELS) : 'medium';
  };
  // Ignored vulnerabilities add up: the project's list and the workflow's.
  const ignoreFromConfig = configValue(g, 'pip-audit.ignore');
  const ignoreVulns = [
    ...(ignoreFromConfig === undefined ? [] : stringList(configKeyName('pip-audit.ignore'), ignoreFromConfig)),
    ...(overrides.ignoreVulns ? listFromString(overrides.ignoreVulns) : []),
  ];
  const osv = setting('osvUrl');
  const python = setting('pythonVersion');
  const pythonVersion = python ? String(python.value) : null;
  // Anything uv accepts (3.12, >=3.11, 3.13t, pypy3.10, an interpreter path), but never an option for it.
  if (pythonVersion !== null && !/^(?!-)[^\u0000-\u001f\u007f]{1,255}$/.test(pythonVersion.trim())) {
    throw new ConfigError(`python-version: ${JSON.stringify(pythonVersion.slice(0, 80))} is not a Python request for uv (e.g. 3.12, >=3.11, 3.13t, pypy3.10, /usr/bin/python3); it may not start with -`);
  }
  const failFast = setting('failFast');
  // 'auto' is resolved by the caller, who knows the event (src/gate/order.ts).
  const order = setting('order');

  return deepFreeze({
    projectDir,
    phases,
    gateIndex,
    failFast: failFast ? bool(failFast.key, failFast.value) : false,
    order: order ? oneOf(order.key, order.value, ['strict', 'overlap'] as const) : 'overlap',
    coverageFloor,
    coverageFloorSource,
    diffCoverageFloor,
    base: overrides.base || null,
    baseFromEvent: Boolean(overrides.base && overrides.baseFromEvent),
    typeChecker,
    pythonVersion,
    banditSeverity: level('banditSeverity'),
    banditConfidence: level('banditConfidence'),
    ignoreVulns,
    osvUrl: osv ? httpUrl(osv.key, String(osv.value)) : null,
    checks,
    custom,
  });
}
