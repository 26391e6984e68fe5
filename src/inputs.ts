/**
 * The only reader of action inputs and of `[tool.nebula-gate]` in pyproject.toml.
 *
 * Layering, lowest first: built-in defaults → the project's own tool config (`[tool.coverage.report] fail_under`,
 * `[tool.mypy]`/`[tool.pyright]`) → `[tool.nebula-gate]` → action inputs / CLI flags. `resolveConfig` is pure:
 * it takes the pyproject text and the overrides and returns a frozen, validated `GateConfig`, or throws a
 * `ConfigError` that names the key and the values it allows.
 */
import { parse as parseToml } from 'smol-toml';
import { DEFAULT_PHASES } from './gate/gate.js';
import { splitArgs } from './text/split-args.js';

export const BUILTIN_CHECKS = ['uv', 'python', 'uv-sync', 'ruff-format', 'ruff-check', 'types', 'pytest', 'coverage', 'diff-coverage', 'pip-audit', 'bandit'] as const;
export type BuiltinCheckId = (typeof BUILTIN_CHECKS)[number];

/** The phase each built-in check belongs to unless the project moves it. */
export const DEFAULT_CHECK_PHASE: Record<BuiltinCheckId, string> = {
  uv: 'setup',
  python: 'setup',
  'uv-sync': 'setup',
  'ruff-format': 'quality',
  'ruff-check': 'quality',
  types: 'quality',
  pytest: 'tests',
  coverage: 'coverage',
  'diff-coverage': 'coverage',
  'pip-audit': 'security',
  bandit: 'security',
};

/** Checks that every later check needs; they cannot be disabled. */
const MANDATORY: ReadonlySet<string> = new Set(['uv', 'python', 'uv-sync']);

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
  /** True when [tool.mypy] / [tool.pyright] says which files to check, so the tool is run without paths. */
  typeCheckerHasFiles: boolean;
  /** True when [tool.coverage.run] names its sources, so pytest runs `--cov` without a path. */
  coverageHasSource: boolean;
}

/** Overrides from action inputs or CLI flags: strings as given, validated here so both surfaces say the same. */
export interface Overrides {
  gate?: string;
  failFast?: string;
  coverageFloor?: string;
  diffCoverageFloor?: string;
  base?: string;
  baseFromEvent?: boolean;
  typeChecker?: string;
  pythonVersion?: string;
  disable?: string;
  timeout?: string;
  banditSeverity?: string;
  banditConfidence?: string;
  ignoreVulns?: string;
  osvUrl?: string;
  /** Per-check extra args, keyed by check id, as one string split by `splitArgs`. */
  args?: Partial<Record<string, string>>;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_COVERAGE_FLOOR = 80;
export const DEFAULT_TIMEOUT_SEC = 900;

const TOP_KEYS = [
  'gate', 'fail-fast', 'coverage-floor', 'diff-coverage-floor', 'type-checker', 'python-version', 'phases',
  'disable', 'timeout', 'custom', ...BUILTIN_CHECKS,
] as const;
const CHECK_KEYS = ['enabled', 'phase', 'args', 'timeout', 'severity', 'confidence', 'ignore', 'osv-url'] as const;
const CUSTOM_KEYS = ['id', 'phase', 'command', 'junit', 'cobertura', 'timeout'] as const;

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${key}: ${JSON.stringify(value)} is not allowed; use one of ${allowed.join(', ')}`);
}

function percent(key: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a percentage; use a number from 0 to 100`);
  }
  return n;
}

function positiveSeconds(key: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > 6 * 3600) {
    throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a timeout; use a number of seconds from 1 to 21600`);
  }
  return n;
}

function bool(key: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(`${key}: ${JSON.stringify(value)} is not allowed; use true or false`);
}

function stringList(key: string, value: unknown): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ConfigError(`${key}: expected a list of strings, got ${JSON.stringify(value)}`);
}

/** A list given as one string (input/flag): comma- or newline-separated, blanks dropped. */
export function listFromString(s: string): string[] {
  return s.split(/[,\n]/).map((x) => x.trim()).filter((x) => x !== '');
}

function args(key: string, value: unknown): string[] {
  if (typeof value === 'string') {
    try {
      return splitArgs(value);
    } catch (e) {
      throw new ConfigError(`${key}: ${(e as Error).message}`);
    }
  }
  return stringList(key, value);
}

function unknownKeys(where: string, table: Table, allowed: readonly string[]): void {
  for (const k of Object.keys(table)) {
    if (!allowed.includes(k)) throw new ConfigError(`${where}.${k}: unknown key; known keys are ${allowed.join(', ')}`);
  }
}

/** Resolve a gate given as a phase name or index into an index. */
export function phaseIndex(key: string, value: unknown, phases: readonly string[]): number {
  const s = typeof value === 'number' ? String(value) : value;
  if (typeof s === 'string') {
    if (/^\d+$/.test(s) && Number(s) < phases.length) return Number(s);
    const i = phases.indexOf(s);
    if (i >= 0) return i;
  }
  throw new ConfigError(`${key}: ${JSON.stringify(value)} is not a phase; use one of ${phases.join(', ')} (or 0-${phases.length - 1})`);
}

export interface ParsedPyproject {
  tool: Table;
  gateTable: Table;
}

export function parsePyproject(text: string, path = 'pyproject.toml'): ParsedPyproject {
  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch (e) {
    throw new ConfigError(`${path}: not valid TOML: ${(e as Error).message.split('\n')[0]}`);
  }
  const tool = isTable(doc.tool) ? doc.tool : {};
  const gateTable = tool['nebula-gate'] ?? {};
  if (!isTable(gateTable)) throw new ConfigError('[tool.nebula-gate] must be a table');
  return { tool, gateTable };
}

/** Pure: defaults ← project tool config ← [tool.nebula-gate] ← overrides. */
export function resolveConfig(projectDir: string, pyprojectText: string | null, overrides: Overrides = {}): GateConfig {
  const { tool, gateTable: g } = pyprojectText === null ? { tool: {}, gateTable: {} } : parsePyproject(pyprojectText);
  unknownKeys('[tool.nebula-gate]', g, TOP_KEYS);
  const T = '[tool.nebula-gate]';

  const phases = g.phases === undefined ? [...DEFAULT_PHASES] : stringList(`${T} phases`, g.phases);
  if (phases.length === 0 || new Set(phases).size !== phases.length) throw new ConfigError(`${T} phases: must be a non-empty list of distinct names`);

  // Checks: defaults, then per-check tables, then the top-level disable list and per-check arg overrides.
  const defaultTimeout = g.timeout === undefined ? DEFAULT_TIMEOUT_SEC : positiveSeconds(`${T} timeout`, g.timeout);
  const timeoutAll = overrides.timeout ? positiveSeconds('timeout', overrides.timeout) : defaultTimeout;
  const checks = {} as Record<BuiltinCheckId, CheckSettings>;
  for (const id of BUILTIN_CHECKS) {
    checks[id] = { enabled: true, phase: DEFAULT_CHECK_PHASE[id], args: [], timeoutSec: timeoutAll };
    const t = g[id];
    if (t === undefined) continue;
    if (!isTable(t)) throw new ConfigError(`${T}.${id}: must be a table`);
    unknownKeys(`${T}.${id}`, t, CHECK_KEYS);
    if (t.enabled !== undefined) checks[id].enabled = bool(`${T}.${id}.enabled`, t.enabled);
    if (t.phase !== undefined) checks[id].phase = String(t.phase);
    if (t.args !== undefined) checks[id].args = args(`${T}.${id}.args`, t.args);
    if (t.timeout !== undefined && !overrides.timeout) checks[id].timeoutSec = positiveSeconds(`${T}.${id}.timeout`, t.timeout);
  }
  const disabled = [
    ...(g.disable === undefined ? [] : stringList(`${T} disable`, g.disable)),
    ...(overrides.disable ? listFromString(overrides.disable) : []),
  ];
  for (const id of disabled) {
    const known = id === 'mypy' || id === 'pyright' ? 'types' : id;
    if (!(BUILTIN_CHECKS as readonly string[]).includes(known)) {
      throw new ConfigError(`disable: ${JSON.stringify(id)} is not a check; use any of ${BUILTIN_CHECKS.filter((c) => !MANDATORY.has(c)).join(', ')}`);
    }
    if (MANDATORY.has(known)) throw new ConfigError(`disable: ${id} cannot be disabled; every other check needs it`);
    checks[known as BuiltinCheckId].enabled = false;
  }
  for (const [id, value] of Object.entries(overrides.args ?? {})) {
    if (value === undefined || value.trim() === '') continue;
    const known = id === 'mypy' || id === 'pyright' ? 'types' : id;
    if (!(BUILTIN_CHECKS as readonly string[]).includes(known)) throw new ConfigError(`${id}-args: ${id} is not a check`);
    checks[known as BuiltinCheckId].args = args(`${id}-args`, value);
  }
  for (const id of BUILTIN_CHECKS) {
    if (!phases.includes(checks[id].phase)) {
      throw new ConfigError(`${T}.${id}.phase: ${JSON.stringify(checks[id].phase)} is not a phase; use one of ${phases.join(', ')}`);
    }
  }

  const custom: CustomCheck[] = [];
  if (g.custom !== undefined) {
    if (!Array.isArray(g.custom)) throw new ConfigError(`${T}.custom: must be an array of tables ([[tool.nebula-gate.custom]])`);
    g.custom.forEach((c: unknown, i: number) => {
      const where = `${T}.custom[${i}]`;
      if (!isTable(c)) throw new ConfigError(`${where}: must be a table`);
      unknownKeys(where, c, CUSTOM_KEYS);
      if (typeof c.id !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(c.id)) {
        throw new ConfigError(`${where}.id: ${JSON.stringify(c.id)} must be 1-40 characters of a-z, 0-9, - and _`);
      }
      if ((BUILTIN_CHECKS as readonly string[]).includes(c.id) || custom.some((x) => x.id === c.id)) {
        throw new ConfigError(`${where}.id: ${c.id} is already a check`);
      }
      const phase = typeof c.phase === 'string' ? c.phase : '';
      if (!phases.includes(phase)) throw new ConfigError(`${where}.phase: ${JSON.stringify(c.phase)} is not a phase; use one of ${phases.join(', ')}`);
      const command = args(`${where}.command`, c.command);
      if (command.length === 0) throw new ConfigError(`${where}.command: must not be empty`);
      const reportPath = (key: 'junit' | 'cobertura'): string | null => {
        const v = c[key];
        if (v === undefined) return null;
        if (typeof v !== 'string' || v === '' || v.includes('\0')) throw new ConfigError(`${where}.${key}: must be a file path`);
        return v;
      };
      custom.push({
        id: c.id,
        phase,
        command,
        junit: reportPath('junit'),
        cobertura: reportPath('cobertura'),
        timeoutSec: c.timeout === undefined ? timeoutAll : positiveSeconds(`${where}.timeout`, c.timeout),
      });
    });
  }

  const gateIndex = overrides.gate
    ? phaseIndex('gate', overrides.gate, phases)
    : g.gate === undefined ? phases.length - 1 : phaseIndex(`${T} gate`, g.gate, phases);

  // Coverage floor: input, else [tool.nebula-gate], else coverage.py's own fail_under, else 80.
  const coverageTool = isTable(tool.coverage) ? tool.coverage : {};
  const coverageReport = isTable(coverageTool.report) ? coverageTool.report : {};
  const coverageRun = isTable(coverageTool.run) ? coverageTool.run : {};
  let coverageFloor = DEFAULT_COVERAGE_FLOOR;
  let coverageFloorSource = 'default';
  if (overrides.coverageFloor) {
    coverageFloor = percent('coverage-floor', overrides.coverageFloor);
    coverageFloorSource = 'input';
  } else if (g['coverage-floor'] !== undefined) {
    coverageFloor = percent(`${T} coverage-floor`, g['coverage-floor']);
    coverageFloorSource = '[tool.nebula-gate]';
  } else if (coverageReport.fail_under !== undefined) {
    coverageFloor = percent('[tool.coverage.report] fail_under', coverageReport.fail_under);
    coverageFloorSource = '[tool.coverage.report] fail_under';
  }
  const diffCoverageFloor = overrides.diffCoverageFloor
    ? percent('diff-coverage-floor', overrides.diffCoverageFloor)
    : g['diff-coverage-floor'] === undefined ? coverageFloor : percent(`${T} diff-coverage-floor`, g['diff-coverage-floor']);

  // Type checker: explicit choice, else whichever the project configures (pyright only if it configures pyright alone).
  const requested = oneOf('type-checker', overrides.typeChecker || (g['type-checker'] as string | undefined) || 'auto', TYPE_CHECKERS);
  const hasMypy = isTable(tool.mypy);
  const hasPyright = isTable(tool.pyright);
  const typeChecker = requested !== 'auto' ? requested : hasPyright && !hasMypy ? 'pyright' : 'mypy';
  const checkerTable = typeChecker === 'mypy' ? tool.mypy : tool.pyright;
  const typeCheckerHasFiles = isTable(checkerTable) && (typeChecker === 'mypy' ? checkerTable.files !== undefined : checkerTable.include !== undefined);

  const banditTable = isTable(g.bandit) ? g.bandit : {};
  const auditTable = isTable(g['pip-audit']) ? g['pip-audit'] : {};
  const banditSeverity = oneOf('bandit-severity', overrides.banditSeverity || banditTable.severity || 'medium', LEVELS);
  const banditConfidence = oneOf('bandit-confidence', overrides.banditConfidence || banditTable.confidence || 'medium', LEVELS);
  const ignoreVulns = [
    ...(auditTable.ignore === undefined ? [] : stringList(`${T}.pip-audit.ignore`, auditTable.ignore)),
    ...(overrides.ignoreVulns ? listFromString(overrides.ignoreVulns) : []),
  ];
  const osvRaw = overrides.osvUrl || (auditTable['osv-url'] as string | undefined) || null;
  if (osvRaw !== null && !/^https?:\/\/[^\s]+$/.test(osvRaw)) throw new ConfigError(`osv-url: ${JSON.stringify(osvRaw)} is not an http(s) URL`);

  const pythonVersion = overrides.pythonVersion || (g['python-version'] === undefined ? null : String(g['python-version']));
  if (pythonVersion !== null && !/^[\w.+<>=!~*, -]{1,64}$/.test(pythonVersion)) {
    throw new ConfigError(`python-version: ${JSON.stringify(pythonVersion)} is not a version request (e.g. 3.12, 3.13.1, >=3.11)`);
  }

  return Object.freeze({
    projectDir,
    phases,
    gateIndex,
    failFast: overrides.failFast ? bool('fail-fast', overrides.failFast) : g['fail-fast'] === undefined ? false : bool(`${T} fail-fast`, g['fail-fast']),
    coverageFloor,
    coverageFloorSource,
    diffCoverageFloor,
    base: overrides.base || null,
    baseFromEvent: Boolean(overrides.base && overrides.baseFromEvent),
    typeChecker,
    pythonVersion,
    banditSeverity,
    banditConfidence,
    ignoreVulns,
    osvUrl: osvRaw,
    checks,
    custom,
    typeCheckerHasFiles,
    coverageHasSource: coverageRun.source !== undefined || coverageRun.source_pkgs !== undefined,
  });
}

/** The action inputs that feed `Overrides`, read through the given getter (core.getInput in the action). */
export const ARG_INPUTS = ['ruff-format', 'ruff-check', 'types', 'pytest', 'pip-audit', 'bandit'] as const;

export function readActionOverrides(getInput: (name: string) => string): { overrides: Overrides; workingDirectory: string } {
  const o: Overrides = {
    gate: getInput('gate'),
    failFast: getInput('fail-fast'),
    coverageFloor: getInput('coverage-floor'),
    diffCoverageFloor: getInput('diff-coverage-floor'),
    base: getInput('base'),
    typeChecker: getInput('type-checker'),
    pythonVersion: getInput('python-version'),
    disable: getInput('disable'),
    timeout: getInput('timeout'),
    banditSeverity: getInput('bandit-severity'),
    banditConfidence: getInput('bandit-confidence'),
    ignoreVulns: getInput('ignore-vulns'),
    osvUrl: getInput('osv-url'),
    args: Object.fromEntries(ARG_INPUTS.map((id) => [id, getInput(`${id}-args`)])),
  };
  return { overrides: o, workingDirectory: getInput('working-directory') || '.' };
}

export type ActionMode = 'gate' | 'post' | 'collect' | 'merge';
export type CommentSetting = 'off' | 'always' | 'on-failure' | 'on-change';
export type AnnotationsSetting = 'workflow-commands' | 'check-run';

/** How the action talks to GitHub: the comment, annotations, the fork hand-off (issue 3). */
export interface PublishInputs {
  mode: ActionMode;
  comment: CommentSetting;
  /** The `comment-id` input as given ('' → derived from workflow, job and working directory). */
  commentId: string;
  annotations: AnnotationsSetting;
  /** '' when none was given. */
  token: string;
  /** mode post: the downloaded payload file or directory. */
  payloadPath: string;
}

export function readPublishInputs(getInput: (name: string) => string): PublishInputs {
  const commentId = getInput('comment-id').trim();
  if (commentId !== '' && !/^[A-Za-z0-9._-]{1,64}$/.test(commentId)) {
    throw new ConfigError(`comment-id: ${JSON.stringify(commentId.slice(0, 80))} must be 1-64 characters of A-Z, a-z, 0-9, ., _ and -`);
  }
  return {
    mode: oneOf('mode', getInput('mode') || 'gate', ['gate', 'post', 'collect', 'merge'] as const),
    comment: oneOf('comment', getInput('comment') || 'always', ['off', 'always', 'on-failure', 'on-change'] as const),
    commentId,
    annotations: oneOf('annotations', getInput('annotations') || 'workflow-commands', ['workflow-commands', 'check-run'] as const),
    token: getInput('github-token'),
    payloadPath: getInput('payload-path') || 'nebula-gate-comment',
  };
}

/** The matrix/shard inputs (DESIGN.md §7): collect mode writes a shard's results, merge mode reads them all. */
export interface FanInputs {
  /** collect: where this job's results go; merge: where the shard artifacts were downloaded. */
  resultsPath: string;
  /** `test-shard` as given (`2/4`), '' for no sharding; parsed by src/merge/split.ts. */
  testShard: string;
  /** A previous run's JUnit XML or durations JSON, relative to the workspace, or ''. */
  testDurations: string;
  /** '' → derived from the OS, the Python version and the shard. */
  shardId: string;
  /** merge: the shard ids that must have reported. */
  expectedShards: string[];
}

export function readFanInputs(getInput: (name: string) => string): FanInputs {
  const shardId = getInput('shard-id').trim();
  if (shardId !== '' && !/^[A-Za-z0-9._-]{1,128}$/.test(shardId)) throw new ConfigError(`shard-id: ${JSON.stringify(shardId.slice(0, 80))} must be 1-128 characters of A-Z, a-z, 0-9, ., _ and -`);
  const expectedShards = listFromString(getInput('expected-shards'));
  const bad = expectedShards.find((id) => !/^[A-Za-z0-9._-]{1,128}$/.test(id));
  if (bad !== undefined) throw new ConfigError(`expected-shards: ${JSON.stringify(bad.slice(0, 80))} is not a shard id (A-Z, a-z, 0-9, ., _ and -)`);
  return {
    resultsPath: getInput('results-path').trim() || 'nebula-gate-results',
    testShard: getInput('test-shard').trim(),
    testDurations: getInput('test-durations').trim(),
    shardId,
    expectedShards,
  };
}

/** pytest's `testpaths` from [tool.pytest.ini_options], or ['.'] — where sharding looks for test files. */
export function pytestTestpaths(pyprojectText: string): string[] {
  const { tool } = parsePyproject(pyprojectText);
  const pytest = isTable(tool.pytest) ? tool.pytest : {};
  const ini = isTable(pytest.ini_options) ? pytest.ini_options : {};
  const paths = ini.testpaths;
  if (typeof paths === 'string' && paths.trim() !== '') return paths.trim().split(/\s+/);
  if (Array.isArray(paths) && paths.length > 0 && paths.every((p) => typeof p === 'string')) return paths;
  return ['.'];
}

/** What the action's setup step needs: which uv, how it is verified, and what is cached (DESIGN.md §6). */
export interface SetupInputs {
  /** `uv-version`: exact (0.13.8) or a range (>=0.12,<0.14); '' → required-version, else the pin. */
  uvVersion: string;
  /** `uv-checksum`: the SHA-256 of the release asset, lower-case hex, or null. */
  uvChecksum: string | null;
  allowUnverifiedUv: boolean;
  /** `uv-download-base-url`, without a trailing slash, or null for the GitHub release host. */
  uvDownloadBaseUrl: string | null;
  /** `uv-wheel-base-url`: a PyPI file-host mirror for uv's wheels, without a trailing slash, or null. */
  uvWheelBaseUrl: string | null;
  cache: CacheMode;
  /** `cache-suffix`, already limited to characters a cache key may hold. */
  cacheSuffix: string;
}

export type CacheMode = 'venv' | 'uv' | 'both' | 'none';
const CACHE_MODES: readonly CacheMode[] = ['venv', 'uv', 'both', 'none'];

export function readSetupInputs(getInput: (name: string) => string): SetupInputs {
  const uvVersion = getInput('uv-version').trim();
  if (uvVersion !== '' && !/^[0-9a-zA-Z.*,<>=!~ ]{1,64}$/.test(uvVersion)) {
    throw new ConfigError(`uv-version: ${JSON.stringify(uvVersion)} is not a version (e.g. 0.13.8) or a range (e.g. >=0.12,<0.14)`);
  }
  const checksum = getInput('uv-checksum').trim().toLowerCase();
  if (checksum !== '' && !/^[0-9a-f]{64}$/.test(checksum)) throw new ConfigError('uv-checksum: must be a SHA-256 in hex (64 characters)');
  const base = getInput('uv-download-base-url').trim();
  if (base !== '' && !/^https?:\/\/[^\s]+$/.test(base)) throw new ConfigError(`uv-download-base-url: ${JSON.stringify(base)} is not an http(s) URL`);
  const wheelBase = getInput('uv-wheel-base-url').trim();
  if (wheelBase !== '' && !/^https?:\/\/[^\s]+$/.test(wheelBase)) throw new ConfigError(`uv-wheel-base-url: ${JSON.stringify(wheelBase)} is not an http(s) URL`);
  const suffix = getInput('cache-suffix').trim();
  if (!/^[A-Za-z0-9._+-]{0,64}$/.test(suffix)) throw new ConfigError(`cache-suffix: ${JSON.stringify(suffix)} may only hold up to 64 of A-Z, a-z, 0-9, '.', '_', '+', '-'`);
  const allow = getInput('allow-unverified-uv').trim();
  return {
    uvVersion,
    uvChecksum: checksum === '' ? null : checksum,
    allowUnverifiedUv: allow === '' ? false : bool('allow-unverified-uv', allow),
    uvDownloadBaseUrl: base === '' ? null : base.replace(/\/+$/, ''),
    uvWheelBaseUrl: wheelBase === '' ? null : wheelBase.replace(/\/+$/, ''),
    cache: oneOf('cache', getInput('cache').trim() || 'venv', CACHE_MODES),
    cacheSuffix: suffix,
  };
}
