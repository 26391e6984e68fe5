/**
 * The one schema for results that cross a trust boundary: a shard's `shard.json` read by the fan-in, and the
 * gate report inside a fork PR's comment payload read by `mode: post`. Both were written by a job that ran the
 * PR's code, so both are untrusted: every field is typed, ranged and capped; statuses and severities are enums;
 * unknown keys are refused (a key the writer never writes is a sign of tampering, and `__proto__` is one).
 * Strings are capped by truncation rather than refused, so a long test name costs detail, not the comment.
 */
import * as v from 'valibot';

/** Phase names as `[tool.nebula-gate] phases` may spell them. */
export const PHASE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
/** Check ids: the built-in ones and `[[tool.nebula-gate.custom]] id`. */
export const CHECK_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
/** Shard ids (`ubuntu-latest-3.12-1of2`): what an artifact name and `expected-shards` accept. */
export const SHARD_ID = /^[A-Za-z0-9._-]{1,128}$/;
/** Ids the fan-in gives its own results: `shard <id>` for a missing or unreadable shard, `shards` for the set. */
const MERGE_CHECK_ID = /^(shards|shard [A-Za-z0-9._-]{1,128})$/;

const capped = (max: number) => v.pipe(v.string(), v.transform((s: string) => s.slice(0, max)));
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const position = v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0)));
const percent = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100));
const status = v.picklist(['passed', 'failed', 'error', 'skipped']);
const phaseName = v.pipe(v.string(), v.regex(PHASE_NAME, 'must be a plain phase name (A-Z a-z 0-9 _ -, at most 40)'));
const checkId = v.pipe(v.string(), v.check((s: string) => CHECK_ID.test(s) || MERGE_CHECK_ID.test(s), 'must be a check id (a-z 0-9 _ -, at most 40)'));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

export const findingSchema = v.strictObject({
  file: capped(1024),
  line: position,
  column: position,
  rule: capped(200),
  severity: v.picklist(['error', 'warning', 'notice']),
  message: capped(4000),
});

export const vulnerabilitySchema = v.strictObject({
  package: capped(200),
  version: capped(100),
  id: capped(200),
  aliases: list(capped(200), 50),
  fixVersions: list(capped(200), 50),
  description: capped(2000),
});

const worstFile = v.strictObject({ file: capped(1024), percent });

/** The versioned JSON report (src/gate/report.ts), schema 1. */
export const gateReportSchema = v.strictObject({
  schema: v.literal(1),
  verdict: v.picklist(['pass', 'fail']),
  gate: phaseName,
  phaseReached: v.pipe(v.number(), v.safeInteger(), v.minValue(-1), v.maxValue(49)),
  blockedBy: v.nullable(phaseName),
  why: capped(2000),
  phases: list(
    v.strictObject({
      index: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(49)),
      name: phaseName,
      required: v.boolean(),
      status,
      checks: list(
        v.strictObject({
          id: checkId,
          status,
          summary: capped(1000),
          durationMs: count,
          findings: list(findingSchema, 10_000),
          tool: v.optional(capped(300)),
          output: v.optional(capped(20_000)),
        }),
        100,
      ),
    }),
    50,
  ),
  tests: v.nullable(
    v.strictObject({
      total: count,
      passed: count,
      failed: count,
      errors: count,
      skipped: count,
      // Reports written before xfail was counted apart have none.
      xfailed: v.optional(count, 0),
      failures: list(v.strictObject({ name: capped(2000), file: v.nullable(capped(1024)), line: position, message: capped(8000), details: capped(8000) }), 20_000),
    }),
  ),
  coverage: v.nullable(v.strictObject({ percent, floor: percent, diffPercent: v.nullable(percent), diffFloor: v.nullable(percent), worstFiles: list(worstFile, 200) })),
  vulnerabilities: list(vulnerabilitySchema, 1000),
});

const coverageTotals = v.strictObject({ linesCovered: count, linesTotal: count, branchesCovered: count, branchesTotal: count, percent });

/** A check as a shard ran it (src/merge/bundle.ts `ShardCheck`). */
export const shardCheckSchema = v.strictObject({
  id: checkId,
  phase: phaseName,
  status,
  summary: capped(1000),
  durationMs: count,
  exitCode: v.nullable(v.pipe(v.number(), v.safeInteger())),
  findings: list(findingSchema, 10_000),
  coverage: v.optional(v.strictObject({ totals: coverageTotals, floor: percent, diffPercent: v.nullable(percent), diffFloor: v.nullable(percent), worstFiles: list(worstFile, 200) })),
  vulnerabilities: v.optional(list(vulnerabilitySchema, 1000)),
  changedLines: v.optional(v.pipe(v.record(capped(1024), list(v.pipe(v.number(), v.safeInteger(), v.minValue(1)), 100_000)), v.check((r) => Object.keys(r).length <= 10_000, 'names more than 10000 files'))),
  tool: v.optional(capped(300)),
});

const plainFileName = v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a plain file name')));

export const shardBundleSchema = v.strictObject({
  schema: v.literal('nebula-gate-shard/1'),
  id: v.pipe(v.string(), v.regex(SHARD_ID, 'must be 1-128 of A-Z a-z 0-9 . _ -')),
  shard: v.nullable(v.strictObject({ index: v.pipe(count, v.minValue(1)), total: v.pipe(count, v.minValue(1), v.maxValue(256)), files: list(capped(1024), 100_000) })),
  os: capped(100),
  python: capped(100),
  projectRoot: v.pipe(v.string(), v.maxLength(4096)),
  phases: v.pipe(list(phaseName, 50), v.minLength(1)),
  gateIndex: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(49)),
  coverageFloor: percent,
  diffCoverageFloor: percent,
  checks: list(shardCheckSchema, 200),
  junit: plainFileName,
  cobertura: plainFileName,
  report: gateReportSchema,
});

/** Validates `value` against `schema`; throws with the first problems, each at its path ("checks.0.status: …"). */
export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  const problems = r.issues.slice(0, 3).map((i) => {
    const said = i.message.includes('received') || i.message.includes('Received') ? i.message : `${i.message} (received ${i.received})`;
    return `${v.getDotPath(i) ?? '(top level)'}: ${said.length > 200 ? `${said.slice(0, 200)}…` : said}`;
  });
  throw new SchemaError(problems.join('; '));
}

export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}
