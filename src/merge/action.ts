/**
 * The action's collect and merge modes (DESIGN.md §7), called from run(). Collect: before the checks, pick this
 * shard's test files; after them, write the shard directory. Merge: read the downloaded shard directories,
 * union them and build one report for one decision. Merge spawns no process and reads no project file.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckResult } from '../model/check.js';
import { decide } from '../gate/gate.js';
import { buildGateReport, type GateReport } from '../gate/report.js';
import { ConfigError } from '../config/errors.js';
import { pytestTestpaths } from '../config/pyproject.js';
import type { FanInputs } from '../action/inputs.js';
import type { GateConfig } from '../config/resolve.js';
import { parseJunit } from '../reports/junit.js';
import { SHARD_SCHEMA, shardId, type ShardCheck } from './bundle.js';
import { loadShardDirs, writeShardDir } from './collect.js';
import { mergeShards, type MergeResult } from './merge.js';
import { durationsByFile, parseShardSpec, splitTestFiles, type ShardSpec } from './split.js';
import { listTestFiles } from './test-files.js';
import { deepFreeze } from '../text/freeze.js';

export interface PreparedShard {
  spec: ShardSpec | null;
  files: string[];
}

/** Durations from a previous run: pytest JUnit XML, or `{ "tests/test_x.py": seconds }` as merge mode writes it. */
export function readDurations(path: string, projectDir: string): Map<string, number> {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) {
    const data = JSON.parse(text) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`test-durations: ${path} is not a JSON object of file → seconds`);
    return new Map(Object.entries(data).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] >= 0));
  }
  return durationsByFile(parseJunit(text, path, projectDir).cases);
}

/**
 * Collect mode, before the checks: this shard's test files appended to pytest's argv (an explicit file list
 * overrides `testpaths`), in a new configuration. An empty shard (more shards than files) skips pytest rather
 * than running them all.
 */
export function prepareShard(config: GateConfig, fan: FanInputs, workspace: string, warn: (m: string) => void): { shard: PreparedShard; config: GateConfig } {
  const spec = parseShardSpec(fan.testShard);
  if (spec === null) return { shard: { spec, files: [] }, config };
  const text = readFileSync(join(config.projectDir, 'pyproject.toml'), 'utf8');
  const all = listTestFiles(config.projectDir, pytestTestpaths(text));
  let durations = new Map<string, number>();
  if (fan.testDurations !== '') {
    try {
      durations = readDurations(resolve(workspace, fan.testDurations), config.projectDir);
    } catch (e) {
      // Durations only balance the split; without them it is still deterministic.
      warn(`test-durations: ${e instanceof Error ? e.message : String(e)} — splitting by file count`);
    }
  }
  const files = splitTestFiles(all, spec.total, durations)[spec.index - 1]!;
  const pytest = files.length === 0 ? { ...config.checks.pytest, enabled: false } : { ...config.checks.pytest, args: [...config.checks.pytest.args, ...files] };
  return { shard: { spec, files }, config: deepFreeze({ ...config, checks: { ...config.checks, pytest } }) };
}

const shardCheck = (r: CheckResult): ShardCheck => {
  const { tests: _tests, outputTail: _tail, ...rest } = r;
  return rest;
};

/** Collect mode, after the checks: the shard directory (shard.json + raw JUnit/Cobertura); returns its path. */
export function writeCollected(opts: {
  workspace: string;
  fan: FanInputs;
  config: GateConfig;
  shard: PreparedShard;
  results: readonly CheckResult[];
  report: GateReport;
  outDir: string;
  os: string;
  python: string;
}): string {
  const dir = resolve(opts.workspace, opts.fan.resultsPath);
  const id = opts.fan.shardId || shardId(opts.os, opts.python, opts.shard.spec);
  writeShardDir(
    dir,
    {
      schema: SHARD_SCHEMA,
      id,
      shard: opts.shard.spec ? { ...opts.shard.spec, files: opts.shard.files } : null,
      os: opts.os,
      python: opts.python,
      projectRoot: opts.config.projectDir,
      phases: opts.config.phases,
      gateIndex: opts.config.gateIndex,
      coverageFloor: opts.config.coverageFloor,
      diffCoverageFloor: opts.config.diffCoverageFloor,
      checks: opts.results.map(shardCheck),
      report: opts.report,
    },
    { junit: join(opts.outDir, 'junit.xml'), cobertura: join(opts.outDir, 'coverage.xml') },
  );
  return dir;
}

export interface Merged {
  report: GateReport;
  merge: MergeResult;
  /** The directory the merged report.json and test-durations.json were written to. */
  outDir: string;
}

/** Merge mode: the shard directories under `results-path` → one report, decided once. */
export async function mergeResults(fan: FanInputs, workspace: string, outDir: string): Promise<Merged> {
  const root = resolve(workspace, fan.resultsPath);
  const { shards, unreadable } = await loadShardDirs(root);
  const merge = mergeShards({ shards, expected: fan.expectedShards, unreadable });
  const decision = decide(merge.phases, merge.gateIndex, merge.results);
  const report = buildGateReport(decision, merge.phases[merge.gateIndex] ?? String(merge.gateIndex), merge.results);
  mkdirSync(outDir, { recursive: true });
  const tests = merge.results.find((r) => r.tests)?.tests?.cases ?? [];
  writeFileSync(join(outDir, 'test-durations.json'), `${JSON.stringify(Object.fromEntries(durationsByFile(tests)), null, 2)}\n`);
  return { report, merge, outDir };
}
