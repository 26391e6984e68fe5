/**
 * What `uv sync` installs in a uv workspace, so that the gate installs, tests and measures what the project's own CI
 * does. Two shapes are common in real projects:
 * - the root is a package (it has `[project]` and is built: a `[build-system]`, or `tool.uv.package = true`). Its CI
 *   runs `uv sync`, which installs the root and the members it depends on; other members (examples, demo servers)
 *   are never built — `--all-packages` would build them and can fail where CI never does (python-sdk's examples).
 * - the root is not a package (no `[project]`: a virtual root; or `tool.uv.package = false`; or no build system).
 *   It holds no code, and its CI runs `uv sync --all-packages`: without it no member is installed.
 * uv's rules for "is the root a package" and the default groups are from its docs (concepts/projects/config,
 * "Build systems": a project without a build system is not installed; `default-groups` defaults to `["dev"]`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { isTable } from '../config/values.js';
import { pathKind } from '../fs-kind.js';
import { requirementName } from './names.js';

export interface WorkspacePlan {
  /** `uv sync` needs `--all-packages` to install the members. */
  allPackages: boolean;
  /** The members that sync installs, project-relative (POSIX), sorted. */
  members: string[];
}

type Table = Record<string, unknown>;

const stringsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function tables(text: string): Table {
  try {
    return parseToml(text) as Table;
  } catch {
    return {};
  }
}

/** Whether uv installs this pyproject's project itself (see the module comment). */
export function isPackage(doc: Table): boolean {
  if (!isTable(doc.project)) return false;
  const uv = isTable(doc.tool) && isTable(doc.tool.uv) ? doc.tool.uv : {};
  if (typeof uv.package === 'boolean') return uv.package;
  return isTable(doc['build-system']);
}

/** The names a plain `uv sync` installs from this pyproject: its dependencies and its default groups' entries. */
function syncedRequirements(doc: Table): string[] {
  const project = isTable(doc.project) ? doc.project : {};
  const uv = isTable(doc.tool) && isTable(doc.tool.uv) ? doc.tool.uv : {};
  const groups = isTable(doc['dependency-groups']) ? doc['dependency-groups'] : {};
  const defaults = uv['default-groups'] === 'all' ? Object.keys(groups) : Array.isArray(uv['default-groups']) ? stringsOf(uv['default-groups']) : ['dev'];
  return [...stringsOf(project.dependencies), ...defaults.flatMap((g) => stringsOf(groups[g]))].map(requirementName);
}

export function workspacePlan(projectDir: string, rootPyproject: string, workspace: Table): WorkspacePlan {
  const excluded = new Set(expandMembers(projectDir, stringsOf(workspace.exclude)));
  const all = expandMembers(projectDir, stringsOf(workspace.members)).filter((m) => !excluded.has(m));
  const root = tables(rootPyproject);
  if (!isPackage(root)) return { allPackages: true, members: all };
  // The members reachable from the root's own requirements, through the members' requirements in turn.
  const docs = new Map(all.map((m) => [m, tables(readFileSync(join(projectDir, m, 'pyproject.toml'), 'utf8'))]));
  const byName = new Map<string, string>();
  for (const [m, doc] of docs) if (isTable(doc.project) && typeof doc.project.name === 'string') byName.set(requirementName(doc.project.name), m);
  const installed = new Set<string>();
  const queue = syncedRequirements(root);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const member = byName.get(name);
    if (member === undefined || installed.has(member)) continue;
    installed.add(member);
    const doc = docs.get(member)!;
    queue.push(...stringsOf(isTable(doc.project) ? doc.project.dependencies : undefined).map(requirementName));
  }
  return { allPackages: false, members: [...installed].sort() };
}

/** `packages/*` style member patterns, expanded against the directories that exist (one `*` per segment). */
function expandMembers(projectDir: string, patterns: readonly string[]): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    let dirs = ['.'];
    for (const segment of posix.normalize(pattern).split('/')) {
      if (segment === '.' || segment === '') continue;
      if (segment === '..') {
        dirs = [];
        break;
      }
      const re = new RegExp(`^${segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
      dirs = dirs.flatMap((d) => {
        const abs = join(projectDir, d);
        if (!segment.includes('*') && !segment.includes('?')) return pathKind(join(abs, segment), true) === 'directory' ? [posix.join(d, segment)] : [];
        return readdirSync(abs, { withFileTypes: true }).filter((e) => e.isDirectory() && re.test(e.name)).map((e) => posix.join(d, e.name));
      });
    }
    for (const d of dirs) if (d !== '.' && existsSync(join(projectDir, d, 'pyproject.toml'))) found.add(d);
  }
  return [...found].sort();
}
