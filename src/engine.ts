/**
 * The gate engine shared by the action and the CLI: configuration in, checks run, report and decision out.
 * Side effects (processes, the log) come in through `EngineDeps`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { GateConfig } from './inputs.js';
import { buildChecks } from './checks/builtin.js';
import { lockedPackages } from './checks/tools.js';
import type { CheckContext, SetupCacheHook } from './checks/context.js';
import type { CheckResult } from './model/check.js';
import { childEnvironment, runProcess, type ProcessResult } from './checks/process.js';
import { runChecks, type RunEvent } from './checks/runner.js';
import { decide } from './gate/gate.js';
import { buildGateReport, type GateReport } from './gate/report.js';
import { readReportFile } from './reports/loader.js';

export interface EngineDeps {
  /** The uv binary (absolute path or a name on PATH). */
  uv: string;
  /** The environment the children start from; secrets and file-command paths are removed from it. */
  env: NodeJS.ProcessEnv;
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

/** Where the project's code lives: `src/`, else top-level packages, else the project directory itself. */
export function detectSources(projectDir: string): string[] {
  if (existsSync(join(projectDir, 'src')) && statSync(join(projectDir, 'src')).isDirectory()) return ['src'];
  const skip = new Set(['tests', 'test', 'docs', 'build', 'dist', '.venv', 'venv', 'node_modules']);
  const packages = readdirSync(projectDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !skip.has(d.name) && existsSync(join(projectDir, d.name, '__init__.py')))
    .map((d) => d.name)
    .sort();
  return packages.length > 0 ? packages : ['.'];
}

export function venvDirectory(projectDir: string, env: NodeJS.ProcessEnv): string {
  const configured = env.UV_PROJECT_ENVIRONMENT;
  if (!configured) return join(projectDir, '.venv');
  return configured.startsWith('/') || /^[A-Za-z]:[\\/]/.test(configured) ? configured : join(projectDir, configured);
}

export async function runGate(config: GateConfig, deps: EngineDeps): Promise<EngineResult> {
  const outDir = deps.outDir ?? mkdtempSync(join(deps.env.RUNNER_TEMP || tmpdir(), 'nebula-gate-'));
  const venv = venvDirectory(config.projectDir, deps.env);
  const windows = process.platform === 'win32';
  const venvBin = join(venv, windows ? 'Scripts' : 'bin');
  const facts = new Map<string, string>([['venv-python', join(venvBin, windows ? 'python.exe' : 'python')]]);
  const sources = detectSources(config.projectDir);
  const lockPath = join(config.projectDir, 'uv.lock');
  const { enabled, disabled } = buildChecks(config, lockedPackages(existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null));

  const makeContext = (finished: ReadonlyMap<string, CheckResult>, signal: AbortSignal): CheckContext => ({
    config,
    uv: deps.uv,
    outDir,
    sources,
    facts,
    finished,
    installedInProject: (tool) => existsSync(join(venvBin, windows ? `${tool}.exe` : tool)),
    readReport: (path) => readReportFile(path, { maxBytes: REPORT_MAX_BYTES }),
    venvCache: deps.venvCache,
    uvUnavailable: deps.uvUnavailable,
    async exec(checkId, argv, opts = {}) {
      const pythonPath = facts.get('python-path');
      const extra: Record<string, string> = {
        // Every uv call uses the interpreter the setup phase resolved; colour codes would garble parsed output.
        ...(pythonPath ? { UV_PYTHON: pythonPath } : {}),
        NO_COLOR: '1',
        UV_NO_PROGRESS: '1',
        PATH: `${venvBin}${windows ? ';' : ':'}${deps.env.PATH ?? ''}`,
        ...opts.env,
      };
      const result = await runProcess({
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
  const skipped: CheckResult[] = disabled.map((d) => ({ id: d.id, phase: d.phase, status: 'skipped', summary: 'disabled', durationMs: 0, exitCode: null, findings: [] }));
  // Keep the built-in order: disabled checks are listed where they would have run.
  const order = ['uv', 'python', 'uv-sync', 'ruff-format', 'ruff-check', 'types', 'pytest', 'coverage', 'diff-coverage', 'pip-audit', 'bandit'];
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  const results = [...ran, ...skipped].sort((a, b) => rank(a.id) - rank(b.id));
  const decision = decide(config.phases, config.gateIndex, results);
  const report = buildGateReport(decision, config.phases[config.gateIndex]!, results);
  return { report, results, outDir, facts };
}
