/**
 * The fan-in: the shards' results unioned into one set of check results, for one `decide()`. Pure — the shards
 * come in already read (src/merge/collect.ts reads the directories).
 *
 * - Tests: one record per test identity (classname::name). The same test on two Pythons is two runs of one
 *   test; it fails when any run failed, errors when any errored, passes when any passed, else it is skipped.
 * - Coverage: line hits summed per file and line across shards, then the totals and the floor. Branch data in
 *   Cobertura is per line counts only, not which branch, so a file's branches are the best single shard's
 *   (a lower bound; exact for line coverage, which is what coverage.py's `fail_under` counts without `branch`).
 * - Diff coverage: recomputed on the union from the changed lines the shards recorded.
 * - Every other check: the worst status of any shard, findings and vulnerabilities de-duplicated.
 * - An expected shard with no results fails the first phase, named.
 */
import type { CheckResult, CheckStatus } from '../model/check.js';
import { diffCoverage } from '../reports/diff.js';
import { worstFiles } from '../checks/builtin.js';
import { DEFAULT_PHASES } from '../gate/gate.js';
import { coverageTotals, summarizeTests, type FileCoverage, type Finding, type TestCase, type Vulnerability } from '../reports/model.js';
import type { ShardBundle, ShardCheck } from './bundle.js';

export interface LoadedShard {
  id: string;
  bundle: ShardBundle;
  /** Parsed raw JUnit, or null when the shard wrote none. */
  tests: TestCase[] | null;
  /** Parsed raw Cobertura, or null when the shard wrote none. */
  coverage: FileCoverage[] | null;
  /** Why a raw file could not be read (names the file), when one could not. */
  problems: string[];
}

export interface MergeInput {
  shards: readonly LoadedShard[];
  /** Ids the fan-in expects; any of them without a loaded shard fails the gate, named. Empty → no expectation. */
  expected: readonly string[];
  /** Shard directories that held no readable shard.json: id (the directory name) → reason. */
  unreadable?: ReadonlyMap<string, string>;
}

export interface MergeResult {
  phases: string[];
  gateIndex: number;
  results: CheckResult[];
  /** Test runs (one per test per job) behind the merged tests, for the summary. */
  runs: number;
  shardIds: string[];
}

const RANK: Record<CheckStatus, number> = { error: 3, failed: 2, passed: 1, skipped: 0 };
const worst = (a: CheckStatus, b: CheckStatus): CheckStatus => (RANK[a] >= RANK[b] ? a : b);
const BUILTIN_ORDER = ['uv', 'python', 'uv-sync', 'ruff-format', 'ruff-check', 'types', 'pytest', 'coverage', 'diff-coverage', 'pip-audit', 'bandit'];
const pct = (n: number): string => `${(Math.round(n * 100) / 100).toFixed(2)}%`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Test outcome precedence across runs of one test. */
const OUTCOME_RANK: Record<TestCase['outcome'], number> = { failed: 3, error: 2, passed: 1, skipped: 0 };

export function testKey(c: TestCase): string {
  return c.classname ? `${c.classname}::${c.name}` : c.name;
}

/** Tests unioned by identity; a failing run's message is kept, prefixed with the shard that saw it. */
export function mergeTests(perShard: readonly { id: string; cases: readonly TestCase[] }[]): { cases: TestCase[]; runs: number } {
  const byKey = new Map<string, TestCase>();
  let runs = 0;
  for (const { id, cases } of perShard) {
    for (const c of cases) {
      runs++;
      const key = testKey(c);
      const seen = byKey.get(key);
      const tagged = c.outcome === 'failed' || c.outcome === 'error' ? { ...c, message: `[${id}] ${c.message}`.trimEnd() } : c;
      if (!seen) byKey.set(key, { ...tagged });
      else if (OUTCOME_RANK[c.outcome] > OUTCOME_RANK[seen.outcome]) byKey.set(key, { ...tagged, durationSec: Math.max(seen.durationSec, c.durationSec) });
      else seen.durationSec = Math.max(seen.durationSec, c.durationSec);
    }
  }
  return { cases: [...byKey.values()].sort((a, b) => (testKey(a) < testKey(b) ? -1 : testKey(a) > testKey(b) ? 1 : 0)), runs };
}

/** Coverage unioned: hits summed per file and line; branches from the best single shard per file (see above). */
export function mergeCoverage(reports: readonly (readonly FileCoverage[])[]): FileCoverage[] {
  const byFile = new Map<string, FileCoverage>();
  for (const files of reports) {
    for (const f of files) {
      const into = byFile.get(f.file);
      if (!into) {
        byFile.set(f.file, { file: f.file, lines: new Map(f.lines), branchesCovered: f.branchesCovered, branchesTotal: f.branchesTotal });
        continue;
      }
      for (const [line, hits] of f.lines) into.lines.set(line, (into.lines.get(line) ?? 0) + hits);
      if (f.branchesCovered > into.branchesCovered) into.branchesCovered = f.branchesCovered;
      if (f.branchesTotal > into.branchesTotal) into.branchesTotal = f.branchesTotal;
    }
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) {
    const key = JSON.stringify([f.file, f.line, f.column, f.rule, f.severity, f.message]);
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()];
}

function dedupeVulns(vulns: readonly Vulnerability[]): Vulnerability[] {
  const seen = new Map<string, Vulnerability>();
  for (const v of vulns) seen.set(JSON.stringify([v.package, v.version, v.id]), seen.get(JSON.stringify([v.package, v.version, v.id])) ?? v);
  return [...seen.values()];
}

function result(id: string, phase: string, status: CheckStatus, summary: string, extra: Partial<CheckResult> = {}): CheckResult {
  return { id, phase, status, summary, durationMs: 0, exitCode: null, findings: [], ...extra };
}

/** Any other check: the worst shard's status and summary (naming the shards when they disagree). */
function mergeGeneric(id: string, runs: readonly { shard: string; check: ShardCheck }[]): CheckResult {
  const status = runs.map((r) => r.check.status).reduce(worst);
  const bad = runs.filter((r) => r.check.status === status);
  const agree = runs.every((r) => r.check.status === status && r.check.summary === runs[0]!.check.summary);
  const summary = agree ? runs[0]!.check.summary : `${bad[0]!.check.summary} (on ${bad.map((r) => r.shard).join(', ')})`;
  const vulns = runs.flatMap((r) => r.check.vulnerabilities ?? []);
  return {
    id,
    phase: runs[0]!.check.phase,
    status,
    summary,
    durationMs: Math.max(...runs.map((r) => r.check.durationMs)),
    exitCode: bad[0]!.check.exitCode,
    findings: dedupeFindings(runs.flatMap((r) => r.check.findings)),
    ...(runs.some((r) => r.check.vulnerabilities) ? { vulnerabilities: dedupeVulns(vulns) } : {}),
  };
}

export function mergeShards(input: MergeInput): MergeResult {
  const shards = [...input.shards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ref = shards[0]?.bundle;
  const phases = ref ? [...ref.phases] : [...DEFAULT_PHASES];
  const gateIndex = ref ? ref.gateIndex : phases.length - 1;
  const first = phases[0]!;
  const results: CheckResult[] = [];

  const loaded = new Set(shards.map((s) => s.id));
  for (const [id, reason] of [...(input.unreadable ?? new Map<string, string>())].sort()) {
    results.push(result(`shard ${id}`, first, 'error', `shard ${id} left unreadable results: ${reason}`));
  }
  for (const id of [...new Set(input.expected)].sort()) {
    if (!loaded.has(id) && !input.unreadable?.has(id)) {
      results.push(result(`shard ${id}`, first, 'error', `shard ${id} left no results (it crashed, was cancelled, or its artifact was not uploaded)`));
    }
  }
  if (shards.length === 0) {
    results.push(result('shards', first, 'error', 'no shard left any results'));
    return { phases, gateIndex, results, runs: 0, shardIds: [] };
  }
  const disagree = shards.filter((s) => JSON.stringify(s.bundle.phases) !== JSON.stringify(phases) || s.bundle.gateIndex !== gateIndex);
  if (disagree.length > 0) {
    results.push(result('shards', first, 'error', `shards disagree on the phases or the gate: ${disagree.map((s) => s.id).join(', ')} differ from ${shards[0]!.id}`));
  }

  const ids = new Set<string>();
  for (const s of shards) for (const c of s.bundle.checks) if (phases.includes(c.phase)) ids.add(c.id);
  const rank = (id: string): number => (BUILTIN_ORDER.includes(id) ? BUILTIN_ORDER.indexOf(id) : BUILTIN_ORDER.length);
  const ordered = [...ids].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const runsOf = (id: string) => shards.flatMap((s) => s.bundle.checks.filter((c) => c.id === id).map((check) => ({ shard: s.id, check, loaded: s })));

  let testRuns = 0;
  let mergedCoverage: FileCoverage[] | null = null;
  for (const id of ordered) {
    const runs = runsOf(id);
    const phase = runs[0]!.check.phase;
    if (id === 'pytest') {
      const ran = runs.filter((r) => r.check.status !== 'skipped');
      if (ran.length === 0) {
        results.push(mergeGeneric(id, runs));
        continue;
      }
      const crashed = ran.filter((r) => r.check.status === 'error' || r.loaded.tests === null);
      const { cases, runs: n } = mergeTests(ran.filter((r) => r.loaded.tests !== null).map((r) => ({ id: r.shard, cases: r.loaded.tests! })));
      testRuns = n;
      const totals = summarizeTests(cases);
      const counts = `${totals.passed} passed, ${totals.failed} failed, ${totals.errors} errors, ${totals.skipped} skipped (${plural(n, 'run')} on ${plural(ran.length, 'job')})`;
      const tests = { totals, cases };
      if (crashed.length > 0) {
        const why = crashed.map((r) => `${r.shard}: ${r.loaded.problems.join('; ') || r.check.summary}`).join('; ');
        results.push(result(id, phase, 'error', `pytest could not run on ${crashed.map((r) => r.shard).join(', ')} — ${why}`, { tests }));
      } else if (totals.total - totals.skipped === 0) {
        results.push(result(id, phase, 'failed', `no test ran on any job: at least one test must run`, { tests }));
      } else {
        results.push(result(id, phase, totals.failed + totals.errors > 0 ? 'failed' : 'passed', counts, { tests }));
      }
      continue;
    }
    if (id === 'coverage' || id === 'diff-coverage') {
      const measured = runs.filter((r) => r.check.status !== 'skipped');
      if (measured.length === 0) {
        results.push(mergeGeneric(id, runs));
        continue;
      }
      const missing = measured.filter((r) => r.loaded.coverage === null);
      if (missing.length > 0) {
        results.push(result(id, phase, 'error', `no coverage report from ${missing.map((r) => r.shard).join(', ')}: ${missing.map((r) => r.loaded.problems.join('; ') || r.check.summary).join('; ')}`));
        continue;
      }
      mergedCoverage ??= mergeCoverage(shards.filter((s) => s.coverage !== null).map((s) => s.coverage!));
      const totals = coverageTotals(mergedCoverage);
      const floor = ref!.coverageFloor;
      const base = { totals, floor, diffPercent: null, diffFloor: null, worstFiles: worstFiles(mergedCoverage) };
      if (id === 'coverage') {
        const ok = totals.percent >= floor;
        results.push(result(id, phase, ok ? 'passed' : 'failed', `${pct(totals.percent)} ${ok ? '≥' : '<'} floor ${floor}% (union of ${plural(measured.length, 'job')})`, { coverage: base }));
        continue;
      }
      const errored = measured.filter((r) => r.check.status === 'error' || r.check.changedLines === undefined);
      if (errored.length > 0) {
        results.push(result(id, phase, errored.some((r) => r.check.status === 'error') ? 'error' : 'failed', `diff coverage not measured on ${errored.map((r) => r.shard).join(', ')}: ${errored[0]!.check.summary}`));
        continue;
      }
      const added = new Map<string, Set<number>>();
      for (const r of measured) for (const [file, lines] of Object.entries(r.check.changedLines!)) added.set(file, new Set([...(added.get(file) ?? []), ...lines]));
      const d = diffCoverage(added, mergedCoverage);
      const diffFloor = ref!.diffCoverageFloor;
      const coverage = { ...base, diffPercent: d.percent, diffFloor };
      if (d.percent === null) {
        results.push(result(id, phase, 'passed', 'no coverable line changed', { coverage }));
        continue;
      }
      const ok = d.percent >= diffFloor;
      const findings: Finding[] = d.files
        .filter((f) => f.missing.length > 0)
        .map((f) => ({ file: f.file, line: f.missing[0]!, column: null, rule: 'diff-coverage', severity: 'warning' as const, message: `${plural(f.missing.length, 'changed line')} not covered by tests: ${f.missing.slice(0, 20).join(', ')}${f.missing.length > 20 ? ', …' : ''}` }));
      results.push(result(id, phase, ok ? 'passed' : 'failed', `${pct(d.percent)} of ${plural(d.total, 'changed line')} covered ${ok ? '≥' : '<'} floor ${diffFloor}% (union of ${plural(measured.length, 'job')})`, { coverage, findings }));
      continue;
    }
    results.push(mergeGeneric(id, runs));
  }
  return { phases, gateIndex, results, runs: testRuns, shardIds: shards.map((s) => s.id) };
}
