/**
 * The one table of the gate's settings: for each, the action input, the CLI flag and the `[tool.nebula-gate]`
 * key that set it. The action's input reader, the CLI's parser and help, and the configuration resolver all
 * read this table, so a setting cannot exist on one surface and be forgotten on another.
 */
import { EXTRA_ARGS_CHECKS } from '../model/registry.js';
import type { Table } from './values.js';
import { isTable } from './values.js';

interface OptionSpec {
  /** The field of `Overrides` the input or flag fills. */
  readonly name: string;
  /** The action input (action.yml). */
  readonly input: string;
  /** The CLI flag, without `--`. */
  readonly flag: string;
  /** The key in `[tool.nebula-gate]` (`table.key` for a sub-table), or null when only an input/flag sets it. */
  readonly config: string | null;
  /** How the CLI reads the flag: one value, a switch, or a repeatable value joined with commas. */
  readonly kind: 'value' | 'switch' | 'repeatable';
  /** The flag's value in the help text. */
  readonly metavar: string;
  readonly help: string;
}

export const OPTIONS = [
  { name: 'gate', input: 'gate', flag: 'gate', config: 'gate', kind: 'value', metavar: 'PHASE', help: 'last phase that must pass (name or number; default: the last phase)' },
  { name: 'coverageFloor', input: 'coverage-floor', flag: 'coverage-floor', config: 'coverage-floor', kind: 'value', metavar: 'N', help: 'minimum total coverage in percent' },
  { name: 'diffCoverageFloor', input: 'diff-coverage-floor', flag: 'diff-coverage-floor', config: 'diff-coverage-floor', kind: 'value', metavar: 'N', help: 'minimum coverage of the lines changed since --base' },
  { name: 'base', input: 'base', flag: 'base', config: null, kind: 'value', metavar: 'REF', help: 'compare with REF for diff coverage (e.g. origin/main)' },
  { name: 'failFast', input: 'fail-fast', flag: 'fail-fast', config: 'fail-fast', kind: 'switch', metavar: '', help: 'skip the phases after the first required failure' },
  { name: 'typeChecker', input: 'type-checker', flag: 'type-checker', config: 'type-checker', kind: 'value', metavar: 'NAME', help: 'auto | mypy | pyright' },
  { name: 'pythonVersion', input: 'python-version', flag: 'python', config: 'python-version', kind: 'value', metavar: 'VERSION', help: 'Python version request for uv (default: .python-version / requires-python)' },
  { name: 'disable', input: 'disable', flag: 'disable', config: 'disable', kind: 'value', metavar: 'IDS', help: 'comma-separated checks to skip (e.g. bandit,pip-audit)' },
  { name: 'timeout', input: 'timeout', flag: 'timeout', config: 'timeout', kind: 'value', metavar: 'SECONDS', help: 'per-check timeout' },
  { name: 'banditSeverity', input: 'bandit-severity', flag: 'bandit-severity', config: 'bandit.severity', kind: 'value', metavar: 'LEVEL', help: 'low | medium | high' },
  { name: 'banditConfidence', input: 'bandit-confidence', flag: 'bandit-confidence', config: 'bandit.confidence', kind: 'value', metavar: 'LEVEL', help: 'low | medium | high' },
  { name: 'ignoreVulns', input: 'ignore-vulns', flag: 'ignore-vuln', config: 'pip-audit.ignore', kind: 'repeatable', metavar: 'ID', help: 'a vulnerability ID to ignore (repeatable)' },
  // Not a [tool.nebula-gate] key: the PR controls pyproject.toml, and must not choose to run its code beside the static checks.
  { name: 'order', input: 'order', flag: 'order', config: null, kind: 'value', metavar: 'ORDER', help: 'auto | strict | overlap: strict runs the static checks to completion before any project code (default on pull requests)' },
  { name: 'osvUrl', input: 'osv-url', flag: 'osv-url', config: 'pip-audit.osv-url', kind: 'value', metavar: 'URL', help: 'the OSV API endpoint pip-audit queries' },
] as const satisfies readonly OptionSpec[];

/** CLI-only flags: how the run is done and where its report goes, beside the gate's settings of the table. */
export const CLI_FLAGS = [
  { flag: 'args', metavar: 'CHECK=ARGS', help: 'extra arguments for a check\'s tool (repeatable), e.g. --args "pytest=-k fast"' },
  { flag: 'uv', metavar: 'PATH', help: 'the uv binary (default: uv on PATH)' },
  { flag: 'json', metavar: 'FILE|-', help: 'write the JSON report' },
  { flag: 'markdown', metavar: 'FILE|-', help: 'write the pull-request comment body' },
  { flag: 'keep-reports', metavar: '', help: "keep the directory of the tools' raw reports (named at the end; removed otherwise)" },
  { flag: 'verbose', metavar: '', help: "print every tool's output" },
  { flag: 'no-color', metavar: '', help: 'plain output' },
] as const;

export type OptionName = (typeof OPTIONS)[number]['name'];
export type Option = (typeof OPTIONS)[number];

/** Settings from action inputs or CLI flags: strings as given ('' or absent = not given), validated by the resolver. */
export type Overrides = { [K in OptionName]?: string } & {
  /** True when `base` came from the pull_request event rather than the user. */
  baseFromEvent?: boolean;
  /** Per-check extra arguments, keyed by check id, each one string split by `splitArgs`. */
  args?: Partial<Record<string, string>>;
};

/** The action input of a check's extra arguments: `pytest-args`. */
export const argsInput = (checkId: string): string => `${checkId}-args`;
export const ARGS_INPUTS: readonly string[] = EXTRA_ARGS_CHECKS.map(argsInput);

/** Every action input this table defines (the rest of action.yml is read by src/action/inputs.ts). */
export const CONFIG_INPUTS: readonly string[] = [...OPTIONS.map((o) => o.input), ...ARGS_INPUTS];

/** Overrides from a getter of action inputs. */
export function overridesFromInputs(getInput: (name: string) => string): Overrides {
  const o: Overrides = {};
  for (const spec of OPTIONS) o[spec.name] = getInput(spec.input);
  o.args = Object.fromEntries(EXTRA_ARGS_CHECKS.map((id) => [id, getInput(argsInput(id))]));
  return o;
}

/** Where a setting lives in `[tool.nebula-gate]`, for messages: `[tool.nebula-gate.bandit] severity`. */
export function configKeyName(config: string): string {
  const dot = config.indexOf('.');
  return dot < 0 ? `[tool.nebula-gate] ${config}` : `[tool.nebula-gate.${config.slice(0, dot)}] ${config.slice(dot + 1)}`;
}

/** The value of a setting in `[tool.nebula-gate]`, or undefined. */
export function configValue(gateTable: Table, config: string): unknown {
  const dot = config.indexOf('.');
  if (dot < 0) return gateTable[config];
  const sub = gateTable[config.slice(0, dot)];
  return isTable(sub) ? sub[config.slice(dot + 1)] : undefined;
}

/** The keys a sub-table of `[tool.nebula-gate]` may hold beyond the per-check ones (`bandit.severity`…). */
export function optionKeysOf(table: string): string[] {
  return OPTIONS.flatMap((o) => (o.config !== null && o.config.startsWith(`${table}.`) ? [o.config.slice(table.length + 1)] : []));
}

/** The top-level keys of `[tool.nebula-gate]` that the table defines. */
export const TOP_LEVEL_OPTION_KEYS: readonly string[] = OPTIONS.flatMap((o) => (o.config !== null && !o.config.includes('.') ? [o.config] : []));
