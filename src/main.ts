/**
 * The action: inputs → checks → report → gate → publish. One catch at the end; the exit status is the gate.
 */
import * as core from '@actions/core';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, readActionOverrides, readSetupInputs, resolveConfig } from './inputs.js';
import { runGate } from './engine.js';
import { emitFenced } from './checks/process.js';
import { allFindings, type GateReport } from './gate/report.js';
import { renderSummary } from './render/markdown.js';
import { selectAnnotations } from './render/annotations.js';
import { neutraliseCommands } from './text/commands.js';
import { readFanInputs, readPublishInputs, type PublishInputs } from './inputs.js';
import { mergeResults, prepareShard, writeCollected } from './merge/action.js';
import { publishAfterGate, runPostMode } from './github/action.js';
import { prepareBase, processGitRunner } from './github/base.js';
import { prepareSetup } from './setup/action-setup.js';

/** Events under which a workflow runs with write tokens or secrets while checking out untrusted code (R1.1). */
export const PRIVILEGED_EVENTS = ['pull_request_target', 'workflow_run', 'issue_comment'] as const;

interface PullRequestEvent {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
  repository?: { default_branch?: string };
}

function readEvent(env: NodeJS.ProcessEnv): PullRequestEvent {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PullRequestEvent;
  } catch {
    return {};
  }
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

/** A PR base from the event, missing from a shallow checkout: fetch it (and the merge base); the PR's changed files. */
async function fetchPullRequestBase(env: NodeJS.ProcessEnv, base: string | null, fromEvent: boolean, projectDir: string, stdout: { write(s: string): void }): Promise<ReadonlySet<string> | null> {
  if (base === null || !fromEvent) return null;
  const git = processGitRunner(projectDir, env, (argv, r) => emitFenced(stdout, `${argv.join(' ')} (exit ${r.exitCode ?? r.signal ?? 'none'})`, r.output));
  const r = await prepareBase(git, base);
  core.info(`nebula-gate: PR base ${base.slice(0, 12)}: ${r.mergeBase ? `merge base ${r.mergeBase.slice(0, 12)}` : 'not available'} (${neutraliseCommands(r.note)})`);
  return r.changedFiles;
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const event = env.GITHUB_EVENT_NAME ?? '';
    const publishInputs = readPublishInputs((name) => core.getInput(name));
    // The posting mode runs no project code, so it is the one thing allowed under workflow_run (R1.1, R1.3).
    if (publishInputs.mode === 'post') return await runPostMode(env, publishInputs);
    // The fan-in reads the shards' results only: like post, it runs no project code.
    if (publishInputs.mode === 'merge') return await runMerge(env, publishInputs);
    if ((PRIVILEGED_EVENTS as readonly string[]).includes(event)) {
      core.setOutput('verdict', 'fail');
      core.setFailed(
        `nebula-gate refuses to run project code under ${event}: that event carries a write token and secrets. ` +
          'Run the gate on pull_request, and post comments for fork PRs from a separate workflow_run job.',
      );
      return;
    }
    const { overrides, workingDirectory } = readActionOverrides((name) => core.getInput(name));
    const setupInputs = readSetupInputs((name) => core.getInput(name));
    const projectDir = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), workingDirectory);
    const pyproject = join(projectDir, 'pyproject.toml');
    if (!existsSync(pyproject)) throw new ConfigError(`working-directory: no pyproject.toml in ${projectDir}`);
    const payload = readEvent(env);
    const pr = payload.pull_request;
    if (!overrides.base && pr?.base?.sha) {
      overrides.base = pr.base.sha;
      overrides.baseFromEvent = true;
    }
    const config = resolveConfig(projectDir, readFileSync(pyproject, 'utf8'), overrides);
    const fan = readFanInputs((name) => core.getInput(name));
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const collect = publishInputs.mode === 'collect';
    const shard = collect ? prepareShard(config, fan, workspace, (m) => core.warning(neutraliseCommands(m))) : null;
    if (shard?.spec) core.info(`nebula-gate: test shard ${shard.spec.index}/${shard.spec.total}: ${shard.files.length} test file(s)`);
    core.info(`nebula-gate: ${projectDir}, gate: ${config.phases[config.gateIndex]}`);

    const stdout = { write: (s: string) => void process.stdout.write(s) };
    const changedFiles = await fetchPullRequestBase(env, config.base, config.baseFromEvent, projectDir, stdout);
    // Setup: uv installed and verified before any check; the environment cache runs inside the uv-sync check.
    // A uv that cannot be installed (unknown version, checksum mismatch, host down) still yields a full report:
    // the uv check carries the reason and every check that needs uv is skipped, naming it.
    let setup: Awaited<ReturnType<typeof prepareSetup>> | null = null;
    let uvUnavailable: string | undefined;
    try {
      setup = await prepareSetup(projectDir, setupInputs, env, payload);
    } catch (e) {
      uvUnavailable = e instanceof Error ? e.message : String(e);
    }
    core.setOutput('uv-version', setup?.installed.version ?? '');
    const controller = new AbortController();
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => controller.abort(sig));
    const { report, outDir, facts, results } = await runGate(config, {
      uv: setup?.uv ?? 'uv',
      env: setup?.env ?? env,
      venvCache: setup?.venvCache,
      uvUnavailable,
      signal: controller.signal,
      onProcess: (id, argv, r) => emitFenced(stdout, `${id}: ${argv.join(' ')} (exit ${r.exitCode ?? r.signal ?? 'none'})`, r.output),
    });

    const reportPath = join(outDir, 'report.json');
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    publishOutputs(report, reportPath);
    core.setOutput('python-version', facts.get('python-version') ?? '');
    core.setOutput('cache-hit', String(setup?.venvCache.hit ?? false));
    if (collect && shard) {
      // A shard's verdict is decided by the fan-in on the union: only a crash (the catch below) fails this step.
      const dir = writeCollected({ workspace, fan, config, shard, results, report, outDir, os: (env.RUNNER_OS ?? process.platform).toLowerCase(), python: facts.get('python-version') ?? config.pythonVersion ?? 'python' });
      core.setOutput('results-path', dir);
      core.info(`nebula-gate: results collected in ${dir} (this job alone: ${report.verdict} — ${neutraliseCommands(report.why)})`);
      return;
    }
    await publishReport(env, report, publishInputs, workingDirectory, changedFiles);
  } catch (e) {
    // One catch for everything, including non-Error values; the verdict output still says fail.
    core.setOutput('verdict', 'fail');
    core.setFailed(e instanceof ConfigError ? `configuration error: ${e.message}` : `nebula-gate: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Merge mode: the downloaded shards unioned, decided once, published like a single run. */
async function runMerge(env: NodeJS.ProcessEnv, publishInputs: PublishInputs): Promise<void> {
  const fan = readFanInputs((name) => core.getInput(name));
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const { report, merge, outDir } = await mergeResults(fan, workspace, join(env.RUNNER_TEMP || workspace, 'nebula-gate-merged'));
  core.info(`nebula-gate: merged ${merge.shardIds.length} shard(s): ${merge.shardIds.join(', ') || 'none'}`);
  const reportPath = join(outDir, 'report.json');
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  publishOutputs(report, reportPath);
  core.setOutput('test-durations', join(outDir, 'test-durations.json'));
  await publishReport(env, report, publishInputs, core.getInput('working-directory') || '.', null);
}

/** Summary, comment/check run, annotations, and the exit status — the same for a single run and a merge. */
async function publishReport(env: NodeJS.ProcessEnv, report: GateReport, publishInputs: PublishInputs, workingDirectory: string, changedFiles: ReadonlySet<string> | null): Promise<void> {
  try {
    await core.summary.addRaw(renderSummary(report, {}), true).write();
  } catch (e) {
    // A full disk or a missing summary file must not change the verdict (R2.3, R4.5).
    core.warning(`could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }
  const published = await publishAfterGate(env, report, publishInputs, { workingDirectory, changedFiles });
  if (!published.checkRun) annotate(report, changedFiles);
  for (const p of report.phases) {
    for (const c of p.checks) core.info(`${p.name} · ${c.id}: ${c.status} — ${neutraliseCommands(c.summary)}`);
  }
  if (report.verdict === 'fail') core.setFailed(`gate failed: ${neutraliseCommands(report.why)}`);
  else core.info(`gate passed: ${neutraliseCommands(report.why)}`);
}
