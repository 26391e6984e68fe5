/**
 * The action's pinned tool versions — the one table in the source (DESIGN.md §3). A tool the project installs
 * in its own environment (its dev dependencies) wins over these; see `toolCommand`.
 */
export const PINNED_TOOLS = {
  uv: '0.13.8',
  ruff: '0.17.5',
  mypy: '2.4.1',
  pytest: '9.2.0',
  'pytest-cov': '7.1.0',
  'pip-audit': '2.10.1',
  bandit: '1.9.4',
  pyright: '1.1.414',
} as const;

export type PinnedTool = keyof typeof PINNED_TOOLS;

/**
 * How a tool is run. `isolated` tools never import the project (uv's `tool run`, i.e. uvx); `import-project`
 * tools must see the project's packages, so they are layered onto the project environment with `uv run --with`.
 */
export function toolCommand(
  uv: string,
  tool: PinnedTool,
  how: 'isolated' | 'import-project',
  installedInProject: (tool: string) => boolean,
  companions: PinnedTool[] = [],
): { argv: string[]; source: 'project' | 'pinned' } {
  const missingCompanions = companions.filter((c) => !installedInProject(c)).flatMap((c) => ['--with', `${c}==${PINNED_TOOLS[c]}`]);
  if (installedInProject(tool)) {
    return { argv: [uv, 'run', '--no-sync', ...missingCompanions, tool], source: 'project' };
  }
  if (how === 'isolated') return { argv: [uv, 'tool', 'run', `${tool}@${PINNED_TOOLS[tool]}`], source: 'pinned' };
  return { argv: [uv, 'run', '--no-sync', '--with', `${tool}==${PINNED_TOOLS[tool]}`, ...missingCompanions, tool], source: 'pinned' };
}

/** PEP 503 name normalisation: `Foo_Bar.baz` → `foo-bar-baz`. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

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
