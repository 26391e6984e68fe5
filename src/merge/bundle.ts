/**
 * What one matrix/shard job leaves for the fan-in job: `shard.json` (versioned JSON, this schema) beside the raw
 * JUnit and Cobertura files the tools wrote. The raw files travel because a union needs the elements — line hits
 * per file, one record per test — which the report's totals no longer have.
 */
import type { CheckResult } from '../model/check.js';
import type { GateReport } from '../gate/report.js';
import { parseWith, SchemaError, shardBundleSchema } from '../model/schema.js';

export const SHARD_SCHEMA = 'nebula-gate-shard/1';
export const SHARD_FILE = 'shard.json';
export const SHARD_JUNIT = 'junit.xml';
export const SHARD_COBERTURA = 'coverage.xml';

/** A check as a shard ran it, without the bulky parsed records (those are re-read from the raw files). */
export type ShardCheck = Omit<CheckResult, 'tests' | 'outputTail'>;

export interface ShardBundle {
  schema: typeof SHARD_SCHEMA;
  /** `ubuntu-latest-3.12-1of2`: unique in the run; the fan-in names a missing shard by it. */
  id: string;
  /** 1-based shard of the test files, or null when this job ran them all. */
  shard: { index: number; total: number; files: string[] } | null;
  os: string;
  python: string;
  /** Absolute project directory on the shard's runner: the root the raw reports' paths are relative to. */
  projectRoot: string;
  phases: string[];
  gateIndex: number;
  coverageFloor: number;
  diffCoverageFloor: number;
  checks: ShardCheck[];
  /** File names inside the shard directory, or null when the tool wrote none. */
  junit: string | null;
  cobertura: string | null;
  /** The gate this job alone would have decided — for the log; the fan-in decides again on the union. */
  report: GateReport;
}

/**
 * Validates a parsed `shard.json` in depth (src/model/schema.ts: types, enums, ranges, no unknown key), then what
 * one field says of another; throws with the reason (the caller names the file).
 */
export function validateBundle(value: unknown): ShardBundle {
  const bundle = parseWith(shardBundleSchema, value) as ShardBundle;
  if (new Set(bundle.phases).size !== bundle.phases.length) throw new SchemaError(`phases: a phase is named twice (${bundle.phases.join(', ')})`);
  if (bundle.gateIndex >= bundle.phases.length) throw new SchemaError(`gateIndex: ${bundle.gateIndex} is not one of the ${bundle.phases.length} phases`);
  const stray = bundle.checks.find((c) => !bundle.phases.includes(c.phase));
  if (stray) throw new SchemaError(`checks: ${stray.id} is in phase ${JSON.stringify(stray.phase)}, which is not one of the phases`);
  if (bundle.shard && bundle.shard.index > bundle.shard.total) throw new SchemaError(`shard: index ${bundle.shard.index} is past the total ${bundle.shard.total}`);
  return bundle;
}

/** A shard id from its parts, limited to the characters an artifact name and the bundle accept. */
export function shardId(os: string, python: string, shard: { index: number; total: number } | null): string {
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'default';
  return [clean(os), clean(python), ...(shard ? [`${shard.index}of${shard.total}`] : [])].join('-').slice(0, 128);
}
