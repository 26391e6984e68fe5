/** Helpers for the report-parser tests: where the real reports are, and the tools' own summaries of them. */
import { expect } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReportError } from '../../src/reports/model.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const REPORTS = join(REPO_ROOT, 'test', 'fixtures', 'reports');
export const PROJECTS = join(REPO_ROOT, 'test', 'fixtures', 'projects');

/** The project root the tools ran in for a shared fixture (scripts/regen-fixtures.sh records it in meta.json). */
export function projectRootOf(project: string): string {
  const metaPath = join(REPORTS, project, 'meta.json');
  if (existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { projectRoot?: string };
    if (typeof meta.projectRoot === 'string') return meta.projectRoot;
  }
  return `/tmp/nebula-gate-fixtures/${project}`;
}

/** Shared fixture projects (from scripts/regen-fixtures.sh: they have a meta.json) with the given report and pytest's output. */
export function fixtureProjectsWith(file: string): string[] {
  if (!existsSync(REPORTS)) return [];
  const has = (dir: string, f: string) => existsSync(join(REPORTS, dir, f));
  return readdirSync(REPORTS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && has(d.name, 'meta.json') && has(d.name, file) && has(d.name, 'pytest.txt'))
    .map((d) => d.name)
    .sort();
}

export function readReport(project: string, file: string): string {
  return readFileSync(join(REPORTS, project, file), 'utf8');
}

export interface PytestSummary {
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  xfailed: number;
  xpassed: number;
}

/** The counts of pytest's final terminal line, e.g. "==== 2 failed, 5 passed, 1 xfailed, 3 errors in 0.12s ====". */
export function pytestSummary(output: string): PytestSummary {
  const lines = output.trimEnd().split('\n');
  const last = lines.reverse().find((l) => / in [\d.]+s\b/.test(l));
  if (!last) throw new Error('no pytest summary line');
  const counts: PytestSummary = { passed: 0, failed: 0, errors: 0, skipped: 0, xfailed: 0, xpassed: 0 };
  for (const m of last.matchAll(/(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)\b/g)) {
    const key = (m[2] === 'error' ? 'errors' : m[2]) as keyof PytestSummary;
    counts[key] = Number(m[1]);
  }
  return counts;
}

/** pytest-cov's "Total coverage: 97.22%" (two decimals), or null when the run did not print it. */
export function pytestCovTotal(output: string): number | null {
  const m = /Total coverage: (\d+(?:\.\d+)?)%/.exec(output);
  return m ? Number(m[1]) : null;
}

export interface CoverageReportRow {
  name: string;
  stmts: number;
  miss: number;
  branch: number;
  brpart: number;
  cover: number;
}

/** The rows of `coverage report --precision=N` (branch mode), TOTAL included. */
export function coverageReportRows(output: string): CoverageReportRow[] {
  const rows: CoverageReportRow[] = [];
  for (const line of output.split('\n')) {
    const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)%$/.exec(line.trim());
    if (m) rows.push({ name: m[1]!, stmts: +m[2]!, miss: +m[3]!, branch: +m[4]!, brpart: +m[5]!, cover: +m[6]! });
  }
  return rows;
}

/** The coverage.py summary attributes on <coverage> (read by the tests only, never by the parser). */
export function coberturaSummary(xml: string): { linesValid: number; linesCovered: number; branchesValid: number; branchesCovered: number } {
  const root = /<coverage\b[^>]*>/.exec(xml)?.[0] ?? '';
  const attr = (name: string): number => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(root)?.[1] ?? NaN);
  return {
    linesValid: attr('lines-valid'),
    linesCovered: attr('lines-covered'),
    branchesValid: attr('branches-valid'),
    branchesCovered: attr('branches-covered'),
  };
}

/** Milliseconds taken by fn. */
export function timed<T>(fn: () => T): { ms: number; result?: T; error?: unknown } {
  const t0 = performance.now();
  try {
    const result = fn();
    return { ms: performance.now() - t0, result };
  } catch (error) {
    return { ms: performance.now() - t0, error };
  }
}

/** Runs `parse` and returns the ReportError it must throw, naming `file` (in `file` and as the message's prefix). */
export function reportErrorOf(parse: () => unknown, file: string): ReportError {
  let caught: unknown;
  try {
    parse();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ReportError);
  const err = caught as ReportError;
  expect(err.file).toBe(file);
  expect(err.message.startsWith(`${file}: `)).toBe(true);
  return err;
}

/** Asserts that `parse` throws a ReportError naming `file`, with a reason matching `reason` when given. */
export function expectReportError(parse: () => unknown, file: string, reason?: RegExp): void {
  const err = reportErrorOf(parse, file);
  if (reason) expect(err.reason).toMatch(reason);
}
