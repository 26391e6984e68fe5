/**
 * The gate engine shared by the action and the CLI: configuration in, checks run, report and decision out.
 * Side effects (processes, the log) come in through `EngineDeps`.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { GateConfig } from './config/resolve.js';
import { buildChecks } from './checks/builtin.js';
import { lockedPackages } from './checks/tools.js';
import type { CheckContext, SetupCacheHook } from './checks/context.js';
import type { CheckResult } from './model/check.js';
import { reportRank } from './model/registry.js';
import { childEnvironment } from './process/env.js';
import { runProcess, type ProcessResult, type Runner } from './process/run.js';
import { which } from './process/which.js';
import { runChecks, type RunEvent } from './checks/runner.js';
import { decide } from './gate/gate.js';
import { buildGateReport, type GateReport } from './gate/report.js';
import { readReportFile } from './reports/loader.js';
import { projectLayout, venvDirectory } from './project/facts.js';
import { installedDistributions, installedVersions } from './project/installed.js';
import { sha256File } from './setup/install-uv.js';

export interface EngineDeps {
  /** The uv binary (absolute path or a name on PATH). */
  uv: string;
  /** The environment the children start from; secrets and file-command paths are removed from it. */
  env: NodeJS.ProcessEnv;
  /** Runs one process; the real runner by default, a recorded one in tests of the checks' reading. */
  run?: Runner;
  /** Where reports go; a fresh private directory is made when absent. */
  outDir?: string;
  concurrency?: number;
  onEvent?: (e: RunEvent) => void;
  /** Cancels the run: running tools are killed (their whole process trees) and nothing else starts. */
  signal?: AbortSignal;
  /** Called with every finished process, to log its output (fenced, in the action). */
  onProcess?: (checkId: string, argv: string[], result: ProcessResult) => void;
  /** The action's environment cache, called by the uv-sync check around `uv sync` (the CLI has none). */
  venvCache?: SetupCacheHook;
  /** Set when uv could not be installed: the run still reports, with the uv check as the error that says why. */
  uvUnavailable?: string;
}

export interface EngineResult {
  report: GateReport;
  results: CheckResult[];
  outDir: string;
  facts: Map<string, string>;
}

/** Report files are capped so a hostile or runaway tool cannot exhaust memory (SECURITY.md R5.2). */
export const REPORT_MAX_BYTES = 256 * 1024 * 1024;

export async function runGate(config: GateConfig, deps: EngineDeps): Promise<EngineResult> {
  const outDir = deps.outDir ?? mkdtempSync(join(deps.env.RUNNER_TEMP || tmpdir(), 'nebula-gate-'));
  const run = deps.run ?? runProcess;
  // The uv the checks run, by absolute path: a `uv` the project installs into its environment (tox-uv,
  // pre-commit-uv) or puts on PATH later must never replace the one the gate verified (R9.2).
  const uv = which(deps.uv, deps.env.PATH) ?? deps.uv;
  const windows = process.platform === 'win32';
  const venv = venvDirectory(config.projectDir, deps.env);
  const venvBin = join(venv, windows ? 'Scripts' : 'bin');
  const installed = installedDistributions(venv);
  const versionOf = installedVersions(venv);
  const facts = new Map<string, string>([['venv-python', join(venvBin, windows ? 'python.exe' : 'python')]]);
  const layout = projectLayout(config.projectDir);
  const lockPath = join(config.projectDir, 'uv.lock');
  const { enabled, disabled } = buildChecks(config, lockedPackages(existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null));

  const guard = await binaryGuard(uv);
  const makeContext = (finished: ReadonlyMap<string, CheckResult>, signal: AbortSignal): CheckContext => ({
    config,
    uv,
    outDir,
    sources: layout.sources,
    allPackages: layout.allPackages,
    typeTargets: layout.typeTargets,
    coverage: layout.coverage,
    pins: layout.pins,
    facts,
    finished,
    installedInProject: (tool) => installed(tool) || existsSync(join(venvBin, windows ? `${tool}.exe` : tool)),
    versionInProject: (tool) => versionOf(tool),
    readReport: (path) => readReportFile(path, { maxBytes: REPORT_MAX_BYTES }),
    venvCache: deps.venvCache,
    uvUnavailable: deps.uvUnavailable,
    async exec(checkId, argv, opts = {}) {
      // R9: once code of the project has run, uv must still be the binary verified when the run began.
      if (opts.projectCode || checkId === 'uv-sync') guard.projectCodeStarted();
      const refused = argv[0] === uv ? await guard.check() : null;
      if (refused !== null) {
        const result = refusedProcess(refused);
        deps.onProcess?.(checkId, argv, result);
        return result;
      }
      // Tools whose output is parsed get no colour codes; the project's own code gets the shell's environment.
      const extra: Record<string, string> = {
        ...(opts.projectCode ? {} : { NO_COLOR: '1' }),
        ...(opts.activated ? { PATH: `${venvBin}${windows ? ';' : ':'}${deps.env.PATH ?? ''}` } : {}),
        ...opts.env,
      };
      const result = await run({
        argv,
        cwd: config.projectDir,
        env: childEnvironment(deps.env, extra),
        timeoutMs: (opts.timeoutSec ?? config.checks.pytest.timeoutSec) * 1000,
        signal,
      });
      deps.onProcess?.(checkId, argv, result);
      return result;
    },
  });

  const ran = await runChecks(enabled, makeContext, {
    concurrency: deps.concurrency ?? Math.max(1, availableParallelism()),
    failFast: config.failFast,
    phases: config.phases,
    gateIndex: config.gateIndex,
    onEvent: deps.onEvent,
    signal: deps.signal,
  });
  // Which version of each tool ran, and why (the project's environment, its pins, or the action's), for the report.
  const withTools = ran.map((r) => (facts.has(`tool:${r.id}`) ? { ...r, tool: facts.get(`tool:${r.id}`)! } : r));
  const skipped: CheckResult[] = disabled.map((d) => ({ id: d.id, phase: d.phase, status: 'skipped', summary: 'disabled', durationMs: 0, exitCode: null, findings: [] }));
  // Disabled checks are listed where they would have run.
  const results = [...withTools, ...skipped].sort((a, b) => reportRank(a.id) - reportRank(b.id));
  const decision = decide(config.phases, config.gateIndex, results);
  const report = buildGateReport(decision, config.phases[config.gateIndex]!, results);
  return { report, results, outDir, facts };
}

/**
 * uv as it was when the run began (the action verified it just before): a `setup.py` that `uv sync` builds, or a
 * conftest, can replace the file, and every later check would run the replacement. Once project code has started,
 * each uv command first hashes the binary again and is refused when it changed (SECURITY R9).
 */
async function binaryGuard(path: string): Promise<{ projectCodeStarted(): void; check(): Promise<string | null> }> {
  const hashOf = (p: string): Promise<string | null> => sha256File(p).catch(() => null);
  const expected = await hashOf(path);
  let started = false;
  return {
    projectCodeStarted: () => {
      started = true;
    },
    async check() {
      if (!started || expected === null) return null;
      const now = await hashOf(path);
      return now === expected ? null : `uv at ${path} is not the binary the run began with (SHA-256 ${expected.slice(0, 16)}…, now ${now === null ? 'unreadable' : `${now.slice(0, 16)}…`}): code the project ran replaced it, so no further uv command is run`;
    },
  };
}

function refusedProcess(reason: string): ProcessResult {
  return { exitCode: null, signal: null, timedOut: false, cancelled: false, spawnError: reason, output: `[nebula-gate] ${reason}`, droppedBytes: 0, stdout: '', stdoutDroppedBytes: 0, durationMs: 0 };
}
