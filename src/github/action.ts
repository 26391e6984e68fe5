/**
 * The action's GitHub side, called from run(): after the gate (comment, check run, fork hand-off outputs) and
 * the posting mode. This module imports no process runner: `mode: post` spawns nothing (R1.3).
 */
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GateReport } from '../gate/report.js';
import type { PublishInputs } from '../action/inputs.js';
import { ConfigError } from '../config/errors.js';
import { neutraliseCommands } from '../text/commands.js';
import { createOctokit } from './client.js';
import { runContext, instanceId, type RunContext } from './context.js';
import { publishGateCheckRun, publishGateComment, postFromWorkflowRun } from './publish.js';
import { coreLog } from '../action/log.js';

const log = coreLog;

function octokitFor(inputs: PublishInputs, ctx: RunContext) {
  if (inputs.token === '') return null;
  core.setSecret(inputs.token);
  return createOctokit(inputs.token, ctx.apiUrl, (m) => core.debug(neutraliseCommands(m)));
}

function checkRunTitle(r: GateReport): string {
  const reached = r.phaseReached < 0 ? 'no phase reached' : `phase ${r.phaseReached} of ${r.phases.length - 1} reached`;
  return `${r.verdict === 'pass' ? 'may merge' : `blocked${r.blockedBy ? ` at ${r.blockedBy}` : ''}`} · ${reached} · gate: ${r.gate}`;
}

export interface AfterGate {
  /** True when a check run carries the annotations (then no workflow-command annotations are needed). */
  checkRun: boolean;
}

/** Comment, check run and the fork hand-off after the gate. Never throws; sets `comment-status` and `comment-payload`. */
export async function publishAfterGate(
  env: NodeJS.ProcessEnv,
  event: unknown,
  report: GateReport,
  inputs: PublishInputs,
  opts: { workingDirectory: string; changedFiles: ReadonlySet<string> | null },
): Promise<AfterGate> {
  let checkRun = false;
  let status: string;
  let payload = '';
  try {
    const ctx = runContext(env, event);
    const instance = instanceId(inputs.commentId, ctx, opts.workingDirectory);
    const octokit = octokitFor(inputs, ctx);
    if (inputs.annotations === 'check-run' && octokit !== null && ctx.repository !== '') {
      const r = await publishGateCheckRun(octokit, ctx, report, { instance, title: checkRunTitle(report), summary: report.why, changedFiles: opts.changedFiles ?? undefined }, log);
      checkRun = r.ok;
    }
    const payloadDir = join(env.RUNNER_TEMP || tmpdir(), 'nebula-gate-comment');
    const r = await publishGateComment(octokit, ctx, report, { comment: inputs.comment, instance, payloadDir }, log);
    status = r.comment.action;
    payload = r.payloadPath ?? '';
  } catch (e) {
    // Publishing never changes the verdict (R4.5).
    status = 'failed';
    core.warning(`nebula-gate: publishing to GitHub failed: ${neutraliseCommands(e instanceof Error ? e.message : String(e))}`);
  }
  core.setOutput('comment-status', status);
  core.setOutput('comment-payload', payload);
  return { checkRun };
}

/**
 * `mode: post`, in a `workflow_run` workflow: read the downloaded payload, find the PR from the run data, post.
 * No process, no checkout, no project file read.
 */
export async function runPostMode(env: NodeJS.ProcessEnv, event: unknown, inputs: PublishInputs): Promise<void> {
  const ctx = runContext(env, event);
  if (ctx.eventName !== 'workflow_run') throw new ConfigError(`mode: post runs only in a workflow_run workflow, not under ${ctx.eventName || 'an unknown event'}`);
  if (ctx.repository === '') throw new ConfigError('mode: post needs GITHUB_REPOSITORY');
  const octokit = octokitFor(inputs, ctx);
  if (octokit === null) throw new ConfigError('mode: post needs github-token (with pull-requests: write)');
  const path = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.payloadPath);
  const r = await postFromWorkflowRun(octokit, ctx, { comment: inputs.comment, payloadPath: path }, log);
  core.setOutput('pr-number', r.pr === null ? '' : String(r.pr));
  core.setOutput('comment-status', r.outcomes.length === 0 ? 'skipped' : r.outcomes.map((o) => o.action).join(','));
}
