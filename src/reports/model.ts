/**
 * The shared report model. Every parser produces these shapes; every renderer and the gate read them.
 * Totals are always computed from the elements (SECURITY.md R5.6), never stored from a tool's summary.
 */

export type Severity = 'error' | 'warning' | 'notice';

/** One finding of a lint/type/security tool, with a path relative to the project root (POSIX separators). */
export interface Finding {
  file: string;
  line: number | null;
  column: number | null;
  rule: string;
  severity: Severity;
  message: string;
}

/** `xfailed`: a test marked as expected to fail that failed (pytest's xfail): it ran, and counts as neither pass nor skip. */
export type TestOutcome = 'passed' | 'failed' | 'error' | 'skipped' | 'xfailed';

export interface TestCase {
  /** Test name as the runner reports it (pytest: the function name with parameters). */
  name: string;
  /** Dotted class path (pytest: module path + class). */
  classname: string;
  /** Source file relative to the project root when the report says it (pytest xunit1), else null. */
  file: string | null;
  line: number | null;
  durationSec: number;
  outcome: TestOutcome;
  /** Short failure/error/skip message (the `message` attribute), '' when none. */
  message: string;
  /** Long text (the element body: traceback), '' when none. */
  details: string;
}

export interface TestReport {
  cases: TestCase[];
}

export interface TestTotals {
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  xfailed: number;
}

export function summarizeTests(cases: readonly TestCase[]): TestTotals {
  const totals: TestTotals = { total: cases.length, passed: 0, failed: 0, errors: 0, skipped: 0, xfailed: 0 };
  for (const c of cases) {
    if (c.outcome === 'passed') totals.passed++;
    else if (c.outcome === 'failed') totals.failed++;
    else if (c.outcome === 'error') totals.errors++;
    else if (c.outcome === 'xfailed') totals.xfailed++;
    else totals.skipped++;
  }
  return totals;
}

/** Coverage of one source file: line number → hit count; branches as covered/total pairs summed over lines. */
export interface FileCoverage {
  /** Path relative to the project root (class filename joined to its <source>, made relative). */
  file: string;
  lines: Map<number, number>;
  branchesCovered: number;
  branchesTotal: number;
}

export interface CoverageReport {
  files: FileCoverage[];
}

export interface CoverageTotals {
  linesCovered: number;
  linesTotal: number;
  branchesCovered: number;
  branchesTotal: number;
  /** coverage.py's own total: (covered lines + covered branches) / (lines + branches) × 100; 100 when empty. */
  percent: number;
}

export function coverageTotals(files: readonly FileCoverage[]): CoverageTotals {
  const t = { linesCovered: 0, linesTotal: 0, branchesCovered: 0, branchesTotal: 0 };
  for (const f of files) {
    for (const hits of f.lines.values()) {
      t.linesTotal++;
      if (hits > 0) t.linesCovered++;
    }
    t.branchesCovered += f.branchesCovered;
    t.branchesTotal += f.branchesTotal;
  }
  const denominator = t.linesTotal + t.branchesTotal;
  return { ...t, percent: denominator === 0 ? 100 : ((t.linesCovered + t.branchesCovered) / denominator) * 100 };
}

/** One known vulnerability affecting one installed package (pip-audit). */
export interface Vulnerability {
  package: string;
  version: string;
  id: string;
  aliases: string[];
  fixVersions: string[];
  description: string;
}

/** A report that could not be read: always names the file, so the check can fail closed with a clear message. */
export class ReportError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ReportError';
  }
}
