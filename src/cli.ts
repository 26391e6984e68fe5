/**
 * The local runner: `nebula-gate [PROJECT_DIR] [flags]` — the same engine as the action, the report in the
 * terminal, exit 0 when the gate passes, 1 when it fails, 2 on a usage or configuration error.
 */
import { readEventFile } from './github/event.js';
import { chooseOrder, orderFacts } from './gate/order.js';
import { projectCoverageFloor } from './project/facts.js';
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './config/errors.js';
import { resolveConfig } from './config/resolve.js';
import { CLI_FLAGS, OPTIONS, type Overrides } from './config/options.js';
import { runGate } from './engine.js';
import { renderTerminal } from './render/terminal.js';
import { renderComment } from './render/markdown.js';
import { neutraliseCommands } from './text/commands.js';
import { PINNED_TOOLS } from './checks/tools.js';
import type { RunEvent } from './checks/runner.js';

function usageLine(flag: string, metavar: string, help: string, short = ''): string {
  const left = `${short}--${flag}${metavar ? ` ${metavar}` : ''}`;
  return `  ${left.padEnd(26)}  ${help}`;
}

export const USAGE = [
  'Usage: nebula-gate [PROJECT_DIR] [options]',
  '',
  'Runs the phase-gated checks on a uv-managed Python project and prints the verdict.',
  '',
  'Options:',
  ...OPTIONS.map((o) => usageLine(o.flag, o.metavar, o.help)),
  ...CLI_FLAGS.map((o) => usageLine(o.flag, o.metavar, o.help)),
  usageLine('help', '', 'this text', '-h, '),
  usageLine('version', '', 'the version and the pinned tools'),
].join('\n');

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  /** Aborted on SIGINT/SIGTERM: the tools run in their own sessions and would not see the signal themselves. */
  signal?: AbortSignal;
}

type FlagSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

function parse(argv: string[]) {
  const options: Record<string, FlagSpec> = {
    args: { type: 'string', multiple: true },
    uv: { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    verbose: { type: 'boolean' },
    'keep-reports': { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  };
  for (const o of OPTIONS) options[o.flag] = o.kind === 'switch' ? { type: 'boolean' } : { type: 'string', multiple: o.kind === 'repeatable' };
  return parseArgs({ args: argv, allowPositionals: true, options, strict: true });
}

/** The gate's settings from the flags, through the same table as the action's inputs. */
function overridesFromFlags(values: Record<string, string | boolean | (string | boolean)[] | undefined>): Overrides {
  const o: Overrides = {};
  for (const spec of OPTIONS) {
    const v = values[spec.flag];
    if (v === undefined) continue;
    o[spec.name] = Array.isArray(v) ? v.join(',') : v === true ? 'true' : String(v);
  }
  return o;
}

function fmtSeconds(ms: number): string {
  return ms < 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export async function main(argv: string[], rawIo: CliIO): Promise<number> {
  // Run in a workflow step, the CLI's output is the runner's log: nothing it prints — a config error quoting a
  // value, a test name, a tool's output under --verbose — may start a workflow command (R2.4). One place for all.
  const io: CliIO = { ...rawIo, stdout: (s) => rawIo.stdout(neutraliseCommands(s)), stderr: (s) => rawIo.stderr(neutraliseCommands(s)) };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    io.stderr(`nebula-gate: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const text = (name: string): string | undefined => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
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
  for (const a of (v.args as string[] | undefined) ?? []) {
    const eq = a.indexOf('=');
    if (eq <= 0) {
      io.stderr(`nebula-gate: --args takes CHECK=ARGS, got ${JSON.stringify(a)}\n`);
      return 2;
    }
    perCheckArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const flags = overridesFromFlags(v);
  const overrides: Overrides = { ...flags, order: chooseOrder(flags.order, orderFacts(io.env, readEventFile(io.env))), args: perCheckArgs };
  let config;
  try {
    config = resolveConfig(projectDir, readFileSync(pyprojectPath, 'utf8'), overrides, projectCoverageFloor(projectDir));
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`nebula-gate: configuration error: ${neutraliseCommands(e.message)}\n`);
      return 2;
    }
    throw e;
  }

  const color = io.isTTY && !v['no-color'] && !io.env.NO_COLOR;
  // The report goes to stdout unless stdout carries the JSON or the Markdown; progress always goes to stderr.
  const json = text('json');
  const markdown = text('markdown');
  const reportOut = json === '-' || markdown === '-' ? io.stderr : io.stdout;
  const progress = (e: RunEvent): void => {
    if (e.type === 'start') io.stderr(`  … ${e.id}\n`);
    else io.stderr(`  ${e.result.status === 'passed' ? '✔' : e.result.status === 'skipped' ? '–' : '✘'} ${e.result.id} ${e.result.status} (${fmtSeconds(e.result.durationMs)})\n`);
  };
  io.stderr(neutraliseCommands(`nebula-gate: checking ${projectDir} (gate: ${config.phases[config.gateIndex]})\n`));
  const { report, outDir } = await runGate(config, {
    signal: io.signal,
    uv: text('uv') ?? 'uv',
    env: io.env,
    onEvent: progress,
    onProcess: v.verbose
      ? (id, args, r) => io.stderr(`--- ${id}: ${neutraliseCommands(args.join(' '))} (exit ${r.exitCode})\n${neutraliseCommands(r.output)}\n`)
      : undefined,
  });

  reportOut(renderTerminal(report, { color }));
  const write = (target: string, body: string): void => (target === '-' ? io.stdout(body) : writeFileSync(resolve(io.cwd, target), body));
  if (json !== undefined) write(json, `${JSON.stringify(report, null, 2)}\n`);
  if (markdown !== undefined) write(markdown, renderComment(report, {}));
  if (v['keep-reports']) io.stderr(neutraliseCommands(`nebula-gate: the tools' reports are in ${outDir}\n`));
  else {
    rmSync(outDir, { recursive: true, force: true });
    io.stderr(neutraliseCommands(`nebula-gate: the tools' reports (${outDir}) were removed; --keep-reports keeps them\n`));
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
    process.stderr.write(neutraliseCommands(`nebula-gate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));
    process.exitCode = 2;
  }
}
