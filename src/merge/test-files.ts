/** The project's test files, for sharding: the one place the split touches the filesystem. */
import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isTestFile } from './split.js';

const SKIP = new Set(['.venv', 'venv', 'node_modules', '__pycache__', '.nebula-gate', 'build', 'dist', '.git', '.tox', '.nox']);

/**
 * Test files under the given roots (project-relative, POSIX, sorted): pytest's `testpaths` when the project sets
 * them, else the whole project. Hidden and environment directories are skipped; symlinks are not followed.
 */
export function listTestFiles(projectDir: string, roots: readonly string[] = ['.']): string[] {
  const found = new Set<string>();
  const walk = (rel: string, depth: number): void => {
    if (depth > 32) return;
    let entries;
    try {
      entries = readdirSync(join(projectDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel === '.' ? e.name : posix.join(rel, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP.has(e.name)) walk(child, depth + 1);
      } else if (e.isFile() && isTestFile(e.name)) found.add(child);
    }
  };
  for (const r of roots) {
    const rel = posix.normalize(r.replace(/\\/g, '/')).replace(/\/$/, '');
    if (rel.startsWith('..') || rel.startsWith('/')) continue;
    if (isTestFile(posix.basename(rel))) found.add(rel);
    else walk(rel === '' ? '.' : rel, 0);
  }
  return [...found].sort();
}
