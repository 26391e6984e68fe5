import type { CoverageTotals, Finding, TestCase, TestTotals, Vulnerability } from '../reports/model.js';

export type CheckStatus = 'passed' | 'failed' | 'error' | 'skipped';

/** The outcome of one check. A tool's non-zero exit is data here, not an exception. */
export interface CheckResult {
  id: string;
  /** Name of the phase the check belongs to. */
  phase: string;
  status: CheckStatus;
  /** One line: the key number or the reason ("12 passed, 1 failed", "coverage 91.2% ≥ 85%", "disabled"). */
  summary: string;
  durationMs: number;
  exitCode: number | null;
  findings: Finding[];
  /** Present on the tests check. */
  tests?: { totals: TestTotals; cases: TestCase[] };
  /** Present on the coverage check. */
  coverage?: { totals: CoverageTotals; floor: number; diffPercent: number | null; diffFloor: number | null; worstFiles: { file: string; percent: number }[] };
  /** Present on the pip-audit check. */
  vulnerabilities?: Vulnerability[];
  /** Present on diff-coverage when it measured: the lines the change added, per file — a fan-in recomputes on the union. */
  changedLines?: Record<string, number[]>;
  /** Which tool ran, at which version, and why that one ("ruff==0.4.4 from .pre-commit-config.yaml …"). */
  tool?: string;
  /** Last lines of the tool's combined output, kept for error/failure details. */
  outputTail?: string;
}
