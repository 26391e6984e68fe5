import type { GateConfig } from '../inputs.js';
import type { ProcessResult } from './process.js';
import type { CheckResult, CheckStatus } from '../model/check.js';

/** What a check may do to the world: run a process (fenced, timed, with a scrubbed env) and read a report. */
export interface CheckContext {
  config: GateConfig;
  /** The uv binary to call (an absolute path, or `uv` from PATH). */
  uv: string;
  /** A private directory for the reports the tools write. */
  outDir: string;
  /** Source directories to check, relative to the project (`src`, or the package directory). */
  sources: string[];
  /** Whether a tool is installed in the project's own environment (then its version wins). */
  installedInProject(tool: string): boolean;
  exec(checkId: string, argv: string[], opts?: { timeoutSec?: number; env?: Record<string, string> }): Promise<ProcessResult>;
  /** Reads a report with the size cap; throws ReportError naming the file. */
  readReport(path: string): Promise<string>;
  /** Values earlier checks found that later ones need (the resolved Python, the uv version). */
  facts: Map<string, string>;
  /** Results of checks that already finished, by id. */
  finished: ReadonlyMap<string, CheckResult>;
  /** The action's environment cache around `uv sync` (absent in the CLI). */
  venvCache?: SetupCacheHook;
  /** Why the action could not install uv (download, checksum, version), when it could not: the uv check reports it. */
  uvUnavailable?: string;
}

/** Runs one command for the cache hook, fenced and scrubbed like any check's command. */
export type HookExec = (argv: string[]) => Promise<ProcessResult>;

/** Restores the project environment before `uv sync` and saves it after a successful one. Never throws. */
export interface SetupCacheHook {
  /** What happened, for the report ("cache hit", "cache miss", "rebuilt: …"), or null when caching is off. */
  restore(facts: ReadonlyMap<string, string>, exec: HookExec): Promise<string | null>;
  save(exec: HookExec): Promise<void>;
}

export interface CheckDefinition {
  id: string;
  phase: string;
  /** Checks that must have finished first. */
  after: string[];
  /** Checks that must have passed; otherwise this one is skipped with the reason. */
  requires: string[];
  timeoutSec: number;
  run(ctx: CheckContext): Promise<Omit<CheckResult, 'id' | 'phase' | 'durationMs'>>;
}

export type PartialResult = Omit<CheckResult, 'id' | 'phase' | 'durationMs'>;

export function outcome(status: CheckStatus, summary: string, extra: Partial<PartialResult> = {}): PartialResult {
  return { status, summary, exitCode: null, findings: [], ...extra };
}

/** The last lines of a tool's output: enough to say what went wrong without flooding the report. */
export function tail(output: string, lines = 20): string {
  const all = output.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

/** A one-line reason for a process that could not do its job (missing, killed, timed out), or null. */
export function processFailure(r: ProcessResult, timeoutSec: number): string | null {
  if (r.spawnError) return r.spawnError;
  if (r.timedOut) return `timed out after ${timeoutSec} s (process tree killed)`;
  if (r.signal) return `killed by signal ${r.signal}`;
  return null;
}
