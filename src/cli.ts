/**
 * The local runner: `nebula-gate [PROJECT_DIR] [flags]` — the same engine as the action, the report in the
 * terminal, exit 0 when the gate passes, 1 when it fails, 2 on a usage or configuration error.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, resolveConfig, type Overrides } from './inputs.js';
import { runGate } from './engine.js';
import { renderTerminal } from './render/terminal.js';
import { renderComment } from './render/markdown.js';
import { neutraliseCommands } from './text/commands.js';
import { PINNED_TOOLS } from './checks/tools.js';
import type { RunEvent } from './checks/runner.js';

export const USAGE = `Usage: nebula-gate [PROJECT_DIR] [options]

Runs the phase-gated checks on a uv-managed Python project and prints the verdict.

Options:
  --gate PHASE                last phase that must pass (name or number; default: the last phase)
  --coverage-floor N          minimum total coverage in percent
  --diff-coverage-floor N     minimum coverage of the lines changed since --base
  --base REF                  compare with REF for diff coverage (e.g. origin/main)
  --fail-fast                 skip the phases after the first required failure
  --type-checker NAME         auto | mypy | pyright
  --python VERSION            Python version request for uv (default: .python-version / requires-python)
  --disable IDS               comma-separated checks to skip (e.g. bandit,pip-audit)
  --timeout SECONDS           per-check timeout
  --bandit-severity LEVEL     low | medium | high
  --bandit-confidence LEVEL   low | medium | high
  --ignore-vuln ID            a vulnerability ID to ignore (repeatable)
  --osv-url URL               the OSV API endpoint pip-audit queries
  --args CHECK=ARGS           extra arguments for a check's tool (repeatable), e.g. --args "pytest=-k fast"
  --uv PATH                   the uv binary (default: uv on PATH)
  --json FILE|-               write the JSON report
  --markdown FILE|-           write the pull-request comment body
  --verbose                   print every tool's output
  --no-color                  plain output
  -h, --help                  this text
  --version                   the version and the pinned tools`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  /** Aborted on SIGINT/SIGTERM: the tools run in their own sessions and would not see the signal themselves. */
  signal?: AbortSignal;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      gate: { type: 'string' },
      'coverage-floor': { type: 'string' },
      'diff-coverage-floor': { type: 'string' },
      base: { type: 'string' },
      'fail-fast': { type: 'boolean' },
      'type-checker': { type: 'string' },
      python: { type: 'string' },
      disable: { type: 'string' },
      timeout: { type: 'string' },
      'bandit-severity': { type: 'string' },
      'bandit-confidence': { type: 'string' },
      'ignore-vuln': { type: 'string', multiple: true },
      'osv-url': { type: 'string' },
      args: { type: 'string', multiple: true },
      uv: { type: 'string' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      verbose: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
}

function fmtSeconds(ms: number): string {
  return ms < 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    io.stderr(`nebula-gate: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (v.version) {
    io.stdout(`nebula-gate ${Object.entries(PINNED_TOOLS).map(([k, ver]) => `${k} ${ver}`).join(', ')}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`nebula-gate: one project directory at most, got ${positionals.length}\n`);
    return 2;
  }
  const projectDir = resolve(io.cwd, positionals[0] ?? '.');
  const pyprojectPath = join(projectDir, 'pyproject.toml');
  if (!existsSync(pyprojectPath)) {
    io.stderr(`nebula-gate: ${pyprojectPath} not found — run it in a uv-managed Python project\n`);
    return 2;
  }
  const perCheckArgs: Record<string, string> = {};
  for (const a of v.args ?? []) {
    const eq = a.indexOf('=');
    if (eq <= 0) {
      io.stderr(`nebula-gate: --args takes CHECK=ARGS, got ${JSON.stringify(a)}\n`);
      return 2;
    }
    perCheckArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const overrides: Overrides = {
    gate: v.gate,
    failFast: v['fail-fast'] ? 'true' : undefined,
    coverageFloor: v['coverage-floor'],
    diffCoverageFloor: v['diff-coverage-floor'],
    base: v.base,
    typeChecker: v['type-checker'],
    pythonVersion: v.python,
    disable: v.disable,
    timeout: v.timeout,
    banditSeverity: v['bandit-severity'],
    banditConfidence: v['bandit-confidence'],
    ignoreVulns: v['ignore-vuln']?.join(','),
    osvUrl: v['osv-url'],
    args: perCheckArgs,
  };
  let config;
  try {
    config = resolveConfig(projectDir, readFileSync(pyprojectPath, 'utf8'), overrides);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`nebula-gate: configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const color = io.isTTY && !v['no-color'] && !io.env.NO_COLOR;
  // The report goes to stdout unless stdout carries the JSON or the Markdown; progress always goes to stderr.
  const reportOut = v.json === '-' || v.markdown === '-' ? io.stderr : io.stdout;
  const progress = (e: RunEvent): void => {
    if (e.type === 'start') io.stderr(`  … ${e.id}\n`);
    else io.stderr(`  ${e.result.status === 'passed' ? '✔' : e.result.status === 'skipped' ? '–' : '✘'} ${e.result.id} ${e.result.status} (${fmtSeconds(e.result.durationMs)})\n`);
  };
  io.stderr(`nebula-gate: checking ${projectDir} (gate: ${config.phases[config.gateIndex]})\n`);
  const { report } = await runGate(config, {
    signal: io.signal,
    uv: v.uv ?? 'uv',
    env: io.env,
    onEvent: progress,
    onProcess: v.verbose
      ? (id, args, r) => io.stderr(`--- ${id}: ${neutraliseCommands(args.join(' '))} (exit ${r.exitCode})\n${neutraliseCommands(r.output)}\n`)
      : undefined,
  });

  reportOut(renderTerminal(report, { color }));
  if (v.json !== undefined) {
    const text = `${JSON.stringify(report, null, 2)}\n`;
    if (v.json === '-') io.stdout(text);
    else writeFileSync(resolve(io.cwd, v.json), text);
  }
  if (v.markdown !== undefined) {
    const text = renderComment(report, {});
    if (v.markdown === '-') io.stdout(text);
    else writeFileSync(resolve(io.cwd, v.markdown), text);
  }
  return report.verdict === 'pass' ? 0 : 1;
}

/** Entry when run as a program (dist/cli/index.js via bin/nebula-gate.js). */
export async function cli(): Promise<void> {
  const controller = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => controller.abort(sig));
  try {
    process.exitCode = await main(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      env: process.env,
      cwd: process.cwd(),
      isTTY: Boolean(process.stdout.isTTY),
      signal: controller.signal,
    });
  } catch (e) {
    process.stderr.write(`nebula-gate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  }
}
