/**
 * Diff coverage: which lines a change added, and how many of the coverable ones the tests ran. Pure.
 */
import type { FileCoverage } from './model.js';

/** Added/changed line numbers per file from `git diff --unified=0 --no-color --relative` output (new side). */
export function parseAddedLines(diffText: string): Map<string, Set<number>> {
  const added = new Map<string, Set<number>>();
  let current: Set<number> | null = null;
  for (const line of diffText.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).trim();
      if (target === '/dev/null') {
        current = null;
        continue;
      }
      const path = unquoteGitPath(target).replace(/^b\//, '');
      current = added.get(path) ?? new Set<number>();
      added.set(path, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return added;
}

/** git quotes paths with unusual characters as C strings: "b/caf\303\251.py". */
function unquoteGitPath(p: string): string {
  if (!p.startsWith('"') || !p.endsWith('"')) return p;
  const bytes: number[] = [];
  const body = p.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
      bytes.push(escapes[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface DiffCoverage {
  /** Percent of changed coverable lines that ran, or null when the change touched no coverable line. */
  percent: number | null;
  covered: number;
  total: number;
  files: { file: string; covered: number; total: number; missing: number[] }[];
}

export function diffCoverage(added: Map<string, Set<number>>, files: readonly FileCoverage[]): DiffCoverage {
  const byFile = new Map(files.map((f) => [f.file, f]));
  let covered = 0;
  let total = 0;
  const perFile: DiffCoverage['files'] = [];
  for (const [file, lines] of added) {
    const cov = byFile.get(file);
    if (!cov) continue;
    let fileCovered = 0;
    let fileTotal = 0;
    const missing: number[] = [];
    for (const n of [...lines].sort((a, b) => a - b)) {
      const hits = cov.lines.get(n);
      if (hits === undefined) continue; // not coverable: blank, comment, excluded
      fileTotal++;
      if (hits > 0) fileCovered++;
      else missing.push(n);
    }
    if (fileTotal === 0) continue;
    covered += fileCovered;
    total += fileTotal;
    perFile.push({ file, covered: fileCovered, total: fileTotal, missing });
  }
  return { percent: total === 0 ? null : (covered / total) * 100, covered, total, files: perFile };
}
