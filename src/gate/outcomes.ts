/**
 * The outcome rules of the tests, coverage and diff-coverage checks: status, summary and findings from the
 * measured numbers. One place, used by the built-in checks on one job and by the merge on the union of many,
 * so a single run and a fan-in judge and word the same numbers the same way. Pure.
 */
import type { CheckResult, CheckStatus } from '../model/check.js';
import type { DiffCoverage } from '../reports/diff.js';
import { coverageTotals, type CoverageTotals, type FileCoverage, type Finding, type TestCase, type TestTotals } from '../reports/model.js';
import { formatFloor, formatPercent, percentAgainstFloor, roundPercent } from '../text/percent.js';
import { plural } from '../text/plural.js';

export const NO_TEST_RAN = 'no test ran: at least one test must run';

/** `12 passed, 1 failed, 0 errors, 2 skipped` */
export function testCounts(t: TestTotals): string {
  return `${t.passed} passed, ${t.failed} failed, ${t.errors} errors, ${t.skipped} skipped${t.xfailed > 0 ? `, ${t.xfailed} xfailed` : ''}`;
}

/** An expected failure ran; a skipped test did not. */
export const noTestRan = (t: TestTotals): boolean => t.total - t.skipped === 0;

/**
 * The tests' verdict from the cases alone: any failure or error fails; a report in which no test ran proves
 * nothing and fails too (an empty or all-skipped JUnit file is no pass). How the runner exited is the caller's
 * to add (an exit 2-4 with no failing test is an error of that run, not of the tests).
 */
export function judgeTests(t: TestTotals, scope = ''): { status: 'passed' | 'failed'; summary: string } {
  const counts = `${testCounts(t)}${scope}`;
  if (t.failed + t.errors > 0) return { status: 'failed', summary: counts };
  if (noTestRan(t)) return { status: 'failed', summary: `${NO_TEST_RAN}${scope}` };
  return { status: 'passed', summary: counts };
}

/** Failing tests as findings (annotations), where the report says the file. */
export function failingTestFindings(cases: readonly TestCase[]): Finding[] {
  return cases
    .filter((t) => t.outcome === 'failed' || t.outcome === 'error')
    .map((t) => ({
      file: t.file ?? '',
      line: t.line,
      column: null,
      rule: t.outcome === 'error' ? 'test-error' : 'test-failure',
      severity: 'error' as const,
      message: `${t.name}: ${t.message || t.outcome}`,
    }))
    .filter((f) => f.file !== '');
}

/** The least-covered files, for the comment's "worst files" table; rounded against the total's floor like the total. */
export function worstFiles(files: readonly FileCoverage[], floor: number | null = null, n = 5): { file: string; percent: number }[] {
  return files
    .map((f) => ({ file: f.file, percent: roundPercent(coverageTotals([f]).percent, floor) }))
    .sort((a, b) => a.percent - b.percent || a.file.localeCompare(b.file))
    .slice(0, n);
}

type CoverageFigures = NonNullable<CheckResult['coverage']>;

/** The coverage figures a check carries; `diff` only on diff-coverage. */
export function coverageFigures(files: readonly FileCoverage[], floor: number, diff: { percent: number | null; floor: number } | null = null): CoverageFigures {
  return { totals: coverageTotals(files), floor, diffPercent: diff?.percent ?? null, diffFloor: diff ? diff.floor : null, worstFiles: worstFiles(files, floor) };
}

/** Total coverage against its floor. `scope` says where the floor came from or what was merged. */
export function judgeCoverage(totals: CoverageTotals, floor: number, scope: string): { status: CheckStatus; summary: string } {
  // A report with no measurable line is 100% of nothing: coverage measured the wrong place (or nothing), not the code.
  if (totals.linesTotal + totals.branchesTotal === 0) return { status: 'error', summary: 'the coverage report measures no line at all — check what coverage.py is told to measure ([run] source / include, or --cov); nothing measured is no pass' };
  return { status: totals.percent >= floor ? 'passed' : 'failed', summary: `${percentAgainstFloor(totals.percent, floor)} (${scope})` };
}

/** Coverage of the changed lines against the diff floor, with one finding per file that has uncovered changed lines. */
export function judgeDiffCoverage(d: DiffCoverage, floor: number, scope: string): { status: CheckStatus; summary: string; findings: Finding[] } {
  if (d.percent === null) return { status: 'passed', summary: `no coverable line changed ${scope}`.trimEnd(), findings: [] };
  const findings: Finding[] = d.files
    .filter((f) => f.missing.length > 0)
    .map((f) => ({
      file: f.file,
      line: f.missing[0]!,
      column: null,
      rule: 'diff-coverage',
      severity: 'warning' as const,
      message: `${plural(f.missing.length, 'changed line')} not covered by tests: ${f.missing.slice(0, 20).join(', ')}${f.missing.length > 20 ? ', …' : ''}`,
    }));
  const ok = d.percent >= floor;
  const summary = `${formatPercent(d.percent, floor)} of ${plural(d.total, 'changed line')} covered ${ok ? '≥' : '<'} floor ${formatFloor(floor)}${scope === '' ? '' : ` ${scope}`}`;
  return { status: ok ? 'passed' : 'failed', summary, findings };
}
