/**
 * coverage.py's JSON report (`coverage json`, pytest-cov's `--cov-report=json`) → CoverageReport.
 *
 * The gate reads it for its own coverage rather than the Cobertura XML because its file keys are unambiguous: each
 * is the measured file's path (relative to the directory coverage.py ran in, or absolute). Cobertura's are relative
 * to one of several <source> roots, and with `source = ["docs_src", "tests", "typer"]` two `__init__.py` entries
 * cannot be told apart — typer's and python-sdk's real reports are that way. Lines: `executed_lines` (hit once;
 * coverage.py keeps no counts) and `missing_lines` (0); excluded lines are absent, as in the XML. Branches: the
 * file summary's `covered_branches` / `num_branches`. Totals come from these per-file figures, never from the
 * report's `totals` (SECURITY R5.6); a structure that is not coverage.py's is a ReportError naming the file.
 */
import { ReportError, type CoverageReport, type FileCoverage } from './model.js';
import { toProjectPath } from './paths.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const lineList = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isSafeInteger(n) && (n as number) > 0);
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function parseCoverageJson(content: string, path: string, projectRoot: string): CoverageReport {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    throw new ReportError(path, `not JSON (${(e as Error).message.slice(0, 100)})`);
  }
  if (!isObj(doc) || !isObj(doc.meta) || !isObj(doc.files)) throw new ReportError(path, 'not a coverage.py JSON report (no meta and files)');
  const files: FileCoverage[] = [];
  for (const [name, entry] of Object.entries(doc.files)) {
    if (!isObj(entry) || !lineList(entry.executed_lines) || !lineList(entry.missing_lines) || !isObj(entry.summary)) {
      throw new ReportError(path, `${JSON.stringify(name.slice(0, 200))}: not a coverage.py file entry (executed_lines, missing_lines, summary)`);
    }
    const file = toProjectPath(name, projectRoot);
    if (file === null) throw new ReportError(path, `${JSON.stringify(name.slice(0, 200))} is outside the project ${projectRoot}`);
    const lines = new Map<number, number>();
    for (const n of entry.missing_lines) lines.set(n, 0);
    for (const n of entry.executed_lines) lines.set(n, 1);
    const { covered_branches: covered = 0, num_branches: total = 0 } = entry.summary;
    if (!count(covered) || !count(total) || covered > total) throw new ReportError(path, `${JSON.stringify(name.slice(0, 200))}: branch counts ${String(covered)}/${String(total)} are not counts`);
    files.push({ file, lines, branchesCovered: covered, branchesTotal: total });
  }
  return { files: files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}
