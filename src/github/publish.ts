/**
 * Publishing to GitHub after the gate (the comment, the check run, the fork hand-off) and the posting mode.
 * Everything here ends in an outcome and a log line, never an exception: the exit status is the gate's (R4.5).
 * The octokit, the logger and the output setter are passed in.
 */
import type { Log } from '../model/log.js';
import type { GateReport } from '../gate/report.js';
import type { LinkBase } from '../render/markdown.js';
import { neutraliseCommands } from '../text/commands.js';
import { publishCheckRun, type CheckRunOptions, type CheckRunOutcome } from './checkrun.js';
import { publishComment, type CommentMode, type CommentOutcome, type Octokit } from './comment.js';
import type { RunContext } from './context.js';
import { buildPayload, findPullRequest, readPayloads, writePayload } from './handoff.js';
import { errorMessage, type RetryOptions } from './retry.js';

export type { Log } from '../model/log.js';

export interface GatePublishSettings {
  comment: CommentMode;
  instance: string;
  /** Where the fork hand-off payload goes when the token cannot comment. */
  payloadDir: string;
  retry?: RetryOptions;
}

export interface GatePublishResult {
  comment: CommentOutcome;
  /** The payload file written for the `workflow_run` poster, or null. */
  payloadPath: string | null;
}

const clean = (s: string): string => neutraliseCommands(s.replace(/[\r\n]+/g, ' '));

/** Links at the PR head (or the checked-out commit) on this server. */
export function linkBaseFor(ctx: RunContext, sha: string | null): LinkBase | null {
  const commit = sha ?? ctx.sha;
  return ctx.repository && commit ? { serverUrl: ctx.serverUrl, repo: ctx.repository, sha: commit } : null;
}

export function describeOutcome(o: CommentOutcome): string {
  switch (o.action) {
    case 'created':
    case 'updated':
      return `comment ${o.id} ${o.action}${o.minimal ? ' (minimal body: the full one was too long)' : ''}`;
    case 'unchanged':
      return `comment ${o.id} unchanged, not rewritten`;
    case 'skipped':
      return `no comment: ${o.reason}`;
    default:
      return `comment not posted (HTTP ${o.status ?? '—'}): ${o.reason}`;
  }
}

/** The gate's comment on a pull_request run; a push (no PR) gets none. */
export async function publishGateComment(octokit: Octokit | null, ctx: RunContext, report: GateReport, s: GatePublishSettings, log: Log): Promise<GatePublishResult> {
  const pr = ctx.pullRequest;
  if (s.comment === 'off') return { comment: { action: 'skipped', reason: 'comment: off' }, payloadPath: null };
  if (ctx.eventName !== 'pull_request' || pr === null) return { comment: { action: 'skipped', reason: 'not a pull_request run' }, payloadPath: null };
  if (octokit === null) {
    log.warning('nebula-gate: no github-token, so no PR comment');
    return { comment: { action: 'skipped', reason: 'no github-token' }, payloadPath: null };
  }
  const comment = await publishComment(octokit, { owner: ctx.owner, repo: ctx.repo, number: pr.number }, report, {
    instance: s.instance,
    mode: s.comment,
    linkBase: linkBaseFor(ctx, pr.headSha),
    retry: s.retry,
  });
  let payloadPath: string | null = null;
  if (comment.action === 'forbidden') {
    try {
      const written = writePayload(s.payloadDir, buildPayload(report, s.instance, pr.headSha, pr.number));
      payloadPath = written.path;
      const trimmed = written.trimmed.length > 0 ? ` To fit the payload cap it leaves out: ${written.trimmed.join(', ')} (the counts and the verdict are whole).` : '';
      log.notice(
        `nebula-gate: this token cannot comment (HTTP 403${pr.fork ? ', a fork PR' : ''}); the comment data is in ${payloadPath} ` +
          `(output comment-payload) for a workflow_run step with mode: post. The verdict is unchanged.${trimmed}`,
      );
    } catch (e) {
      log.warning(`nebula-gate: could not write the comment payload: ${clean(errorMessage(e))}`);
    }
  } else if (comment.action === 'failed') {
    log.warning(`nebula-gate: ${clean(describeOutcome(comment))}. The verdict is unchanged.`);
  } else {
    log.info(`nebula-gate: ${clean(describeOutcome(comment))}`);
  }
  return { comment, payloadPath };
}

export interface CheckRunSettings extends Pick<CheckRunOptions, 'title' | 'summary' | 'changedFiles' | 'retry'> {
  instance: string;
}

export async function publishGateCheckRun(octokit: Octokit, ctx: RunContext, report: GateReport, s: CheckRunSettings, log: Log): Promise<CheckRunOutcome> {
  const headSha = ctx.pullRequest?.headSha ?? ctx.sha;
  const r = await publishCheckRun(octokit, report, {
    owner: ctx.owner,
    repo: ctx.repo,
    headSha,
    name: `nebula-gate (${s.instance})`,
    title: s.title,
    summary: s.summary,
    changedFiles: s.changedFiles,
    retry: s.retry,
  });
  if (r.ok) log.info(`nebula-gate: check run ${r.id} carries ${r.annotations} annotation(s) in ${r.requests} request(s)`);
  else log.warning(`nebula-gate: could not create the check run (HTTP ${r.status ?? '—'}: ${clean(r.reason)}); annotating with workflow commands instead`);
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// The posting mode (R1.3, R1.4): no process, no checkout, nothing evaluated

export interface PostSettings {
  comment: CommentMode;
  payloadPath: string;
  retry?: RetryOptions;
}

export interface PostResult {
  pr: number | null;
  outcomes: CommentOutcome[];
  reason: string;
}

export async function postFromWorkflowRun(octokit: Octokit, ctx: RunContext, s: PostSettings, log: Log): Promise<PostResult> {
  const run = ctx.workflowRun;
  if (run === null) return { pr: null, outcomes: [], reason: 'the workflow_run event has no head SHA' };
  const { payloads, problems } = readPayloads(s.payloadPath);
  for (const p of problems) log.warning(`nebula-gate: ${clean(p)}`);
  if (payloads.length === 0) {
    const reason = `no comment payload at ${s.payloadPath} (the gate posted its comment itself, or nothing was uploaded)`;
    log.info(`nebula-gate: ${reason}`);
    return { pr: null, outcomes: [], reason };
  }
  let lookup;
  try {
    lookup = await findPullRequest(octokit, ctx, s.retry);
  } catch (e) {
    const reason = `could not look up the pull request: ${errorMessage(e).split('\n')[0]}`;
    log.warning(`nebula-gate: ${clean(reason)}`);
    return { pr: null, outcomes: [], reason };
  }
  if (lookup.number === null) {
    log.notice(`nebula-gate: nothing posted: ${clean(lookup.reason)}`);
    return { pr: null, outcomes: [], reason: lookup.reason };
  }
  const outcomes: CommentOutcome[] = [];
  for (const payload of payloads) {
    if (payload.headSha !== run.headSha) {
      log.warning(`nebula-gate: payload ${payload.instance} is for another commit (${(payload.headSha ?? 'none').slice(0, 12)}), not ${run.headSha.slice(0, 12)}; skipped`);
      outcomes.push({ action: 'skipped', reason: 'payload for another commit' });
      continue;
    }
    const o = await publishComment(octokit, { owner: ctx.owner, repo: ctx.repo, number: lookup.number }, payload.report, {
      instance: payload.instance,
      mode: s.comment,
      linkBase: linkBaseFor(ctx, run.headSha),
      retry: s.retry,
    });
    const line = `nebula-gate: PR #${lookup.number}, ${payload.instance}: ${clean(describeOutcome(o))}`;
    if (o.action === 'failed' || o.action === 'forbidden') log.warning(line);
    else log.info(line);
    outcomes.push(o);
  }
  return { pr: lookup.number, outcomes, reason: '' };
}
