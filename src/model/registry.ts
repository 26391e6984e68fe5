/**
 * The check registry: every built-in check, the phase it belongs to, its place in the report, and what the
 * user may do with it. Read by the configuration, the engine and the merge alike, so the list and its order
 * exist once.
 */

/** The five built-in phases, in order. Projects may rename or re-order them in [tool.nebula-gate]. */
export const DEFAULT_PHASES = ['setup', 'quality', 'tests', 'coverage', 'security'] as const;

interface CheckSpec {
  readonly id: string;
  readonly phase: (typeof DEFAULT_PHASES)[number];
  /** Every later check needs it: it cannot be disabled. */
  readonly mandatory: boolean;
  /** The tool takes extra arguments from an input / flag (`<id>-args`). */
  readonly extraArgs: boolean;
  /**
   * The result depends on the checkout and the lock only, never on code the PR runs: every job of a matrix must
   * report the same ('everywhere'), or every job on the same Python ('per-python': a type checker reads
   * version-dependent stubs). The fan-in refuses shards that disagree.
   */
  readonly static: 'everywhere' | 'per-python' | false;
}

/** In report order: a check that did not run is still listed where it would have run. */
export const CHECKS = [
  { id: 'uv', phase: 'setup', mandatory: true, extraArgs: false, static: false },
  { id: 'python', phase: 'setup', mandatory: true, extraArgs: false, static: false },
  // Strict order only (src/gate/order.ts): the locked third-party dependencies, without the project — what the
  // static checks run against before any code of the PR is built or imported.
  { id: 'uv-sync-deps', phase: 'setup', mandatory: true, extraArgs: false, static: false },
  { id: 'uv-sync', phase: 'setup', mandatory: true, extraArgs: false, static: false },
  { id: 'ruff-format', phase: 'quality', mandatory: false, extraArgs: true, static: 'everywhere' },
  { id: 'ruff-check', phase: 'quality', mandatory: false, extraArgs: true, static: 'everywhere' },
  { id: 'types', phase: 'quality', mandatory: false, extraArgs: true, static: 'per-python' },
  { id: 'pytest', phase: 'tests', mandatory: false, extraArgs: true, static: false },
  { id: 'coverage', phase: 'coverage', mandatory: false, extraArgs: false, static: false },
  { id: 'diff-coverage', phase: 'coverage', mandatory: false, extraArgs: false, static: false },
  { id: 'pip-audit', phase: 'security', mandatory: false, extraArgs: true, static: 'everywhere' },
  { id: 'bandit', phase: 'security', mandatory: false, extraArgs: true, static: 'everywhere' },
] as const satisfies readonly CheckSpec[];

export type BuiltinCheckId = (typeof CHECKS)[number]['id'];
export const BUILTIN_CHECKS: readonly BuiltinCheckId[] = CHECKS.map((c) => c.id);
export const MANDATORY_CHECKS: readonly BuiltinCheckId[] = CHECKS.filter((c) => c.mandatory).map((c) => c.id);
/** The checks that depend on the checkout and the lock alone: in strict order they finish before any project code runs. */
export const STATIC_CHECKS: readonly string[] = CHECKS.filter((c) => c.static !== false).map((c) => c.id);
export const staticScope = (id: string): CheckSpec['static'] => CHECKS.find((c) => c.id === id)?.static ?? false;
export const EXTRA_ARGS_CHECKS: readonly BuiltinCheckId[] = CHECKS.filter((c) => c.extraArgs).map((c) => c.id);

export const isBuiltinCheck = (id: string): id is BuiltinCheckId => (BUILTIN_CHECKS as readonly string[]).includes(id);

/** The type checker may be named by its tool: `disable = ["mypy"]`, `mypy-args`. */
export function canonicalCheckId(id: string): string {
  return id === 'mypy' || id === 'pyright' ? 'types' : id;
}

export function defaultPhaseOf(id: BuiltinCheckId): string {
  return CHECKS.find((c) => c.id === id)!.phase;
}

/** Sort key for results: built-in checks in registry order, every other (custom, shard) check after them. */
export function reportRank(id: string): number {
  const i = BUILTIN_CHECKS.indexOf(id as BuiltinCheckId);
  return i < 0 ? BUILTIN_CHECKS.length : i;
}
