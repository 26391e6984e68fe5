/**
 * What one matrix/shard job leaves for the fan-in job: `shard.json` (versioned JSON, this schema) beside the raw
 * JUnit and Cobertura files the tools wrote. The raw files travel because a union needs the elements — line hits
 * per file, one record per test — which the report's totals no longer have.
 */
import type { CheckResult } from '../model/check.js';
import type { GateReport } from '../gate/report.js';

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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates a parsed `shard.json`; throws with the reason (the caller names the file). */
export function validateBundle(value: unknown): ShardBundle {
  if (!isRecord(value)) throw new Error('not a JSON object');
  if (value.schema !== SHARD_SCHEMA) throw new Error(`schema ${JSON.stringify(value.schema)} is not ${SHARD_SCHEMA}`);
  const str = (k: string): string => {
    if (typeof value[k] !== 'string') throw new Error(`${k} must be a string`);
    return value[k];
  };
  const num = (k: string): number => {
    const n = value[k];
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`${k} must be a finite number`);
    return n;
  };
  const id = str('id');
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(id)) throw new Error(`id ${JSON.stringify(id.slice(0, 80))} must be 1-128 of A-Z a-z 0-9 . _ -`);
  str('os');
  str('python');
  str('projectRoot');
  num('gateIndex');
  num('coverageFloor');
  num('diffCoverageFloor');
  if (!Array.isArray(value.phases) || !value.phases.every((p) => typeof p === 'string')) throw new Error('phases must be a list of names');
  if (!Array.isArray(value.checks) || !value.checks.every((c) => isRecord(c) && typeof c.id === 'string' && typeof c.phase === 'string' && typeof c.status === 'string' && Array.isArray(c.findings))) {
    throw new Error('checks must be a list of check results');
  }
  for (const k of ['junit', 'cobertura']) {
    const f = value[k];
    if (f !== null && (typeof f !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(f))) throw new Error(`${k} must be null or a plain file name`);
  }
  if (value.shard !== null && !(isRecord(value.shard) && Array.isArray(value.shard.files))) throw new Error('shard must be null or {index, total, files}');
  return value as unknown as ShardBundle;
}

/** A shard id from its parts, limited to the characters an artifact name and the bundle accept. */
export function shardId(os: string, python: string, shard: { index: number; total: number } | null): string {
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'default';
  return [clean(os), clean(python), ...(shard ? [`${shard.index}of${shard.total}`] : [])].join('-').slice(0, 128);
}
