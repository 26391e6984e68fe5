/** Facts about the project on disk that the checks need: where its code lives, its workspace, its environment. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parsePyproject } from '../config/pyproject.js';
import { isTable } from '../config/values.js';
import { pathKind } from '../fs-kind.js';
import { toolPins, type PinnableTool, type ToolPin } from './pins.js';
import { workspacePlan } from './workspace.js';

/** Directories no check ever looks into for the project's own code: environments, caches, build output. */
export const NOT_SOURCES = ['.venv', 'venv', 'env', '.tox', '.nox', '.git', '.hg', '__pycache__', '.mypy_cache', '.ruff_cache', '.pytest_cache', 'build', 'dist', 'node_modules', '.eggs', 'site-packages'];

/** Where a package's code lives: `src/`, else top-level packages, else the directory itself. */
export function detectSources(projectDir: string): string[] {
  if (pathKind(join(projectDir, 'src'), true) === 'directory') return ['src'];
  const skip = new Set(['tests', 'test', 'docs', ...NOT_SOURCES]);
  const packages = readdirSync(projectDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !skip.has(d.name) && existsSync(join(projectDir, d.name, '__init__.py')))
    .map((d) => d.name)
    .sort();
  return packages.length > 0 ? packages : ['.'];
}

export interface ProjectLayout {
  /** True for a uv workspace (`[tool.uv.workspace]`). */
  workspace: boolean;
  /** Whether `uv sync` needs `--all-packages` to install the members (see src/project/workspace.ts). */
  allPackages: boolean;
  /** The workspace members the sync installs (so they are measured and type-checked), project-relative, sorted. */
  members: string[];
  /** Source directories of the root and every member, project-relative. */
  sources: string[];
  /** Where the project tells its type checker what to check, when it does (then the checker runs without paths). */
  typeTargets: { mypy: string | null; pyright: string | null };
  /**
   * How the project measures coverage, read where pytest and coverage.py read it: `addopts` when pytest already
   * runs with `--cov`; else the coverage.py file whose `[run]` says what to measure; else null (the gate chooses).
   */
  coverage: { pytestAddopts: string | null; config: string | null };
  /** Tool versions the project pins outside its environment. */
  pins: Partial<Record<PinnableTool, ToolPin>>;
}

/** The body of `[section]` in an ini-style file, or null when there is no such section. */
function iniSection(text: string, section: string): string | null {
  const m = new RegExp(`^\\[${section.replace(/[.:]/g, '\\$&')}\\][^\\S\\n]*$`, 'm').exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  const next = /^\[/m.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

/** A TOML file's tables, or none when it does not parse (the tool that reads it says so itself). */
function tomlTables(text: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const iniAddopts = (body: string | null): string => /^addopts\s*=\s*([^\n]*(?:\n[ \t]+[^\n]*)*)/m.exec(body ?? '')?.[1] ?? '';
const tomlAddopts = (a: unknown): string => (Array.isArray(a) ? a.join(' ') : typeof a === 'string' ? a : '');

/**
 * The pytest configuration pytest itself would use and its addopts, in pytest 9's order: pytest.toml, .pytest.toml
 * ([pytest]), pytest.ini, .pytest.ini, pyproject's native [tool.pytest] or its [tool.pytest.ini_options], tox.ini,
 * setup.cfg.
 */
function pytestAddopts(text: (name: string) => string | null, tool: Record<string, unknown>): { file: string; addopts: string } | null {
  for (const name of ['pytest.toml', '.pytest.toml']) {
    const toml = text(name);
    if (toml === null) continue;
    const table = tomlTables(toml).pytest;
    return { file: name, addopts: isTable(table) ? tomlAddopts(table.addopts) : '' };
  }
  for (const name of ['pytest.ini', '.pytest.ini']) {
    const ini = text(name);
    if (ini !== null) return { file: name, addopts: iniAddopts(iniSection(ini, 'pytest')) };
  }
  const pytest = isTable(tool.pytest) ? tool.pytest : {};
  if (Object.keys(pytest).some((k) => k !== 'ini_options')) return { file: '[tool.pytest]', addopts: tomlAddopts(pytest.addopts) };
  if (isTable(pytest.ini_options)) return { file: '[tool.pytest.ini_options]', addopts: tomlAddopts(pytest.ini_options.addopts) };
  for (const [name, section] of [['tox.ini', 'pytest'], ['setup.cfg', 'tool:pytest']] as const) {
    const body = iniSection(text(name) ?? '', section);
    if (body !== null) return { file: name, addopts: iniAddopts(body) };
  }
  return null;
}

/**
 * Keys by which a coverage.py configuration says what to measure. `omit` alone counts: it means "everything that
 * runs, less these" (python-multipart omits tests/ and measures the rest), which naming sources would override.
 */
const MEASURES = /^(source|source_pkgs|include|omit)\s*[=:]/m;
const measuresTable = (run: unknown): boolean => isTable(run) && ['source', 'source_pkgs', 'include', 'omit'].some((k) => run[k] !== undefined);

/**
 * The coverage.py configuration coverage.py itself would read (.coveragerc, .coveragerc.toml, setup.cfg, tox.ini,
 * pyproject), when it names what to measure.
 */
function coverageConfig(text: (name: string) => string | null, tool: Record<string, unknown>): string | null {
  const rc = text('.coveragerc');
  if (rc !== null) return MEASURES.test(iniSection(rc, 'run') ?? '') ? '.coveragerc [run]' : null;
  const rcToml = text('.coveragerc.toml');
  if (rcToml !== null) {
    // coverage.py's own TOML file: [tool.coverage.run] as in pyproject, or plain [run].
    const doc = tomlTables(rcToml);
    const inTool = isTable(doc.tool) && isTable(doc.tool.coverage) ? doc.tool.coverage.run : undefined;
    return measuresTable(inTool) ? '.coveragerc.toml [tool.coverage.run]' : measuresTable(doc.run) ? '.coveragerc.toml [run]' : null;
  }
  for (const name of ['setup.cfg', 'tox.ini']) {
    if (MEASURES.test(iniSection(text(name) ?? '', 'coverage:run') ?? '')) return `${name} [coverage:run]`;
  }
  return measuresTable(isTable(tool.coverage) ? tool.coverage.run : undefined) ? '[tool.coverage.run]' : null;
}

/** A floor the project's own tools enforce, and where it is set. */
export interface ProjectFloor {
  value: unknown;
  source: string;
}

const iniValue = (body: string | null, key: string): string | null => new RegExp(`^${key}\\s*[=:]\\s*(\\S+)`, 'm').exec(body ?? '')?.[1] ?? null;

/**
 * The coverage floor the project's own run enforces: pytest-cov's `--cov-fail-under` in its addopts (which wins over
 * coverage.py's), else `fail_under` from the one file coverage.py reads its settings from — `.coveragerc`, else
 * `.coveragerc.toml`, else the first of setup.cfg, tox.ini (with a `[coverage:…]` section) and pyproject.toml
 * (coverage.py's docs, "Specifying the configuration file").
 */
export function projectCoverageFloor(projectDir: string): ProjectFloor | null {
  const text = reader(projectDir);
  const py = text('pyproject.toml');
  const tool: Record<string, unknown> = py !== null ? parsePyproject(py).tool : {};
  const addopts = pytestAddopts(text, tool);
  const flag = /(?:^|\s)--cov-fail-under[=\s]+(\S+)/.exec(addopts?.addopts ?? '');
  if (flag) return { value: Number(flag[1]), source: `${addopts!.file} addopts --cov-fail-under` };
  const found = (value: unknown, source: string): ProjectFloor | null => (value === undefined || value === null ? null : { value: typeof value === 'string' ? Number(value) : value, source });
  const rc = text('.coveragerc');
  if (rc !== null) return found(iniValue(iniSection(rc, 'report'), 'fail_under'), '.coveragerc [report] fail_under');
  const rcToml = text('.coveragerc.toml');
  if (rcToml !== null) {
    const doc = tomlTables(rcToml);
    const inTool = isTable(doc.tool) && isTable(doc.tool.coverage) && isTable(doc.tool.coverage.report) ? doc.tool.coverage.report.fail_under : undefined;
    return found(inTool ?? (isTable(doc.report) ? doc.report.fail_under : undefined), '.coveragerc.toml fail_under');
  }
  for (const name of ['setup.cfg', 'tox.ini']) {
    const ini = text(name);
    if (ini !== null && /^\[coverage:/m.test(ini)) return found(iniValue(iniSection(ini, 'coverage:report'), 'fail_under'), `${name} [coverage:report] fail_under`);
  }
  const report = isTable(tool.coverage) && isTable(tool.coverage.report) ? tool.coverage.report.fail_under : undefined;
  return found(report, '[tool.coverage.report] fail_under');
}

/** `files =` in the `[mypy]` section of an ini-style file. */
const iniHasKey = (text: string, section: string, key: string): boolean => {
  const body = new RegExp(`^\\[${section}\\][^\\S\\n]*\\n([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(text)?.[1] ?? '';
  return new RegExp(`^${key}\\s*[=:]`, 'm').test(body);
};

/**
 * Where mypy and pyright read their targets from, in the order each tool reads its configuration files
 * (mypy: mypy.ini, .mypy.ini, pyproject.toml, setup.cfg; pyright: pyrightconfig.json, then pyproject.toml).
 */
const reader = (projectDir: string) => (name: string): string | null => (pathKind(join(projectDir, name)) === 'file' ? readFileSync(join(projectDir, name), 'utf8') : null);

function typeTargets(projectDir: string, tool: Record<string, unknown>): ProjectLayout['typeTargets'] {
  const text = reader(projectDir);
  let mypy: string | null;
  const ini = ['mypy.ini', '.mypy.ini'].find((name) => text(name) !== null);
  const cfg = text('setup.cfg');
  if (ini !== undefined) mypy = iniHasKey(text(ini)!, 'mypy', 'files') ? `${ini} files` : null;
  else if (isTable(tool.mypy)) mypy = tool.mypy.files !== undefined ? '[tool.mypy] files' : null;
  else mypy = cfg !== null && iniHasKey(cfg, 'mypy', 'files') ? 'setup.cfg [mypy] files' : null;
  let pyright: string | null = null;
  const json = text('pyrightconfig.json');
  if (json !== null) pyright = /"include"\s*:/.test(json) ? 'pyrightconfig.json include' : null;
  else if (isTable(tool.pyright) && tool.pyright.include !== undefined) pyright = '[tool.pyright] include';
  return { mypy, pyright };
}


export function projectLayout(projectDir: string): ProjectLayout {
  const pyproject = join(projectDir, 'pyproject.toml');
  const tool: Record<string, unknown> = existsSync(pyproject) ? parsePyproject(readFileSync(pyproject, 'utf8')).tool : {};
  const uv = isTable(tool.uv) ? tool.uv : {};
  const ws = isTable(uv.workspace) ? uv.workspace : null;
  const rootSources = detectSources(projectDir);
  const text = reader(projectDir);
  const addopts = pytestAddopts(text, tool);
  const facts = {
    pins: toolPins(projectDir, tool),
    typeTargets: typeTargets(projectDir, tool),
    coverage: { pytestAddopts: addopts !== null && /(^|\s)--cov(=|\s|$)/.test(addopts.addopts) ? `${addopts.file} addopts` : null, config: coverageConfig(text, tool) },
  };
  if (ws === null) return { workspace: false, allPackages: false, members: [], sources: rootSources, ...facts };
  const plan = workspacePlan(projectDir, existsSync(pyproject) ? readFileSync(pyproject, 'utf8') : '', ws);
  const memberSources = plan.members.flatMap((m) => detectSources(join(projectDir, m)).map((s) => (s === '.' ? m : posix.join(m, s))));
  // A root that is not a package holds no code of its own; its members do.
  const root = rootSources[0] === '.' && memberSources.length > 0 ? [] : rootSources;
  return { workspace: true, ...plan, sources: [...new Set([...root, ...memberSources])], ...facts };
}

/** The project's environment: `UV_PROJECT_ENVIRONMENT` (absolute or project-relative), else `.venv`. */
export function venvDirectory(projectDir: string, env: NodeJS.ProcessEnv): string {
  const configured = env.UV_PROJECT_ENVIRONMENT;
  if (!configured) return join(projectDir, '.venv');
  return configured.startsWith('/') || /^[A-Za-z]:[\\/]/.test(configured) ? configured : join(projectDir, configured);
}
