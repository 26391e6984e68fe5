/**
 * Test sharding: which test files a shard runs. Pure — the file list and the durations come in; the same
 * inputs always give the same split, on every runner, so N jobs that never talk to each other agree on it.
 */
import type { TestCase } from '../reports/model.js';
import { ConfigError } from '../config/errors.js';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  total: number;
}

/** `2/4` → shard 2 of 4. Empty → null (no sharding). */
export function parseShardSpec(value: string): ShardSpec | null {
  const v = value.trim();
  if (v === '') return null;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(v);
  if (!m) throw new ConfigError(`test-shard: expected INDEX/TOTAL such as 1/4, got ${JSON.stringify(value)}`);
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || total > 256 || index < 1 || index > total) throw new ConfigError(`test-shard: ${v} is out of range (1 ≤ INDEX ≤ TOTAL ≤ 256)`);
  return { index, total };
}

/** Seconds per test file, summed over its test cases (pytest xunit1 carries `file=`); cases without a file are ignored. */
export function durationsByFile(cases: readonly TestCase[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cases) {
    if (c.file === null || !Number.isFinite(c.durationSec) || c.durationSec < 0) continue;
    out.set(c.file, (out.get(c.file) ?? 0) + c.durationSec);
  }
  return out;
}

/**
 * Splits test files into `total` shards, balanced by duration: longest first onto the least-loaded shard
 * (ties → the lower shard). A file with no recorded duration (new, or no previous run) weighs the mean of the
 * known ones, or 1 s when none is known — so without durations the split is round-robin by name.
 * Every file lands in exactly one shard; a shard may be empty when there are fewer files than shards.
 */
export function splitTestFiles(files: readonly string[], total: number, durations: ReadonlyMap<string, number> = new Map()): string[][] {
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`shard count must be a positive integer, got ${total}`);
  const unique = [...new Set(files)].sort();
  const known = unique.map((f) => durations.get(f)).filter((d): d is number => d !== undefined && Number.isFinite(d) && d >= 0);
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const weight = (f: string): number => {
    const d = durations.get(f);
    return d !== undefined && Number.isFinite(d) && d >= 0 ? d : fallback;
  };
  const ordered = unique.map((f) => ({ f, w: weight(f) })).sort((a, b) => b.w - a.w || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0));
  const shards: string[][] = Array.from({ length: total }, () => []);
  const load = new Array<number>(total).fill(0);
  for (const { f, w } of ordered) {
    let best = 0;
    for (let i = 1; i < total; i++) if (load[i]! < load[best]!) best = i;
    shards[best]!.push(f);
    load[best] = load[best]! + w;
  }
  return shards.map((s) => s.sort());
}

/** pytest's default discovery patterns for test files. */
export function isTestFile(name: string): boolean {
  return /^test_.*\.py$/.test(name) || /^.+_test\.py$/.test(name);
}
