/**
 * The sticky PR comment (DESIGN §5, SECURITY.md R3, R4.4): one per instance, found by its hidden marker AND
 * written by this token's identity AND not minimized, across every page of the PR's comments; created the first
 * time, edited in place after, left alone when nothing changed. The octokit is passed in.
 *
 * Finding it: the REST list (paginated by its Link headers) gives every comment whose first line is our marker;
 * REST has no "minimized" flag and no reliable "is this me" for installation tokens, so one GraphQL query over
 * those candidates' node ids reads `isMinimized` and `viewerDidAuthor`. A user's comment that quotes the marker
 * is never ours to edit (viewerDidAuthor is false), and a minimized one of ours is left as it is.
 */
import type { getOctokit } from '@actions/github';
import type { GateReport } from '../gate/report.js';
import { deltaLine, type Snapshot } from '../render/delta.js';
import { renderComment, type LinkBase } from '../render/markdown.js';
import { errorMessage, httpStatus, withRetries, type RetryOptions } from './retry.js';

export type Octokit = ReturnType<typeof getOctokit>;

export type CommentMode = 'off' | 'always' | 'on-failure' | 'on-change';
export const COMMENT_MODES: readonly CommentMode[] = ['off', 'always', 'on-failure', 'on-change'];

export const markerFor = (instance: string): string => `<!-- nebula-gate:id=${instance} -->`;

// ---------------------------------------------------------------------------------------------------------
// The digest: what the previous run saw, kept in the comment itself for the delta

export type { Snapshot } from '../render/delta.js';

export interface Digest {
  v: 1;
  now: Snapshot;
  /** The last run whose snapshot differed from `now`: the delta is shown against it. */
  prev: Snapshot | null;
}

const DIGEST_LINE = /^<!-- nebula-gate:digest=([A-Za-z0-9_-]{1,4000}) -->$/m;

export function snapshot(report: GateReport): Snapshot {
  const t = report.tests;
  return {
    verdict: report.verdict === 'pass' ? 'pass' : 'fail',
    phaseReached: report.phaseReached,
    tests: t ? t.total : null,
    failing: t ? t.failed + t.errors : null,
    coverage: report.coverage ? report.coverage.percent : null,
    diffCoverage: report.coverage?.diffPercent ?? null,
    checks: report.phases.flatMap((p) => p.checks.map((c) => `${c.id}:${c.status}`)).join(',').slice(0, 1000),
  };
}

const sameSnapshot = (a: Snapshot, b: Snapshot): boolean => JSON.stringify(a) === JSON.stringify(b);

export function encodeDigest(d: Digest): string {
  return `<!-- nebula-gate:digest=${Buffer.from(JSON.stringify(d), 'utf8').toString('base64url')} -->`;
}

const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function readSnapshot(v: unknown): Snapshot | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  if ((s.verdict !== 'pass' && s.verdict !== 'fail') || typeof s.phaseReached !== 'number' || !Number.isSafeInteger(s.phaseReached)) return null;
  return {
    verdict: s.verdict,
    phaseReached: s.phaseReached,
    tests: finiteOrNull(s.tests),
    failing: finiteOrNull(s.failing),
    coverage: finiteOrNull(s.coverage),
    diffCoverage: finiteOrNull(s.diffCoverage),
    checks: typeof s.checks === 'string' ? s.checks.slice(0, 1000) : '',
  };
}

/** The digest in a comment body we wrote, or null (absent or malformed: then there is no delta). */
export function decodeDigest(body: string): Digest | null {
  const m = DIGEST_LINE.exec(body);
  if (!m) return null;
  try {
    const d = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (d.v !== 1) return null;
    const now = readSnapshot(d.now);
    if (now === null) return null;
    return { v: 1, now, prev: readSnapshot(d.prev) };
  } catch {
    return null;
  }
}

/** The digest to store now: a re-run with the same results keeps the old baseline, so its body is unchanged. */
export function nextDigest(current: Snapshot, previous: Digest | null): Digest {
  if (previous === null) return { v: 1, now: current, prev: null };
  if (sameSnapshot(previous.now, current)) return { v: 1, now: current, prev: previous.prev };
  return { v: 1, now: current, prev: previous.now };
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

export interface CommentBodyOptions {
  instance: string;
  linkBase: LinkBase | null;
  previous: Digest | null;
  budget?: number;
}

export function commentBody(report: GateReport, opts: CommentBodyOptions): { body: string; digest: Digest } {
  const digest = nextDigest(snapshot(report), opts.previous);
  const body = renderComment(report, {
    marker: markerFor(opts.instance),
    linkBase: opts.linkBase,
    // Both runs' figures are read against today's floors (src/render/delta.ts).
    note: deltaLine(digest, { coverage: report.coverage?.floor ?? null, diffCoverage: report.coverage?.diffFloor ?? null }),
    trailer: `\n${encodeDigest(digest)}\n`,
    budget: opts.budget,
  });
  return { body, digest };
}

/** The minimal body for the one retry after "body too long" (R3.2): headline, reason, phase table, digest. */
export function minimalBody(report: GateReport, opts: CommentBodyOptions): string {
  return commentBody({ ...report, tests: report.tests ? { ...report.tests, failures: [] } : null, coverage: report.coverage ? { ...report.coverage, worstFiles: [] } : null, vulnerabilities: [], phases: report.phases.map((p) => ({ ...p, checks: p.checks.map(({ output: _output, ...c }) => ({ ...c, findings: [] })) })) }, { ...opts, linkBase: null, budget: 8000 }).body;
}

// ---------------------------------------------------------------------------------------------------------
// Finding and writing

export interface PrRef {
  owner: string;
  repo: string;
  number: number;
}

export interface FoundComment {
  id: number;
  nodeId: string;
  body: string;
}

interface RestComment {
  id: number;
  node_id: string;
  body?: string | null;
}

/** The first comment of ours (marker on the first line, written by us, not minimized), oldest first; or null. */
export async function findStickyComment(octokit: Octokit, pr: PrRef, instance: string): Promise<FoundComment | null> {
  const marker = markerFor(instance);
  const all = (await octokit.paginate(octokit.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 })) as RestComment[];
  const candidates = all.filter((c) => typeof c.body === 'string' && c.body.split('\n', 1)[0]!.trim() === marker);
  if (candidates.length === 0) return null;
  // GraphQL `nodes` takes at most 100 ids per query.
  const flags = new Map<string, { isMinimized: boolean; viewerDidAuthor: boolean }>();
  for (let i = 0; i < candidates.length; i += 100) {
    const ids = candidates.slice(i, i + 100).map((c) => c.node_id);
    const res = await octokit.graphql<{ nodes: ({ id: string; isMinimized?: boolean; viewerDidAuthor?: boolean } | null)[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized viewerDidAuthor } } }',
      { ids },
    );
    for (const n of res.nodes ?? []) if (n && typeof n.id === 'string') flags.set(n.id, { isMinimized: n.isMinimized === true, viewerDidAuthor: n.viewerDidAuthor === true });
  }
  const mine = candidates.find((c) => {
    const f = flags.get(c.node_id);
    return f !== undefined && f.viewerDidAuthor && !f.isMinimized;
  });
  return mine ? { id: mine.id, nodeId: mine.node_id, body: mine.body ?? '' } : null;
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; minimal: boolean }
  | { action: 'unchanged'; id: number }
  | { action: 'skipped'; reason: string }
  | { action: 'forbidden' | 'failed'; status: number | null; reason: string };

export interface PublishCommentOptions {
  instance: string;
  mode: CommentMode;
  linkBase: LinkBase | null;
  retry?: RetryOptions;
}

const isBodyTooLong = (e: unknown): boolean => httpStatus(e) === 422 && /too long|maximum|is too large/i.test(JSON.stringify((e as { response?: { data?: unknown } }).response?.data ?? '') + errorMessage(e));

/**
 * Creates, updates or leaves the sticky comment. Never throws: every API failure is an outcome, so the caller's
 * verdict and exit status cannot depend on it (R4.5). 403 → `forbidden` (a fork's read-only token).
 */
export async function publishComment(octokit: Octokit, pr: PrRef, report: GateReport, opts: PublishCommentOptions): Promise<CommentOutcome> {
  if (opts.mode === 'off') return { action: 'skipped', reason: 'comment: off' };
  try {
    // Each attempt finds the comment again, so a create that failed half-way is never repeated blindly.
    return await withRetries(async () => {
      const existing = await findStickyComment(octokit, pr, opts.instance);
      const previous = existing ? decodeDigest(existing.body) : null;
      if (!existing && opts.mode === 'on-failure' && report.verdict === 'pass') return { action: 'skipped', reason: 'comment: on-failure and the gate passed' };
      const bodyOpts = { instance: opts.instance, linkBase: opts.linkBase, previous };
      const { body, digest } = commentBody(report, bodyOpts);
      if (existing) {
        if (existing.body === body) return { action: 'unchanged', id: existing.id };
        if (opts.mode === 'on-change' && previous !== null && previous.now && sameSnapshot(previous.now, digest.now)) return { action: 'unchanged', id: existing.id };
      }
      const write = (text: string): Promise<{ data: { id: number } }> =>
        existing
          ? octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing.id, body: text })
          : octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body: text });
      const action = existing ? 'updated' : 'created';
      try {
        const { data } = await write(body);
        return { action, id: data.id, minimal: false };
      } catch (e) {
        if (!isBodyTooLong(e)) throw e;
        const { data } = await write(minimalBody(report, bodyOpts));
        return { action, id: data.id, minimal: true };
      }
    }, opts.retry);
  } catch (e) {
    const status = httpStatus(e);
    const reason = errorMessage(e).split('\n')[0]!.slice(0, 300);
    return { action: status === 403 ? 'forbidden' : 'failed', status, reason };
  }
}
