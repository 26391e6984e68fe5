/**
 * The fan-in on REAL shard outputs: test/fixtures/shards/results, written by scripts/regen-shards.sh running the
 * action bundle in collect mode on test/fixtures/shards/project split by test files into two shards — once with
 * one pytest process per shard (file-*), once with each shard's tests spread over two pytest-xdist workers
 * (xdist-*) — plus an unsharded run and coverage.py's own `coverage combine` over each pair's data
 * (combine.json, combine-xdist.json).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide } from '../../src/gate/gate.js';
import { loadShardDir, loadShardDirs } from '../../src/merge/collect.js';
import { mergeCoverage, mergeShards, mergeTests, testKey, dedupeFindings } from '../../src/merge/merge.js';
import { splitTestFiles } from '../../src/merge/split.js';
import { listTestFiles } from '../../src/merge/test-files.js';
import { coverageTotals, type Finding } from '../../src/reports/model.js';
import { REPO_ROOT } from '../support/project.js';

const SHARDS = join(REPO_ROOT, 'test', 'fixtures', 'shards');
const RESULTS = join(SHARDS, 'results');
interface Combined {
  shards: string[];
  covered_lines: number;
  num_statements: number;
  percent_covered: number;
  files: Record<string, { executed_lines: number[] }>;
}
const readCombined = (name: string) => JSON.parse(readFileSync(join(SHARDS, name), 'utf8')) as Combined;
const combine = readCombined('combine.json');
/** The two ways the fixture's shards were split: by test files alone, and by test files with xdist workers inside. */
const SPLITS = [
  { kind: 'file-split', shards: ['file-1of2', 'file-2of2'], combined: combine },
  { kind: 'xdist-split', shards: ['xdist-1of2', 'xdist-2of2'], combined: readCombined('combine-xdist.json') },
] as const;
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A scratch copy of the named shard directories, as actions/download-artifact lays them out. */
function downloaded(names: string[], as: (n: string) => string = (n) => `nebula-gate-shard-${n}`): string {
  const root = mkdtempSync(join(tmpdir(), 'ng-shards-'));
  tmp.push(root);
  for (const n of names) cpSync(join(RESULTS, n), join(root, as(n)), { recursive: true });
  return root;
}

async function mergeOf(root: string, expected: string[]) {
  const { shards, unreadable } = await loadShardDirs(root);
  const merge = mergeShards({ shards, expected, unreadable });
  return { merge, decision: decide(merge.phases, merge.gateIndex, merge.results) };
}

describe('the fixture is what it claims', () => {
  test.each(SPLITS)('$kind: each shard ran the files split.ts assigns it, and together they are every test file', async ({ shards, combined }) => {
    const all = listTestFiles(join(SHARDS, 'project'), ['tests']);
    const split = splitTestFiles(all, 2);
    for (const [i, name] of shards.entries()) {
      const s = await loadShardDir(join(RESULTS, name));
      expect(s.bundle.shard).toEqual({ index: i + 1, total: 2, files: split[i] });
      expect(s.problems).toEqual([]);
    }
    expect(combined.shards).toEqual(shards);
  });
  test('the xdist shards ran under pytest-xdist: the project locks it and the shards passed `-n 2`', async () => {
    // (scripts/regen-shards.sh also refuses to write them unless pytest's log says "created: 2/2 workers".)
    expect(readFileSync(join(SHARDS, 'project', 'uv.lock'), 'utf8')).toMatch(/^name = "pytest-xdist"$/m);
    const one = await loadShardDir(join(RESULTS, 'file-1of2'));
    const xdistOne = await loadShardDir(join(RESULTS, 'xdist-1of2'));
    expect(xdistOne.tests!.map(testKey).sort()).toEqual(one.tests!.map(testKey).sort());
    // Worker start-up shows in the suite time: a plain run of these tests takes a fraction of a second.
    const suiteTime = (name: string) => Number(/<testsuite [^>]*\btime="([\d.]+)"/.exec(readFileSync(join(RESULTS, name, 'junit.xml'), 'utf8'))![1]);
    expect(suiteTime('xdist-1of2')).toBeGreaterThan(suiteTime('file-1of2'));
  });
  test('alone, each shard is below the floor; unsharded, the project passes', async () => {
    const one = await loadShardDir(join(RESULTS, 'file-1of2'));
    const all = await loadShardDir(join(RESULTS, 'unsharded'));
    expect(one.bundle.checks.find((c) => c.id === 'coverage')?.status).toBe('failed');
    expect(all.bundle.report.verdict).toBe('pass');
  });
});

describe.each(SPLITS)('merging the two shards ($kind)', ({ shards, combined }) => {
  test('the merged test count equals the unsharded pytest run: same tests, same outcomes', async () => {
    const { merge } = await mergeOf(downloaded([...shards]), [...shards]);
    const unsharded = await loadShardDir(join(RESULTS, 'unsharded'));
    const pytest = merge.results.find((r) => r.id === 'pytest')!;
    expect(pytest.tests!.totals).toEqual({ total: 9, passed: 8, failed: 0, errors: 0, skipped: 1, xfailed: 0 });
    expect(pytest.tests!.cases.map((c) => [testKey(c), c.outcome])).toEqual(
      [...unsharded.tests!].sort((a, b) => (testKey(a) < testKey(b) ? -1 : 1)).map((c) => [testKey(c), c.outcome]),
    );
    expect(merge.runs).toBe(9);
  });

  test('the merged coverage equals `coverage combine` over the shards’ data, per file and in total', async () => {
    const { merge } = await mergeOf(downloaded([...shards]), []);
    const cov = merge.results.find((r) => r.id === 'coverage')!;
    expect(cov.coverage!.totals.linesCovered).toBe(combined.covered_lines);
    expect(cov.coverage!.totals.linesTotal).toBe(combined.num_statements);
    expect(cov.coverage!.totals.percent).toBeCloseTo(combined.percent_covered, 10);
    const loaded = await Promise.all(shards.map((n) => loadShardDir(join(RESULTS, n))));
    const union = mergeCoverage(loaded.map((s) => s.coverage!));
    const executed = Object.fromEntries(union.map((f) => [f.file, [...f.lines].filter(([, h]) => h > 0).map(([n]) => n).sort((a, b) => a - b)]));
    expect(executed).toEqual(Object.fromEntries(Object.entries(combined.files).map(([f, v]) => [f, v.executed_lines])));
    // and the unsharded run measured the same
    const unsharded = await loadShardDir(join(RESULTS, 'unsharded'));
    expect(coverageTotals(unsharded.coverage!).percent).toBeCloseTo(combined.percent_covered, 10);
  });

  test('line hits are summed: a line both shards ran has two hits', async () => {
    const loaded = await Promise.all(shards.map((n) => loadShardDir(join(RESULTS, n))));
    const union = mergeCoverage(loaded.map((s) => s.coverage!));
    const init = union.find((f) => f.file === 'src/humanunits/__init__.py')!;
    expect([...init.lines.values()].every((h) => h === 2)).toBe(true);
  });

  test('decided once: the union passes the gate although each shard alone is below the floor', async () => {
    for (const n of shards) expect((await loadShardDir(join(RESULTS, n))).bundle.checks.find((c) => c.id === 'coverage')?.status).toBe('failed');
    const { decision } = await mergeOf(downloaded([...shards]), [...shards]);
    expect(decision.verdict).toBe('pass');
    expect(decision.phaseReached).toBe(4);
  });

  test('a shard that crashed without writing anything fails the gate at the first phase, naming it', async () => {
    const { decision, merge } = await mergeOf(downloaded([shards[0]]), [...shards]);
    expect(decision.verdict).toBe('fail');
    expect(decision.blockedBy).toBe('setup');
    expect(decision.why).toContain(`shard ${shards[1]} left no results`);
    expect(merge.results.find((r) => r.id === 'pytest')!.tests!.totals.total).toBe(6);
  });
});

describe('file-split and xdist-split shards together', () => {
  test('the same tests from both splits are two runs of one test each; the union is unchanged', async () => {
    const all = [...SPLITS[0].shards, ...SPLITS[1].shards];
    const { merge, decision } = await mergeOf(downloaded(all), all);
    const pytest = merge.results.find((r) => r.id === 'pytest')!;
    expect(pytest.tests!.totals.total).toBe(9);
    expect(merge.runs).toBe(18);
    expect(merge.results.find((r) => r.id === 'coverage')!.coverage!.totals.percent).toBeCloseTo(combine.percent_covered, 10);
    expect(decision.verdict).toBe('pass');
  });
});

describe('the shard outputs as downloaded', () => {
  test('shard.json at the root (one shard, downloaded without a subdirectory) is read too', async () => {
    const { shards } = await loadShardDirs(join(RESULTS, 'unsharded'));
    expect(shards.map((s) => s.id)).toEqual(['unsharded']);
  });
});

describe('a shard that crashed', () => {
  test('without writing anything: the gate fails at the first phase, naming it', async () => {
    const { decision, merge } = await mergeOf(downloaded(['file-1of2']), ['file-1of2', 'file-2of2']);
    expect(decision.verdict).toBe('fail');
    expect(decision.blockedBy).toBe('setup');
    expect(decision.why).toContain('shard file-2of2 left no results');
    // the shard that did report is still merged
    expect(merge.results.find((r) => r.id === 'pytest')!.tests!.totals.total).toBe(6);
  });

  test('after writing shard.json but not its JUnit: pytest is an error naming the shard and the file', async () => {
    const root = downloaded(['file-1of2', 'file-2of2']);
    rmSync(join(root, 'nebula-gate-shard-file-2of2', 'junit.xml'));
    const { decision } = await mergeOf(root, ['file-1of2', 'file-2of2']);
    expect(decision.verdict).toBe('fail');
    expect(decision.blockedBy).toBe('tests');
    expect(decision.why).toMatch(/pytest could not run on file-2of2 — file-2of2: .*junit\.xml: missing/);
  });

  test('with a truncated shard.json: named by its artifact directory', async () => {
    const root = downloaded(['file-1of2', 'file-2of2']);
    const p = join(root, 'nebula-gate-shard-file-2of2', 'shard.json');
    writeFileSync(p, readFileSync(p, 'utf8').slice(0, 100));
    const { decision } = await mergeOf(root, ['file-1of2', 'file-2of2']);
    expect(decision.verdict).toBe('fail');
    expect(decision.why).toContain('shard file-2of2 left unreadable results');
  });

  test('no shard at all: fails, never passes on nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ng-none-'));
    tmp.push(root);
    const { decision } = await mergeOf(root, []);
    expect(decision.verdict).toBe('fail');
    expect(decision.why).toContain('no shard left any results');
  });

  test('shards that disagree on the gate fail the merge', async () => {
    const root = downloaded(['file-1of2', 'file-2of2']);
    const p = join(root, 'nebula-gate-shard-file-2of2', 'shard.json');
    writeFileSync(p, readFileSync(p, 'utf8').replace('"gateIndex": 4', '"gateIndex": 2'));
    const { decision } = await mergeOf(root, []);
    expect(decision.verdict).toBe('fail');
    expect(decision.why).toContain('disagree on the phases, the gate or the floors');
  });
});

/** The fields of shard.json the tampering tests rewrite. */
interface Editable {
  [key: string]: unknown;
  gateIndex: unknown;
  coverageFloor: unknown;
  phases: unknown[];
  checks: { id: string; status: unknown; phase: unknown; findings: unknown[] }[];
  report: { tests: unknown };
}

/** A real shard's shard.json, edited the way a process the PR left behind could edit it after the step exited. */
function tampered(edit: (bundle: Editable) => void, shard = 'file-2of2'): string {
  const root = downloaded(['file-1of2', 'file-2of2']);
  const p = join(root, `nebula-gate-shard-${shard}`, 'shard.json');
  const bundle = JSON.parse(readFileSync(p, 'utf8')) as Editable;
  edit(bundle);
  writeFileSync(p, JSON.stringify(bundle));
  return root;
}

describe('the fan-in trusts nothing it cannot check', () => {
  const EXPECTED = ['file-1of2', 'file-2of2'];
  test.each([
    ['an unknown status', (b: Editable) => (b.checks[0]!.status = 'bogus'), /checks\.0\.status: .*"bogus"/],
    ['gate index -1', (b: Editable) => (b.gateIndex = -1), /gateIndex: /],
    ['gate index 0.5', (b: Editable) => (b.gateIndex = 0.5), /gateIndex: /],
    ['gate index 1e9', (b: Editable) => (b.gateIndex = 1e9), /gateIndex: /],
    ['a floor of -1', (b: Editable) => (b.coverageFloor = -1), /coverageFloor: /],
    ['a floor of Infinity (as JSON writes it: null)', (b: Editable) => (b.coverageFloor = null), /coverageFloor: /],
    ['an unknown key', (b: Editable) => (b.verdictOverride = 'pass'), /verdictOverride: /],
    ['a __proto__ key', (b: Editable) => Object.defineProperty(b, '__proto__', { value: { gateIndex: 0 }, enumerable: true }), /__proto__: /],
    ['a negative count in the report', (b: Editable) => (b.report.tests = { total: -1, passed: 0, failed: 0, errors: 0, skipped: 0, xfailed: 0, failures: [] }), /report\.tests\.total: /],
    ['a phase with a workflow command for a name', (b: Editable) => (b.phases[1] = '::stop-commands::x'), /phases\.1: /],
    ['a check in a phase that is not one', (b: Editable) => (b.checks[0]!.phase = 'elsewhere'), /is in phase "elsewhere", which is not one of the phases/],
  ])('%s: the shard is unreadable, named, and the gate fails', async (_, edit, why) => {
    const { decision, merge } = await mergeOf(tampered(edit), EXPECTED);
    expect(decision.verdict).toBe('fail');
    const refused = merge.results.find((r) => r.id === 'shard file-2of2')!;
    expect(refused.status).toBe('error');
    expect(refused.summary).toMatch(why);
  });

  test('a shard not in expected-shards is refused, named, and its results are not merged', async () => {
    const root = downloaded(['file-1of2', 'file-2of2', 'unsharded']);
    const { decision, merge } = await mergeOf(root, EXPECTED);
    expect(decision.verdict).toBe('fail');
    expect(merge.results.find((r) => r.id === 'shard unsharded')!.summary).toBe('shard unsharded is not one of expected-shards (file-1of2, file-2of2): refused, not merged');
    expect(merge.shardIds).toEqual(EXPECTED);
  });

  test('a shard told another floor: the policy disagrees, named', async () => {
    const { decision } = await mergeOf(tampered((b) => (b.coverageFloor = 1)), EXPECTED);
    expect(decision.verdict).toBe('fail');
    expect(decision.why).toContain('shards disagree on the phases, the gate or the floors: file-2of2 differ from file-1of2');
  });

  test('a static check rewritten in one shard (its findings dropped, passed): the disagreement is an error, named', async () => {
    const root = tampered((b) => {
      const lint = b.checks.find((c) => c.id === 'ruff-check')!;
      lint.status = 'failed';
      lint.findings = [{ file: 'src/x.py', line: 1, column: 1, rule: 'F401', severity: 'error', message: 'unused' }];
    }, 'file-1of2');
    const { decision, merge } = await mergeOf(root, EXPECTED);
    const lint = merge.results.find((r) => r.id === 'ruff-check')!;
    expect(lint.status).toBe('error');
    expect(lint.summary).toMatch(/^the shards disagree on ruff-check, which depends on the checkout alone: failed with 1 finding on file-1of2, passed with 0 findings on file-2of2/);
    expect(decision.verdict).toBe('fail');
  });
});

describe('the same tests on two Pythons (matrix rows)', () => {
  test('two runs of one test: counted once; failing on one fails it, with that row named', async () => {
    const s = await loadShardDir(join(RESULTS, 'unsharded'));
    const py313 = s.tests!.map((c) => (c.name === 'test_format_duration' ? { ...c, outcome: 'failed' as const, message: 'assert 1 == 2' } : c));
    const { cases, runs } = mergeTests([
      { id: 'ubuntu-py3.12', cases: s.tests! },
      { id: 'ubuntu-py3.13', cases: py313 },
    ]);
    expect(runs).toBe(18);
    expect(cases).toHaveLength(9);
    const failed = cases.filter((c) => c.outcome === 'failed');
    expect(failed.map((c) => [c.name, c.message])).toEqual([['test_format_duration', '[ubuntu-py3.13] assert 1 == 2']]);
  });

  test('skipped on one row, passed on another: passed', () => {
    const base = { classname: 'tests.t', file: 'tests/t.py', line: 1, durationSec: 0, message: '', details: '' };
    const { cases } = mergeTests([
      { id: 'a', cases: [{ ...base, name: 'x', outcome: 'skipped' }] },
      { id: 'b', cases: [{ ...base, name: 'x', outcome: 'passed' }] },
    ]);
    expect(cases.map((c) => c.outcome)).toEqual(['passed']);
  });
});

describe('findings', () => {
  test('the same finding from every row is reported once', () => {
    const f: Finding = { file: 'src/a.py', line: 3, column: 1, rule: 'F401', severity: 'error', message: 'unused import' };
    expect(dedupeFindings([f, { ...f }, { ...f, line: 4 }])).toHaveLength(2);
  });
  test('merged through mergeShards: one copy per distinct finding, worst status kept', async () => {
    const root = downloaded(['file-1of2', 'file-2of2']);
    for (const n of ['file-1of2', 'file-2of2']) {
      const p = join(root, `nebula-gate-shard-${n}`, 'shard.json');
      const b = JSON.parse(readFileSync(p, 'utf8')) as { checks: { id: string; status: string; summary: string; findings: Finding[] }[] };
      const ruff = b.checks.find((c) => c.id === 'ruff-check')!;
      ruff.status = 'failed';
      ruff.summary = '1 finding';
      ruff.findings = [{ file: 'src/humanunits/sizes.py', line: 3, column: 1, rule: 'F401', severity: 'error', message: 'unused import' }];
      writeFileSync(p, JSON.stringify(b));
    }
    const { merge, decision } = await mergeOf(root, []);
    const ruff = merge.results.find((r) => r.id === 'ruff-check')!;
    expect(ruff.findings).toHaveLength(1);
    expect(ruff.status).toBe('failed');
    expect(decision.blockedBy).toBe('quality');
  });
});

describe('diff coverage on the union', () => {
  /** Both shards measured the same change; each alone misses lines the other ran. */
  function withChange(root: string, lines: number[]): void {
    for (const n of ['file-1of2', 'file-2of2']) {
      const p = join(root, `nebula-gate-shard-${n}`, 'shard.json');
      const b = JSON.parse(readFileSync(p, 'utf8')) as { checks: { id: string; status: string; summary: string; changedLines?: Record<string, number[]> }[] };
      const d = b.checks.find((c) => c.id === 'diff-coverage')!;
      d.status = 'failed';
      d.summary = 'below the floor on this shard alone';
      d.changedLines = { 'src/humanunits/sizes.py': lines };
      writeFileSync(p, JSON.stringify(b));
    }
  }
  test('recomputed from the changed lines the shards recorded: covered by the union, it passes', async () => {
    const root = downloaded(['file-1of2', 'file-2of2']);
    // format_size's body (shard 1's tests) and parse_size's body (shard 2's tests)
    withChange(root, [20, 21, 34, 35, 36]);
    const { merge, decision } = await mergeOf(root, []);
    const d = merge.results.find((r) => r.id === 'diff-coverage')!;
    expect(d.status).toBe('passed');
    expect(d.coverage!.diffPercent).toBe(100);
    expect(decision.verdict).toBe('pass');
  });
  test('a changed line no shard ran fails it, with a finding', async () => {
    const root = downloaded(['file-1of2', 'file-2of2']);
    const missed = [...Array(41).keys()].map((i) => i + 1).find((n) => !combine.files['src/humanunits/sizes.py']!.executed_lines.includes(n) && n > 18)!;
    withChange(root, [20, missed]);
    const { merge } = await mergeOf(root, []);
    const d = merge.results.find((r) => r.id === 'diff-coverage')!;
    expect(d.status).toBe('failed');
    expect(d.findings.map((f) => f.line)).toEqual([missed]);
  });
});
