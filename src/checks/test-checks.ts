/** The tests and coverage phases: pytest with JUnit and Cobertura, total coverage, coverage of the changed lines. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GateConfig } from '../config/resolve.js';
import { coverageFigures, failingTestFindings, judgeCoverage, judgeDiffCoverage, judgeTests, noTestRan, testCounts } from '../gate/outcomes.js';
import { parseCobertura } from '../reports/cobertura.js';
import { parseCoverageJson } from '../reports/coverage-json.js';
import { diffCoverage, parseAddedLines } from '../reports/diff.js';
import { parseJunit } from '../reports/junit.js';
import { summarizeTests, type FileCoverage } from '../reports/model.js';
import { measuredPytest } from './coverage-run.js';
import { brokenProcess, commandFor, defineCheck, lastLine, needs, readingReports, readReportOr, truncatedStdout } from './common.js';
import { outcome, processFailure, tail, type CheckContext, type CheckDefinition, type PartialResult } from './context.js';

export const PYTEST_JUNIT = 'junit.xml';
export const PYTEST_COBERTURA = 'coverage.xml';
export const PYTEST_COVERAGE_JSON = 'coverage.json';

export const pytestCheck = (c: GateConfig): CheckDefinition =>
  defineCheck(c, 'pytest', needs('uv-sync'), async (ctx, timeoutSec) => {
    const junit = join(ctx.outDir, PYTEST_JUNIT);
    const cobertura = join(ctx.outDir, PYTEST_COBERTURA);
    const measure = c.checks.coverage.enabled || c.checks['diff-coverage'].enabled;
    const run = measure ? await measuredPytest(ctx, { cobertura, json: join(ctx.outDir, PYTEST_COVERAGE_JSON) }, timeoutSec) : null;
    const measuring = run !== null && run.unavailable === null;
    if (run?.unavailable) ctx.facts.set('coverage-unavailable', run.unavailable);
    const argv = measuring ? run.argv : commandFor(ctx, 'pytest', 'pytest', 'import-project');
    // xunit1 keeps file and line on each test case, which the annotations need.
    const r = await ctx.exec('pytest', [...argv, '-o', 'junit_family=xunit1', `--junitxml=${junit}`, ...(measuring ? run.pytestCovArgs : []), '-p', 'no:cacheprovider', ...c.checks.pytest.args], { timeoutSec, projectCode: true });
    const broken = brokenProcess(r, timeoutSec, 'pytest');
    if (broken) return broken;
    if (measuring) {
      const reportError = await run.writeReport();
      if (reportError !== null) ctx.facts.set('coverage-unavailable', reportError);
    }
    return readingReports(async () => {
      const content = await readReportOr(ctx, junit, () =>
        outcome('error', `pytest exited ${r.exitCode} and wrote no JUnit report (${junit}): ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) }),
      );
      if (typeof content !== 'string') return content;
      if (measuring) {
        ctx.facts.set('coverage-measured', run.measured);
        ctx.facts.set('coverage-warnings', JSON.stringify(coverageWarnings(r.output)));
      }
      const { cases } = parseJunit(content, junit, c.projectDir);
      const totals = summarizeTests(cases);
      const tests = { totals, cases };
      // No test ran: pytest's exit says why (5: none collected; 4: a usage error such as a bad -k).
      const judged = judgeTests(totals, noTestRan(totals) ? ` (pytest exit ${r.exitCode})` : '');
      if (judged.status === 'failed') return outcome('failed', judged.summary, { exitCode: r.exitCode, tests, findings: failingTestFindings(cases), outputTail: tail(r.output) });
      // Exit 2-4: interrupted, internal error or usage error, with no failing test to show for it.
      if (r.exitCode !== 0) return outcome('error', `pytest exited ${r.exitCode} (${testCounts(totals)}): ${lastLine(r.output)}`, { exitCode: r.exitCode, tests, outputTail: tail(r.output) });
      return outcome('passed', judged.summary, { exitCode: 0, tests });
    }, r.output);
  });

/** coverage.py's own warnings in pytest's output ("Module x was never imported", "No data was collected"), once each. */
export function coverageWarnings(output: string): string[] {
  const found = [...output.matchAll(/CoverageWarning: (.+?)\s*$/gm)].map((m) => m[1]!.trim().slice(0, 300));
  return [...new Set(found)].slice(0, 10);
}

/** What the coverage summary adds: what was measured, and what coverage.py warned about (a 100% of nothing is no pass). */
function coverageNotes(ctx: CheckContext): string {
  const measured = ctx.facts.get('coverage-measured');
  const warnings = JSON.parse(ctx.facts.get('coverage-warnings') ?? '[]') as string[];
  return `${measured ? ` · measured: ${measured}` : ''}${warnings.length > 0 ? ` · coverage.py warned: ${warnings.join('; ')}` : ''}`;
}

/** The coverage pytest measured, judged by `judge`; skipped or an error (naming the file) when there is none to read. */
function withCoverage(ctx: CheckContext, judge: (files: FileCoverage[]) => PartialResult): Promise<PartialResult> {
  return readingReports(async () => {
    const files = await readCoverage(ctx);
    return Array.isArray(files) ? judge(files) : files;
  });
}

async function readCoverage(ctx: CheckContext): Promise<FileCoverage[] | PartialResult> {
  const pytest = ctx.finished.get('pytest');
  if (!pytest || pytest.status === 'skipped') return outcome('skipped', 'pytest did not run, so there is no coverage data');
  // No test ran: the tests phase already fails for it, and coverage.py wrote nothing to measure.
  if (pytest.tests && noTestRan(pytest.tests.totals)) return outcome('skipped', 'no test ran, so nothing was measured');
  const unavailable = ctx.facts.get('coverage-unavailable');
  if (unavailable !== undefined) return outcome('error', unavailable);
  // coverage.py's JSON names each file unambiguously (src/reports/coverage-json.ts); the Cobertura XML is read
  // when there is no JSON (a coverage.py too old to write it).
  const json = join(ctx.outDir, PYTEST_COVERAGE_JSON);
  if (existsSync(json)) return parseCoverageJson(await ctx.readReport(json), json, ctx.config.projectDir).files;
  const path = join(ctx.outDir, PYTEST_COBERTURA);
  const content = await readReportOr(ctx, path, (e) => outcome('error', `pytest wrote no coverage report (${e.reason}); pytest ${pytest.status}: ${pytest.summary}`));
  if (typeof content !== 'string') return content;
  return parseCobertura(content, path, ctx.config.projectDir, { exists: existsSync }).files;
}

export const coverageCheck = (c: GateConfig): CheckDefinition =>
  defineCheck(c, 'coverage', { after: ['pytest'], requires: [] }, async (ctx) => {
    return withCoverage(ctx, (files) => {
      const coverage = coverageFigures(files, c.coverageFloor);
      const { status, summary } = judgeCoverage(coverage.totals, c.coverageFloor, c.coverageFloorSource);
      return outcome(status, `${summary}${coverageNotes(ctx)}`, { coverage });
    });
  }, 60);

export const diffCoverageCheck = (c: GateConfig): CheckDefinition =>
  defineCheck(c, 'diff-coverage', { after: ['pytest'], requires: [] }, async (ctx) => {
    if (c.base === null) return outcome('skipped', 'no base to compare with (--base REF, or the pull request base)');
    const mb = await ctx.exec('diff-coverage', ['git', 'merge-base', c.base, 'HEAD'], { timeoutSec: 60 });
    const mergeBase = lastLine(mb.output);
    if (mb.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(mergeBase)) {
      if (c.baseFromEvent) return outcome('skipped', `the pull request base ${c.base.slice(0, 12)} is not in this checkout — use actions/checkout with fetch-depth: 0 for diff coverage`);
      return outcome('error', `cannot find the merge base of ${c.base} and HEAD (${lastLine(mb.output) || processFailure(mb, 60)}) — fetch the base (actions/checkout with fetch-depth: 0)`, { exitCode: mb.exitCode });
    }
    const d = await ctx.exec('diff-coverage', ['git', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--relative', mergeBase], { timeoutSec: 60 });
    if (d.exitCode !== 0) return outcome('error', `git diff failed: ${lastLine(d.output)}`, { exitCode: d.exitCode });
    const cut = truncatedStdout(d, 'git diff');
    if (cut) return cut;
    return withCoverage(ctx, (files) => {
      const added = parseAddedLines(d.stdout);
      const measured = diffCoverage(added, files);
      const changedLines = Object.fromEntries([...added].map(([file, lines]) => [file, [...lines].sort((a, b) => a - b)]));
      const coverage = coverageFigures(files, c.coverageFloor, { percent: measured.percent, floor: c.diffCoverageFloor });
      const { status, summary, findings } = judgeDiffCoverage(measured, c.diffCoverageFloor, `since ${c.base}`);
      return outcome(status, summary, { coverage, findings, changedLines });
    });
  }, 120);
