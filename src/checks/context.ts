import type { GateConfig } from '../config/resolve.js';
import type { ToolPin } from '../project/pins.js';
import type { ProcessResult } from '../process/run.js';
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
  /** A uv workspace whose root is no package: `uv sync` needs `--all-packages` to install the members (src/project/workspace.ts). */
  allPackages: boolean;
  /** Where the project names its type checker's targets, when it does (see src/project/facts.ts). */
  typeTargets: { mypy: string | null; pyright: string | null };
  /** Tool versions the project pins outside its environment (src/project/pins.ts). */
  pins: Partial<Record<string, ToolPin>>;
  /** How the project measures coverage itself, when it does (see src/project/facts.ts). */
  coverage: { pytestAddopts: string | null; config: string | null };
  /** Whether a tool is installed in the project's own environment (then its version wins). */
  installedInProject(tool: string): boolean;
  /** The version of a tool in the project's environment, when its dist-info names it. */
  versionInProject(tool: string): string | null;
  exec(checkId: string, argv: string[], opts?: ExecOptions): Promise<ProcessResult>;
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

export interface ExecOptions {
  timeoutSec?: number;
  /** Variables this tool needs so its output can be read (never given to the project's own code). */
  env?: Record<string, string>;
  /**
   * The command runs the project's own code (its tests, its custom commands): it gets the environment a developer's
   * shell would give it — the runner's, less its secrets (R2.6) — and nothing the gate needs for parsing (R10.2).
   */
  projectCode?: boolean;
  /** With the project's environment first on PATH, as in a shell where it is activated (custom commands). */
  activated?: boolean;
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
