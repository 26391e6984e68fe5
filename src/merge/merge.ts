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
 * - An expected shard with no results fails the first phase, named; a shard not expected is refused, named.
 * - Shards must agree on the policy (phases, gate, floors) and on every static check (src/model/registry.ts).
 */
import type { CheckResult, CheckStatus } from '../model/check.js';
import { DEFAULT_PHASES, reportRank, staticScope } from '../model/registry.js';
import { coverageFigures, judgeCoverage, judgeDiffCoverage, judgeTests } from '../gate/outcomes.js';
import { diffCoverage } from '../reports/diff.js';
import { summarizeTests, type FileCoverage, type Finding, type TestCase, type Vulnerability } from '../reports/model.js';
import { plural } from '../text/plural.js';
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

/** Test outcome precedence across runs of one test. */
const OUTCOME_RANK: Record<TestCase['outcome'], number> = { failed: 3, error: 2, passed: 1, xfailed: 1, skipped: 0 };

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

type ShardRun = { shard: string; check: ShardCheck; loaded: LoadedShard };
/** The checks the fan-in decides again on the union of the shards; every other check is decided where it ran. */
export const UNION_CHECKS: readonly string[] = ['pytest', 'coverage', 'diff-coverage'];

/** pytest on the union of the jobs that ran it: one record per test identity, judged by the outcome rules. */
function mergePytest(ran: readonly ShardRun[]): { result: CheckResult; runs: number } {
  const phase = ran[0]!.check.phase;
  const crashed = ran.filter((r) => r.check.status === 'error' || r.loaded.tests === null);
  const { cases, runs } = mergeTests(ran.filter((r) => r.loaded.tests !== null).map((r) => ({ id: r.shard, cases: r.loaded.tests! })));
  const tests = { totals: summarizeTests(cases), cases };
  if (crashed.length > 0) {
    const why = crashed.map((r) => `${r.shard}: ${r.loaded.problems.join('; ') || r.check.summary}`).join('; ');
    return { result: result('pytest', phase, 'error', `pytest could not run on ${crashed.map((r) => r.shard).join(', ')} — ${why}`, { tests }), runs };
  }
  const { status, summary } = judgeTests(tests.totals, ` (${plural(runs, 'run')} on ${plural(ran.length, 'job')})`);
  return { result: result('pytest', phase, status, summary, { tests }), runs };
}

/** Coverage or diff coverage on the union of the line hits, against the shards' (agreeing) floors. */
function mergeCoverageCheck(id: string, measured: readonly ShardRun[], unionCoverage: () => FileCoverage[], ref: ShardBundle): CheckResult {
  const phase = measured[0]!.check.phase;
  const missing = measured.filter((r) => r.loaded.coverage === null);
  if (missing.length > 0) {
    return result(id, phase, 'error', `no coverage report from ${missing.map((r) => r.shard).join(', ')}: ${missing.map((r) => r.loaded.problems.join('; ') || r.check.summary).join('; ')}`);
  }
  const files = unionCoverage();
  const scope = `union of ${plural(measured.length, 'job')}`;
  if (id === 'coverage') {
    const coverage = coverageFigures(files, ref.coverageFloor);
    const { status, summary } = judgeCoverage(coverage.totals, ref.coverageFloor, scope);
    return result(id, phase, status, summary, { coverage });
  }
  const errored = measured.filter((r) => r.check.status === 'error' || r.check.changedLines === undefined);
  if (errored.length > 0) {
    return result(id, phase, errored.some((r) => r.check.status === 'error') ? 'error' : 'failed', `diff coverage not measured on ${errored.map((r) => r.shard).join(', ')}: ${errored[0]!.check.summary}`);
  }
  const added = new Map<string, Set<number>>();
  for (const r of measured) for (const [file, lines] of Object.entries(r.check.changedLines!)) added.set(file, new Set([...(added.get(file) ?? []), ...lines]));
  const d = diffCoverage(added, files);
  const coverage = coverageFigures(files, ref.coverageFloor, { percent: d.percent, floor: ref.diffCoverageFloor });
  const { status, summary, findings } = judgeDiffCoverage(d, ref.diffCoverageFloor, `(${scope})`);
  return result(id, phase, status, summary, { coverage, findings });
}

/** What every shard must have been told alike: a shard deciding by other rules is not one of this run's. */
const policyOf = (b: ShardBundle): string => JSON.stringify([b.phases, b.gateIndex, b.coverageFloor, b.diffCoverageFloor]);

/**
 * A static check (src/model/registry.ts) reports the same in every job that shares what it depends on; shards that
 * disagree were not all judged by the checkout (one of them was rewritten, or ran another commit): an error, named.
 */
function staticDisagreement(id: string, runs: readonly ShardRun[]): CheckResult | null {
  const scope = staticScope(id);
  if (scope === false) return null;
  const groups = new Map<string, ShardRun[]>();
  for (const r of runs) {
    const key = scope === 'per-python' ? r.loaded.bundle.python : '';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const statuses = new Set(group.map((r) => r.check.status));
    const findings = new Set(group.map((r) => r.check.findings.length));
    if (statuses.size > 1 || findings.size > 1) {
      const said = group.map((r) => `${r.check.status} with ${plural(r.check.findings.length, 'finding')} on ${r.shard}`).join(', ');
      return result(id, group[0]!.check.phase, 'error', `the shards disagree on ${id}, which depends on the checkout alone: ${said} — a shard's results were changed after the check ran, or the jobs checked out different commits`);
    }
  }
  return null;
}

export function mergeShards(input: MergeInput): MergeResult {
  const expected = new Set(input.expected);
  // A shard the run does not expect is refused, not merged: its floor or its passing tests must not count.
  const unexpected = expected.size === 0 ? [] : input.shards.filter((s) => !expected.has(s.id));
  const shards = input.shards.filter((s) => !unexpected.includes(s)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ref = shards[0]?.bundle;
  const phases = ref ? [...ref.phases] : [...DEFAULT_PHASES];
  const gateIndex = ref ? ref.gateIndex : phases.length - 1;
  const first = phases[0]!;
  const results: CheckResult[] = [];

  for (const s of [...unexpected].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    results.push(result(`shard ${s.id}`, first, 'error', `shard ${s.id} is not one of expected-shards (${[...expected].sort().join(', ')}): refused, not merged`));
  }
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
  const disagree = shards.filter((s) => policyOf(s.bundle) !== policyOf(ref!));
  if (disagree.length > 0) {
    results.push(result('shards', first, 'error', `shards disagree on the phases, the gate or the floors: ${disagree.map((s) => s.id).join(', ')} differ from ${shards[0]!.id}`));
  }

  const ids = new Set<string>();
  for (const s of shards) for (const c of s.bundle.checks) if (phases.includes(c.phase)) ids.add(c.id);
  const ordered = [...ids].sort((a, b) => reportRank(a) - reportRank(b) || (a < b ? -1 : 1));
  const runsOf = (id: string) => shards.flatMap((s) => s.bundle.checks.filter((c) => c.id === id).map((check) => ({ shard: s.id, check, loaded: s })));

  let testRuns = 0;
  let union: FileCoverage[] | null = null;
  const unionCoverage = (): FileCoverage[] => (union ??= mergeCoverage(shards.filter((s) => s.coverage !== null).map((s) => s.coverage!)));
  for (const id of ordered) {
    const runs = runsOf(id);
    // Tests and coverage are decided again on the union of the jobs that ran them; when none did, like any check.
    const ran = runs.filter((r) => r.check.status !== 'skipped');
    if (ran.length === 0 || !UNION_CHECKS.includes(id)) results.push(staticDisagreement(id, runs) ?? mergeGeneric(id, runs));
    else if (id === 'pytest') {
      const merged = mergePytest(ran);
      testRuns = merged.runs;
      results.push(merged.result);
    } else results.push(mergeCoverageCheck(id, ran, unionCoverage, ref!));
  }
  return { phases, gateIndex, results, runs: testRuns, shardIds: shards.map((s) => s.id) };
}
