/**
 * The fork hand-off (SECURITY.md R1): a fork PR's read-only token cannot comment, so the gate writes the comment
 * *data* (versioned JSON, never Markdown: R1.6) to a file that the workflow uploads as an artifact; a second,
 * `workflow_run`-triggered step (`mode: post`) reads it back, finds the PR from trusted run data only (R1.4),
 * re-renders and posts. The posting side runs no process and evaluates nothing (R1.3): this module imports no
 * process runner, and everything read from the payload is validated into fresh typed records first.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateReport } from '../gate/report.js';
import { gateReportSchema, parseWith } from '../model/schema.js';
import type { Octokit } from './comment.js';
import type { RunContext } from './context.js';
import { validInstanceId } from './context.js';
import { withRetries, type RetryOptions } from './retry.js';

export const PAYLOAD_KIND = 'nebula-gate-comment';
export const PAYLOAD_VERSION = 1;
/** The artifact the README's workflows upload and download (exact name, R1.5). */
export const ARTIFACT_NAME = 'nebula-gate-comment';
/** One payload file at most this big; a directory holds at most this many (R1.5). */
export const PAYLOAD_MAX_BYTES = 4 * 1024 * 1024;
export const PAYLOAD_MAX_FILES = 20;

export interface CommentPayload {
  kind: typeof PAYLOAD_KIND;
  version: typeof PAYLOAD_VERSION;
  instance: string;
  /** The PR head the gate ran on; the posting mode posts only when it equals workflow_run.head_sha. */
  headSha: string | null;
  /** Informational only: never used to choose the PR (R1.4). */
  prNumber: number | null;
  report: GateReport;
}

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

export function buildPayload(report: GateReport, instance: string, headSha: string | null, prNumber: number | null): CommentPayload {
  return { kind: PAYLOAD_KIND, version: PAYLOAD_VERSION, instance, headSha, prNumber, report };
}

/**
 * The payload as it will be read: under the cap `mode: post` reads it with (PAYLOAD_MAX_BYTES). A big failure
 * (1,500 failing tests with tracebacks is 6 MB) costs detail, step by step as the comment's own budget does —
 * tracebacks, then tool output, then findings and failures past the first hundred — never the comment.
 * The totals stay whole, so the verdict and the counts read the same.
 */
export function fitPayload(payload: CommentPayload, maxBytes = PAYLOAD_MAX_BYTES): { text: string; trimmed: string[] } {
  const size = (p: CommentPayload): string => `${JSON.stringify(p)}\n`;
  let text = size(payload);
  const trimmed: string[] = [];
  const report = payload.report;
  const steps: [string, (r: GateReport) => GateReport][] = [
    ['failure tracebacks', (r) => ({ ...r, tests: r.tests && { ...r.tests, failures: r.tests.failures.map((f) => ({ ...f, details: '' })) } })],
    ['tool output', (r) => ({ ...r, phases: r.phases.map((p) => ({ ...p, checks: p.checks.map(({ output: _dropped, ...c }) => c) })) })],
    ['findings past the first 100 per check', (r) => ({ ...r, phases: r.phases.map((p) => ({ ...p, checks: p.checks.map((c) => ({ ...c, findings: c.findings.slice(0, 100) })) })) })],
    ['failures past the first 100', (r) => ({ ...r, tests: r.tests && { ...r.tests, failures: r.tests.failures.slice(0, 100) } })],
    ['failure messages', (r) => ({ ...r, tests: r.tests && { ...r.tests, failures: r.tests.failures.map((f) => ({ ...f, message: f.message.slice(0, 200) })) } })],
  ];
  let current = report;
  for (const [what, step] of steps) {
    if (Buffer.byteLength(text) <= maxBytes) break;
    current = step(current);
    trimmed.push(what);
    text = size({ ...payload, report: current });
  }
  if (Buffer.byteLength(text) > maxBytes) throw new PayloadError(`the comment payload is ${Buffer.byteLength(text)} bytes even without details, over the ${maxBytes}-byte cap`);
  return { text, trimmed };
}

/** Writes `<dir>/<instance>.json`, fitted under the reading cap, and returns its path and what was left out. */
export function writePayload(dir: string, payload: CommentPayload): { path: string; trimmed: string[] } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${payload.instance}.json`);
  const { text, trimmed } = fitPayload(payload);
  writeFileSync(path, text);
  return { path, trimmed };
}

// ---------------------------------------------------------------------------------------------------------
// Reading untrusted payloads: caps first, then validation into fresh records

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

/**
 * Rebuilds a schema-1 report from untrusted JSON with the one schema (src/model/schema.ts): typed, ranged, capped,
 * no unknown key. Throws PayloadError naming the field.
 */
export function sanitizeReport(value: unknown): GateReport {
  if (!isObj(value) || value.schema !== 1) throw new PayloadError('report: not a schema-1 gate report');
  let report: GateReport;
  try {
    report = parseWith(gateReportSchema, value);
  } catch (e) {
    throw new PayloadError(`report: ${(e as Error).message}`);
  }
  if (report.phaseReached >= report.phases.length) throw new PayloadError(`report: phaseReached ${report.phaseReached} is past the ${report.phases.length} phases`);
  if (report.phases.some((p, i) => p.index !== i)) throw new PayloadError('report: phases are out of order');
  return report;
}

/** Parses one payload file's text (untrusted). Throws PayloadError naming what is wrong. */
export function parsePayload(content: string, where = 'payload'): CommentPayload {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    throw new PayloadError(`${where}: not JSON (${(e as Error).message.slice(0, 100)})`);
  }
  if (!isObj(doc) || doc.kind !== PAYLOAD_KIND) throw new PayloadError(`${where}: not a ${PAYLOAD_KIND} payload`);
  if (doc.version !== PAYLOAD_VERSION) throw new PayloadError(`${where}: version ${JSON.stringify(doc.version)} is not supported (this action reads version ${PAYLOAD_VERSION})`);
  const instance = typeof doc.instance === 'string' && validInstanceId(doc.instance) ? doc.instance : null;
  if (instance === null) throw new PayloadError(`${where}: instance must be 1-64 characters of A-Z, a-z, 0-9, . _ -`);
  const headSha = typeof doc.headSha === 'string' && /^[0-9a-f]{40,64}$/.test(doc.headSha) ? doc.headSha : null;
  let report: GateReport;
  try {
    report = sanitizeReport(doc.report);
  } catch (e) {
    throw new PayloadError(`${where}: ${(e as Error).message}`);
  }
  return { kind: PAYLOAD_KIND, version: PAYLOAD_VERSION, instance, headSha, prNumber: int(doc.prNumber), report };
}

/**
 * Reads the payload(s) at `path`: one file, or the `*.json` regular files directly inside a directory (no
 * recursion; symlinks and anything else skipped), each size-capped before it is read, at most 20 (R1.5).
 * Returns [] when the path does not exist (the gate posted its comment itself, so nothing was uploaded).
 */
export function readPayloads(path: string): { payloads: CommentPayload[]; problems: string[] } {
  const problems: string[] = [];
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return { payloads: [], problems };
  }
  let files: string[];
  if (st.isFile()) files = [path];
  else if (st.isDirectory()) {
    files = readdirSync(path, { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.json'))
      .map((d) => join(path, d.name))
      .sort();
    if (files.length > PAYLOAD_MAX_FILES) {
      problems.push(`${files.length} payload files; only the first ${PAYLOAD_MAX_FILES} are read`);
      files = files.slice(0, PAYLOAD_MAX_FILES);
    }
  } else return { payloads: [], problems: [`${path}: not a regular file or directory`] };
  const payloads: CommentPayload[] = [];
  for (const file of files) {
    const s = lstatSync(file);
    if (!s.isFile()) continue;
    if (s.size > PAYLOAD_MAX_BYTES) {
      problems.push(`${file}: ${s.size} bytes, over the ${PAYLOAD_MAX_BYTES}-byte cap`);
      continue;
    }
    try {
      payloads.push(parsePayload(readFileSync(file, 'utf8'), file));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  return { payloads, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Finding the PR from trusted run data only (R1.4)

export type PrLookup = { number: number } | { number: null; reason: string };

interface PullLike {
  number: number;
  state?: string;
  head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } | null };
}

/**
 * The open PR of this repository whose head is `workflow_run.head_sha`: first from the commit's associated
 * pulls, else from the open pulls of the fork's branch. Exactly one must match; the payload is not consulted.
 */
export async function findPullRequest(octokit: Octokit, ctx: RunContext, retry?: RetryOptions): Promise<PrLookup> {
  const run = ctx.workflowRun;
  if (run === null) return { number: null, reason: 'the event has no workflow_run with a head SHA' };
  if (run.event !== 'pull_request') return { number: null, reason: `the triggering run was a ${run.event || 'unknown'} event, not pull_request` };
  if (run.repository !== null && run.repository.toLowerCase() !== ctx.repository.toLowerCase()) {
    return { number: null, reason: `the triggering run belongs to ${run.repository}, not ${ctx.repository}` };
  }
  // The run's head branch and repository must be the PR's too: a closed PR's run whose head commit is also the head
  // of another open PR (the same commit pushed to a second branch or fork) must not post there.
  if (run.headBranch === null || run.headRepository === null) return { number: null, reason: 'the triggering run names no head branch or head repository' };
  const sameName = (a: string | undefined, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
  const matches = (p: PullLike): boolean =>
    p.state === 'open' &&
    p.head?.sha === run.headSha &&
    p.head.ref === run.headBranch &&
    sameName(p.head.repo?.full_name, run.headRepository!) &&
    sameName(p.base?.repo?.full_name, ctx.repository);
  const found = new Map<number, PullLike>();
  const byCommit = await withRetries(() => octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: run.headSha, per_page: 100 }), retry);
  for (const p of byCommit.data as PullLike[]) if (matches(p)) found.set(p.number, p);
  if (found.size === 0 && run.headOwner !== null && run.headBranch !== null) {
    const head = `${run.headOwner}:${run.headBranch}`;
    const open = (await withRetries(() => octokit.paginate(octokit.rest.pulls.list, { owner: ctx.owner, repo: ctx.repo, state: 'open', head, per_page: 100 }), retry)) as PullLike[];
    for (const p of open) if (matches(p)) found.set(p.number, p);
  }
  if (found.size === 1) return { number: [...found.keys()][0]! };
  if (found.size === 0) return { number: null, reason: `no open pull request of ${ctx.repository} has head ${run.headSha.slice(0, 12)}` };
  return { number: null, reason: `${found.size} open pull requests have head ${run.headSha.slice(0, 12)}; not choosing one` };
}
