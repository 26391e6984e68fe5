/**
 * The action's pinned tool versions — the one table in the source (DESIGN.md §3). A tool the project installs
 * in its own environment (its dev dependencies) wins over these; see `toolCommand`.
 */
import { normalizeName } from '../project/names.js';
import type { ToolPin } from '../project/pins.js';

export const PINNED_TOOLS = {
  uv: '0.13.8',
  ruff: '0.17.5',
  mypy: '2.4.1',
  pytest: '9.2.0',
  'pytest-cov': '7.1.0',
  // coverage.py for projects that install neither it nor pytest-cov (src/checks/coverage-run.ts).
  coverage: '7.17.5',
  'pip-audit': '2.10.1',
  bandit: '1.9.4',
  pyright: '1.1.414',
} as const;

export type PinnedTool = keyof typeof PINNED_TOOLS;

/** What the project says about its tools: what its environment holds, and the versions it pins elsewhere. */
export interface ToolSources {
  uv: string;
  installedInProject: (tool: string) => boolean;
  /** The version the project's environment holds, when its dist-info says (for the report). */
  versionInProject?: (tool: string) => string | null;
  pins: Partial<Record<string, ToolPin>>;
}

/**
 * How a tool is run, and which version and why. The project's own copy (installed in its environment) wins; then
 * a version the project pins elsewhere (ruff's required-version, a pre-commit rev); then the action's pin.
 * `isolated` tools never import the project (uv's `tool run`, i.e. uvx); `import-project` tools must see the
 * project's packages, so they are layered onto the project environment with `uv run --with`.
 */
export function toolCommand(
  from: ToolSources,
  tool: PinnedTool,
  how: 'isolated' | 'import-project',
  companions: PinnedTool[] = [],
): { argv: string[]; source: string } {
  const { uv, installedInProject } = from;
  const missingCompanions = companions.filter((c) => !installedInProject(c)).flatMap((c) => ['--with', `${c}==${PINNED_TOOLS[c]}`]);
  if (installedInProject(tool)) {
    const version = from.versionInProject?.(tool);
    return { argv: [uv, 'run', '--no-sync', ...missingCompanions, tool], source: `${tool}${version ? ` ${version}` : ''} from the project's environment` };
  }
  const pin = from.pins[tool];
  const requirement = pin?.requirement ?? `==${PINNED_TOOLS[tool]}`;
  const source = pin ? `${tool}${requirement} from ${pin.source}` : `${tool} ${PINNED_TOOLS[tool]} (the action's pin)`;
  if (how === 'isolated') return { argv: [uv, 'tool', 'run', '--from', `${tool}${requirement}`, tool], source };
  return { argv: [uv, 'run', '--no-sync', '--with', `${tool}${requirement}`, ...missingCompanions, tool], source };
}


/**
 * Package names in a uv.lock (`[[package]]` tables, each with a `name = "…"` line). The isolated tools use it to
 * know, before `uv sync` has run, whether the project pins them (then they must wait for the sync and run from
 * the project environment) or not (then they start at once).
 */
export function lockedPackages(uvLock: string | null): Set<string> {
  const names = new Set<string>();
  if (uvLock === null) return names;
  const re = /^\[\[package\]\]\s*\r?\nname = "([^"]+)"/gm;
  for (let m = re.exec(uvLock); m !== null; m = re.exec(uvLock)) names.add(normalizeName(m[1]!));
  return names;
}
