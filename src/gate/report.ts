import type { CheckResult } from '../model/check.js';
import type { Finding, Severity, TestTotals, Vulnerability } from '../reports/model.js';
import type { Decision, PhaseOutcome } from './gate.js';
import { roundPercent } from '../text/percent.js';

/** The versioned JSON report (`--json`, `report-json` output, the fork hand-off artifact). Schema 1. */
export interface GateReport extends Omit<Decision, 'phases'> {
  schema: 1;
  gate: string;
  phases: (Omit<PhaseOutcome, 'checks'> & { checks: (Pick<CheckResult, 'id' | 'status' | 'summary' | 'durationMs' | 'findings' | 'tool'> & { output?: string })[] })[];
  tests: (TestTotals & { failures: { name: string; file: string | null; line: number | null; message: string; details: string }[] }) | null;
  coverage: {
    percent: number;
    floor: number;
    diffPercent: number | null;
    diffFloor: number | null;
    worstFiles: { file: string; percent: number }[];
  } | null;
  vulnerabilities: Vulnerability[];
}

/** How much of each failure's traceback the JSON keeps: enough to diagnose, bounded for 10k failures. */
const DETAILS_LIMIT = 4000;

export function buildGateReport(decision: Decision, gateName: string, results: readonly CheckResult[]): GateReport {
  const testsCheck = results.find((r) => r.tests !== undefined);
  // The total comes from the coverage check, the diff figures from diff-coverage; either may be disabled.
  const coverageCheck = results.find((r) => r.id === 'coverage' && r.coverage !== undefined) ?? results.find((r) => r.coverage !== undefined);
  const diffCheck = results.find((r) => r.id === 'diff-coverage' && r.coverage !== undefined);
  const tests = testsCheck?.tests
    ? {
        ...testsCheck.tests.totals,
        failures: testsCheck.tests.cases
          .filter((c) => c.outcome === 'failed' || c.outcome === 'error')
          .map((c) => ({
            name: c.classname ? `${c.classname}::${c.name}` : c.name,
            file: c.file,
            line: c.line,
            message: c.message,
            details: c.details.length > DETAILS_LIMIT ? `${c.details.slice(0, DETAILS_LIMIT)}…` : c.details,
          })),
      }
    : null;
  const cov = coverageCheck?.coverage && diffCheck?.coverage
    ? { ...coverageCheck.coverage, diffPercent: diffCheck.coverage.diffPercent, diffFloor: diffCheck.coverage.diffFloor }
    : coverageCheck?.coverage;
  return {
    schema: 1,
    verdict: decision.verdict,
    gate: gateName,
    phaseReached: decision.phaseReached,
    blockedBy: decision.blockedBy,
    why: decision.why,
    phases: decision.phases.map((p) => ({
      index: p.index,
      name: p.name,
      required: p.required,
      status: p.status,
      checks: p.checks.map((c) => ({
        id: c.id,
        status: c.status,
        summary: c.summary,
        durationMs: c.durationMs,
        findings: c.findings,
        ...(c.tool ? { tool: c.tool } : {}),
        // What the tool printed, where it did not do its job or failed for a reason no finding shows.
        ...(c.outputTail && (c.status === 'error' || (c.status === 'failed' && c.findings.length === 0)) ? { output: c.outputTail } : {}),
      })),
    })),
    tests,
    coverage: cov
      ? {
          // The numbers every surface shows: rounded once, never across their floors.
          percent: roundPercent(cov.totals.percent, cov.floor),
          floor: cov.floor,
          diffPercent: cov.diffPercent === null ? null : roundPercent(cov.diffPercent, cov.diffFloor),
          diffFloor: cov.diffFloor,
          worstFiles: cov.worstFiles,
        }
      : null,
    vulnerabilities: results.flatMap((r) => r.vulnerabilities ?? []),
  };
}

/** All findings of the report, for annotations. */
export function allFindings(report: GateReport): Finding[] {
  return report.phases.flatMap((p) => p.checks.flatMap((c) => c.findings));
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];
