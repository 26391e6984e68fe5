/**
 * What every built-in check does alike: turn a process that could not do its job into an `error`, a report that
 * cannot be read into an `error` naming the file, and a tool's output into a one-line reason.
 */
import { join } from 'node:path';
import type { GateConfig } from '../config/resolve.js';
import type { BuiltinCheckId } from '../model/registry.js';
import { toolCommand, type PinnedTool } from './tools.js';
import { ReportError, type Finding } from '../reports/model.js';
import type { ProcessResult } from '../process/run.js';
import { plural } from '../text/plural.js';
import { outcome, processFailure, tail, type CheckContext, type CheckDefinition, type PartialResult } from './context.js';

/** A built-in check: its phase and timeout from the configuration, what it waits for, and how it runs. */
export function defineCheck(
  c: GateConfig,
  id: BuiltinCheckId,
  order: { after: string[]; requires: string[] },
  run: (ctx: CheckContext, timeoutSec: number) => Promise<PartialResult>,
  timeoutSec = c.checks[id].timeoutSec,
): CheckDefinition {
  return { id, phase: c.checks[id].phase, ...order, timeoutSec, run: (ctx) => run(ctx, timeoutSec) };
}

/** Runs after another check (and only when it passed). */
export const needs = (id: string): { after: string[]; requires: string[] } => ({ after: [id], requires: [id] });

/** A report the tool should have written; when it is not there (or unreadable), `missing` says what that means. */
export async function readReportOr(ctx: CheckContext, path: string, missing: (e: ReportError) => PartialResult): Promise<string | PartialResult> {
  try {
    return await ctx.readReport(path);
  } catch (e) {
    if (e instanceof ReportError) return missing(e);
    throw e;
  }
}

/**
 * The environment a static check runs in: in strict order the locked third-party dependencies alone
 * (`uv-sync-deps`, before any project code); in overlap order the project's full environment.
 */
export const staticEnvironment = (c: GateConfig): string => (c.order === 'strict' ? 'uv-sync-deps' : 'uv-sync');

/**
 * An isolated tool starts as soon as uv is known, unless the project locks its own copy: then it waits for the
 * sync, so `uv run --no-sync` finds it in the project environment (the project's version wins).
 */
export function startsAfter(c: GateConfig, tool: PinnedTool, locked: ReadonlySet<string>): { after: string[]; requires: string[] } {
  return needs(locked.has(tool) ? staticEnvironment(c) : 'uv');
}

/** Runs `fn` and turns a ReportError into an `error` outcome that names the file. */
export function readingReports(fn: () => Promise<PartialResult>, output = ''): Promise<PartialResult> {
  return fn().catch((e: unknown) => {
    if (e instanceof ReportError) return outcome('error', `unreadable report: ${e.message}`, { outputTail: tail(output) });
    throw e;
  });
}

/** A process that failed to do its job at all (not found, killed, timed out) → error with the reason. */
export function brokenProcess(r: ProcessResult, timeoutSec: number, tool: string): PartialResult | null {
  const reason = processFailure(r, timeoutSec);
  return reason === null ? null : outcome('error', `${tool}: ${reason}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
}

/** A tool that exited with a code that is neither "clean" nor "found something" (0/1): an error, with its last line. */
export function unexpectedExit(r: ProcessResult, tool: string): PartialResult | null {
  return r.exitCode !== 0 && r.exitCode !== 1 ? outcome('error', `${tool} exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) }) : null;
}

/**
 * What a tool said went wrong: its `error:` lines and the `Caused by:` chain under them (uv, pip, cargo style), or
 * its last line when it printed none. The last line alone is often a hint or the tail of a wrapped sentence.
 */
export function errorText(output: string): string {
  const lines = output.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => /^error:/i.test(l));
  if (start < 0) return lastLine(output);
  const chain = [lines[start]!.replace(/^error:\s*/i, '')];
  for (const l of lines.slice(start + 1)) {
    if (/^(caused by|cause):/i.test(l)) chain.push(l.replace(/^(caused by|cause):\s*/i, ''));
    else if (/^(fatal|error):/i.test(l)) chain.push(l.replace(/^(fatal|error):\s*/i, ''));
    else if (l.startsWith('hint:') || l === '') continue;
  }
  return chain.join(': ').replace(/\s+/g, ' ').slice(0, 500);
}

/** A failure of the runner's surroundings, not of the project: no network, no such interpreter. */
export function environmentFault(output: string): 'network' | 'interpreter' | null {
  if (/dns error|failed to lookup address|could not resolve host|temporary failure in name resolution|network is unreachable|connection refused|connection reset|error sending request|tcp connect error|operation timed out|failed to connect/i.test(output)) return 'network';
  if (/no interpreter found|no python installation found|failed to inspect python interpreter|requested python version .* is not installed|failed to find a python interpreter/i.test(output)) return 'interpreter';
  return null;
}

export function lastLine(output: string): string {
  const lines = output.trim().split('\n').filter((l) => l.trim() !== '');
  return (lines[lines.length - 1] ?? '').trim().slice(0, 300);
}

export function findingsSummary(findings: readonly Finding[], noun: string): string {
  if (findings.length === 0) return `no ${noun}s`;
  const files = new Set(findings.map((f) => f.file)).size;
  return `${plural(findings.length, noun)} in ${plural(files, 'file')}`;
}

/** A report read from stdout must be whole: a cut head would silently lose findings, so it fails closed. */
export function truncatedStdout(r: ProcessResult, tool: string): PartialResult | null {
  return r.stdoutDroppedBytes > 0
    ? outcome('error', `${tool} printed more than the output cap; ${r.stdoutDroppedBytes} bytes were dropped, so its report is incomplete`, { exitCode: r.exitCode })
    : null;
}

/** Lines of a tool's stdout that are JSON objects: other tools and wrappers may print around them. */
export function jsonLines(stdout: string): string {
  return stdout.split('\n').filter((l) => l.trimStart().startsWith('{')).join('\n');
}

/**
 * A tool that writes its findings to a report file and exits 0 (clean) or 1 (findings): run it, refuse any other
 * exit, and judge what it wrote. `argv` gets the report's path.
 */
export async function runReportingTool(
  ctx: CheckContext,
  check: { id: string; tool: PinnedTool; label: string; report: string; timeoutSec: number },
  argv: (command: string[], reportPath: string) => string[],
  judge: (content: string, r: ProcessResult, reportPath: string) => PartialResult,
): Promise<PartialResult> {
  const reportPath = join(ctx.outDir, check.report);
  const r = await ctx.exec(check.id, argv(commandFor(ctx, check.id, check.tool, 'isolated'), reportPath), { timeoutSec: check.timeoutSec });
  const broken = brokenProcess(r, check.timeoutSec, check.label) ?? unexpectedExit(r, check.label);
  if (broken) return broken;
  return readingReports(async () => judge(await ctx.readReport(reportPath), r, reportPath), r.output);
}

/** The argv of a check's tool (see toolCommand), with which version runs and why noted for the report. */
export function commandFor(ctx: CheckContext, checkId: string, tool: PinnedTool, how: 'isolated' | 'import-project', companions: PinnedTool[] = []): string[] {
  const { argv, source } = toolCommand(ctx, tool, how, companions);
  ctx.facts.set(`tool:${checkId}`, source);
  return argv;
}

