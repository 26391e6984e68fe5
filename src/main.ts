/**
 * The action: read the inputs once, then by mode — gate (and collect): refuse privileged events → setup → base →
 * engine → write the report → publish; merge: union the shards → publish; post: the fork hand-off. One catch at
 * the end; the exit status is the gate.
 */
import { chooseOrder, orderFacts } from './gate/order.js';
import { UNION_CHECKS } from './merge/merge.js';
import { projectCoverageFloor } from './project/facts.js';
import * as core from '@actions/core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readActionInputs, type ActionInputs } from './action/inputs.js';
import { ConfigError } from './config/errors.js';
import { resolveConfig, type GateConfig } from './config/resolve.js';
import { runGate, type EngineResult } from './engine.js';
import { allFindings, type GateReport } from './gate/report.js';
import { publishAfterGate, runPostMode } from './github/action.js';
import { prepareBase, processGitRunner } from './github/base.js';
import { runContext } from './github/context.js';
import { readEventFile } from './github/event.js';
import { mergeResults, prepareShard, writeCollected, type PreparedShard } from './merge/action.js';
import { emitFenced } from './process/fence.js';
import { selectAnnotations } from './render/annotations.js';
import { renderSummary } from './render/markdown.js';
import { prepareSetup } from './setup/action-setup.js';
import { neutraliseCommands } from './text/commands.js';

/** Events under which a workflow runs with write tokens or secrets while checking out untrusted code (R1.1). */
export const PRIVILEGED_EVENTS = ['pull_request_target', 'workflow_run', 'issue_comment'] as const;

const stdout = { write: (s: string) => void process.stdout.write(s) };

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = readActionInputs((name) => core.getInput(name));
    const event = readEventFile(env);
    // The posting mode and the fan-in run no project code, so post is allowed under workflow_run (R1.1, R1.3).
    if (inputs.mode === 'post') return await runPostMode(env, event, inputs.publish);
    if (inputs.mode === 'merge') return await runMergeMode(env, event, inputs);
    await runGateMode(env, event, inputs);
  } catch (e) {
    // One catch for everything, including non-Error values; the verdict output still says fail.
    core.setOutput('verdict', 'fail');
    core.setFailed(e instanceof ConfigError ? `configuration error: ${neutraliseCommands(e.message)}` : `nebula-gate: ${neutraliseCommands(e instanceof Error ? e.message : String(e))}`);
  }
}

/** Gate and collect modes: the project's checks on this runner. */
async function runGateMode(env: NodeJS.ProcessEnv, event: unknown, inputs: ActionInputs): Promise<void> {
  if (refusePrivilegedEvent(env.GITHUB_EVENT_NAME ?? '')) return;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const { config: resolved, projectDir } = projectConfig(workspace, inputs, event, env);
  const { shard, config } = inputs.mode === 'collect' ? prepareShard(resolved, inputs.fan, workspace, (m) => core.warning(neutraliseCommands(m))) : { shard: null, config: resolved };
  if (shard?.spec) core.info(`nebula-gate: test shard ${shard.spec.index}/${shard.spec.total}: ${shard.files.length} test file(s)`);
  core.info(`nebula-gate: ${neutraliseCommands(projectDir)}, gate: ${neutraliseCommands(config.phases[config.gateIndex]!)}`);

  const changedFiles = await fetchPullRequestBase(env, config, projectDir);
  const engine = await setUpAndRun(env, event, inputs, config, projectDir);
  const reportPath = writeReport(engine.report, engine.outDir);
  core.setOutput('python-version', engine.facts.get('python-version') ?? '');
  if (shard) return collectShard(env, workspace, inputs, config, shard, engine);
  await publishReport(env, event, engine.report, inputs, changedFiles, reportPath);
}

/** R1.1: no project code under an event that carries a write token and secrets. True when refused. */
function refusePrivilegedEvent(eventName: string): boolean {
  if (!(PRIVILEGED_EVENTS as readonly string[]).includes(eventName)) return false;
  core.setOutput('verdict', 'fail');
  core.setFailed(
    `nebula-gate refuses to run project code under ${eventName}: that event carries a write token and secrets. ` +
      'Run the gate on pull_request, and post comments for fork PRs from a separate workflow_run job.',
  );
  return true;
}

/** The project's configuration: its pyproject.toml, the inputs, and the pull request's base from the event. */
function projectConfig(workspace: string, inputs: ActionInputs, event: unknown, env: NodeJS.ProcessEnv): { config: GateConfig; projectDir: string } {
  const projectDir = resolve(workspace, inputs.workingDirectory);
  const pyproject = join(projectDir, 'pyproject.toml');
  if (!existsSync(pyproject)) throw new ConfigError(`working-directory: no pyproject.toml in ${projectDir}`);
  const prBase = runContext(env, event).pullRequest?.baseSha ?? null;
  const fromEvent = !inputs.overrides.base && prBase !== null;
  const withBase = fromEvent ? { ...inputs.overrides, base: prBase, baseFromEvent: true } : inputs.overrides;
  const overrides = { ...withBase, order: chooseOrder(withBase.order, orderFacts(env, event)) };
  return { config: resolveConfig(projectDir, readFileSync(pyproject, 'utf8'), overrides, projectCoverageFloor(projectDir)), projectDir };
}

/** A PR base from the event, missing from a shallow checkout: fetch it (and the merge base); the PR's changed files. */
async function fetchPullRequestBase(env: NodeJS.ProcessEnv, config: GateConfig, projectDir: string): Promise<ReadonlySet<string> | null> {
  if (config.base === null || !config.baseFromEvent) return null;
  const git = processGitRunner(projectDir, env, (argv, r) => emitFenced(stdout, `${argv.join(' ')} (exit ${r.exitCode ?? r.signal ?? 'none'})`, r.output));
  const r = await prepareBase(git, config.base);
  core.info(`nebula-gate: PR base ${config.base.slice(0, 12)}: ${r.mergeBase ? `merge base ${r.mergeBase.slice(0, 12)}` : 'not available'} (${neutraliseCommands(r.note)})`);
  return r.changedFiles;
}

/**
 * Setup (uv installed and verified), then the engine. A uv that cannot be installed (unknown version, checksum
 * mismatch, host down) still yields a full report: the uv check carries the reason and every check that needs
 * uv is skipped, naming it. The environment cache runs inside the uv-sync check.
 */
async function setUpAndRun(env: NodeJS.ProcessEnv, event: unknown, inputs: ActionInputs, config: GateConfig, projectDir: string): Promise<EngineResult> {
  let setup: Awaited<ReturnType<typeof prepareSetup>> | null = null;
  let uvUnavailable: string | undefined;
  try {
    setup = await prepareSetup(projectDir, inputs.setup, env, event as Parameters<typeof prepareSetup>[3]);
  } catch (e) {
    uvUnavailable = e instanceof Error ? e.message : String(e);
  }
  core.setOutput('uv-version', setup?.installed.version ?? '');
  const controller = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => controller.abort(sig));
  const result = await runGate(config, {
    uv: setup?.uv ?? 'uv',
    env: setup?.env ?? env,
    venvCache: setup?.venvCache,
    uvUnavailable,
    signal: controller.signal,
    onProcess: (id, argv, r) => emitFenced(stdout, `${id}: ${argv.join(' ')} (exit ${r.exitCode ?? r.signal ?? 'none'})`, r.output),
  });
  core.setOutput('cache-hit', String(setup?.venvCache.hit ?? false));
  return result;
}

function writeReport(report: GateReport, outDir: string): string {
  const reportPath = join(outDir, 'report.json');
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  publishOutputs(report, reportPath);
  return reportPath;
}

/**
 * Collect mode: the shard's results for the fan-in. Tests and coverage are decided on the union, so their failure
 * here does not fail the step; a required check decided where it ran (lint, types, security, setup) does — the job
 * is red before any file is uploaded, so a process that rewrites the results afterwards cannot turn it green.
 */
function collectShard(env: NodeJS.ProcessEnv, workspace: string, inputs: ActionInputs, config: GateConfig, shard: PreparedShard, engine: EngineResult): void {
  const python = engine.facts.get('python-version') ?? config.pythonVersion ?? 'python';
  const os = (env.RUNNER_OS ?? process.platform).toLowerCase();
  const dir = writeCollected({ workspace, fan: inputs.fan, config, shard, results: engine.results, report: engine.report, outDir: engine.outDir, os, python });
  core.setOutput('results-path', dir);
  core.info(`nebula-gate: results collected in ${neutraliseCommands(dir)} (this job alone: ${engine.report.verdict} — ${neutraliseCommands(engine.report.why)})`);
  const decidedHere = engine.results.filter((r) => !UNION_CHECKS.includes(r.id) && (r.status === 'failed' || r.status === 'error') && config.phases.indexOf(r.phase) <= config.gateIndex);
  if (decidedHere.length > 0) core.setFailed(`nebula-gate: ${decidedHere.map((r) => `${r.id} ${r.status}`).join(', ')} in this job (decided here, not on the union)`);
}

/** Merge mode: the downloaded shards unioned, decided once, published like a single run. */
async function runMergeMode(env: NodeJS.ProcessEnv, event: unknown, inputs: ActionInputs): Promise<void> {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const { report, merge, outDir } = await mergeResults(inputs.fan, workspace, join(env.RUNNER_TEMP || workspace, 'nebula-gate-merged'));
  core.info(`nebula-gate: merged ${merge.shardIds.length} shard(s): ${neutraliseCommands(merge.shardIds.join(', ') || 'none')}`);
  const reportPath = writeReport(report, outDir);
  core.setOutput('test-durations', join(outDir, 'test-durations.json'));
  await publishReport(env, event, report, inputs, null, reportPath);
}

export function publishOutputs(report: GateReport, reportPath: string): void {
  const failed = report.phases.find((p) => p.required && (p.status === 'failed' || p.status === 'error'));
  core.setOutput('verdict', report.verdict);
  core.setOutput('phase-reached', String(report.phaseReached));
  core.setOutput('failed-phase', failed?.name ?? '');
  core.setOutput('coverage', report.coverage ? report.coverage.percent.toFixed(2) : '');
  core.setOutput('tests-passed', String(report.tests?.passed ?? 0));
  core.setOutput('tests-failed', String((report.tests?.failed ?? 0) + (report.tests?.errors ?? 0)));
  core.setOutput('report-json', reportPath);
}

function annotate(report: GateReport, changedFiles: ReadonlySet<string> | null): void {
  const { annotations, omitted } = selectAnnotations(allFindings(report), { changedFiles: changedFiles ?? undefined });
  for (const a of annotations) {
    const props = { file: a.file, startLine: a.line ?? undefined, startColumn: a.col ?? undefined, title: a.title };
    if (a.severity === 'error') core.error(a.message, props);
    else if (a.severity === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  if (omitted > 0) core.notice(`${omitted} more finding${omitted === 1 ? '' : 's'} not annotated (GitHub shows at most 10 per severity per step); see the job summary.`);
}

/** Summary, comment/check run, annotations, and the exit status — the same for a single run and a merge. */
async function publishReport(env: NodeJS.ProcessEnv, event: unknown, report: GateReport, inputs: ActionInputs, changedFiles: ReadonlySet<string> | null, reportPath: string): Promise<void> {
  try {
    await core.summary.addRaw(renderSummary(report, {}), true).write();
  } catch (e) {
    // A full disk or a missing summary file must not change the verdict (R2.3, R4.5).
    core.warning(`could not write the job summary: ${neutraliseCommands(e instanceof Error ? e.message : String(e))}`);
  }
  const published = await publishAfterGate(env, event, report, inputs.publish, { workingDirectory: inputs.workingDirectory, changedFiles });
  if (!published.checkRun) annotate(report, changedFiles);
  for (const p of report.phases) {
    for (const c of p.checks) core.info(`${neutraliseCommands(p.name)} · ${neutraliseCommands(c.id)}: ${c.status} — ${neutraliseCommands(c.summary)}`);
  }
  core.info(`nebula-gate: JSON report: ${neutraliseCommands(reportPath)}`);
  if (report.verdict === 'fail') core.setFailed(`gate failed: ${neutraliseCommands(report.why)}`);
  else core.info(`gate passed: ${neutraliseCommands(report.why)}`);
}
