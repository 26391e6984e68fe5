/**
 * The tool versions a project pins outside its environment, read where the project keeps them: ruff's own
 * `required-version` ([tool.ruff] or ruff.toml / .ruff.toml), and the `rev:` of the ruff, mypy, bandit and pyright
 * hooks in `.pre-commit-config.yaml`. A tool installed in the project's environment wins over all of these
 * (src/checks/tools.ts); these win over the action's pins.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { isTable } from '../config/values.js';
import { pathKind } from '../fs-kind.js';

export interface ToolPin {
  /** A PEP 440 requirement for the tool: `==0.4.4`, `>=0.4,<0.5`. */
  requirement: string;
  /** Where the project says it, for the report. */
  source: string;
}

export type PinnableTool = 'ruff' | 'mypy' | 'bandit' | 'pyright';

/** pre-commit hook repositories whose `rev` is the tool's version (a leading `v` dropped). */
const HOOK_REPOS: Record<string, PinnableTool> = {
  'astral-sh/ruff-pre-commit': 'ruff',
  'charliermarsh/ruff-pre-commit': 'ruff',
  'pre-commit/mirrors-mypy': 'mypy',
  'pycqa/bandit': 'bandit',
  'robertcraigie/pyright-python': 'pyright',
};

const VERSION = /^v?(\d+(?:\.\d+){1,3}(?:(?:a|b|rc|\.post|\.dev)\d+)?)$/;
/** A version specifier list as PEP 440 writes it (ruff's required-version takes one). */
const SPECIFIERS = /^\s*(?:(?:===?|!=|~=|<=?|>=?)\s*[\w.*+!-]+\s*,?\s*)+$/;

function read(dir: string, name: string): string | null {
  const p = join(dir, name);
  return pathKind(p) === 'file' ? readFileSync(p, 'utf8') : null;
}

/** ruff's `required-version`: a bare version means exactly it. */
function ruffRequired(dir: string, pyprojectTool: Record<string, unknown>): ToolPin | null {
  const candidates: [string, unknown][] = [];
  for (const name of ['.ruff.toml', 'ruff.toml']) {
    const text = read(dir, name);
    if (text === null) continue;
    try {
      candidates.push([`${name} required-version`, (parseToml(text) as Record<string, unknown>)['required-version']]);
    } catch {
      // ruff itself will report the broken file
    }
    break;
  }
  const ruff = isTable(pyprojectTool.ruff) ? pyprojectTool.ruff : {};
  candidates.push(['[tool.ruff] required-version', ruff['required-version']]);
  for (const [source, v] of candidates) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    const version = VERSION.exec(v.trim());
    if (version) return { requirement: `==${version[1]}`, source };
    if (SPECIFIERS.test(v)) return { requirement: v.trim().replace(/\s+/g, ''), source };
  }
  return null;
}

/** The `rev` of each known hook repository in `.pre-commit-config.yaml`. */
function preCommitRevs(dir: string): Partial<Record<PinnableTool, ToolPin>> {
  const text = read(dir, '.pre-commit-config.yaml');
  if (text === null) return {};
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 50 });
  } catch {
    return {};
  }
  const repos = isTable(doc) && Array.isArray(doc.repos) ? doc.repos : [];
  const pins: Partial<Record<PinnableTool, ToolPin>> = {};
  for (const r of repos) {
    if (!isTable(r) || typeof r.repo !== 'string' || (typeof r.rev !== 'string' && typeof r.rev !== 'number')) continue;
    const slug = r.repo.toLowerCase().replace(/^https?:\/\/github\.com\//, '').replace(/\.git$/, '').replace(/\/+$/, '');
    const tool = HOOK_REPOS[slug];
    const version = VERSION.exec(String(r.rev));
    if (tool && version && !pins[tool]) pins[tool] = { requirement: `==${version[1]}`, source: `.pre-commit-config.yaml (${slug} rev ${String(r.rev)})` };
  }
  return pins;
}

/** Every pin the project gives, by tool; `required-version` before a pre-commit rev (ruff enforces the former). */
export function toolPins(dir: string, pyprojectTool: Record<string, unknown>): Partial<Record<PinnableTool, ToolPin>> {
  const hooks = preCommitRevs(dir);
  const ruff = ruffRequired(dir, pyprojectTool) ?? hooks.ruff;
  return { ...hooks, ...(ruff ? { ruff } : {}) };
}
