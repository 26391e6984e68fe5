/**
 * `npm run bench`: time and peak memory to parse and render large reports, each size in a fresh child process
 * so the peak RSS belongs to that size alone. Prints figures; asserts nothing.
 *
 *   node --import tsx scripts/bench.ts                 all sizes
 *   node --import tsx scripts/bench.ts --one junit N   one measurement (used by the parent)
 *   node --import tsx scripts/bench.ts --setup         only cold vs warm setup with the environment cache
 *   node --import tsx scripts/bench.ts --race          only the speed race (gate vs the plain sequence)
 *   node --import tsx scripts/bench.ts --reports       only the parse-and-render rows, then the XML reader race
 *                                                      (scripts/xml-race/race.ts: --rounds N, --baseline REV)
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveConfig } from '../src/config/resolve.js';
import { runGate } from '../src/engine.js';
import { shouldSave } from '../src/cache/key.js';
import { actionsCacheBackend, VenvCache } from '../src/cache/venv-cache.js';
import { startCacheServer } from '../test/support/cache-server.js';
import { startOsvServer } from '../test/support/osv-server.js';
import { writeRaceProject } from './race-project.js';
import { generateCobertura, generateJunit } from './report-docs.js';
import { raceArgs, raceReaders } from './xml-race/race.js';
import { PINNED_TOOLS } from '../src/checks/tools.js';
import { parseJunit } from '../src/reports/junit.js';
import { parseCobertura } from '../src/reports/cobertura.js';
import { coverageTotals, summarizeTests } from '../src/reports/model.js';
import { decide } from '../src/gate/gate.js';
import { DEFAULT_PHASES } from '../src/model/registry.js';
import { buildGateReport } from '../src/gate/report.js';
import { renderComment } from '../src/render/markdown.js';
import { renderTerminal } from '../src/render/terminal.js';
import type { CheckResult } from '../src/model/check.js';

/** The environment as the bench started (the setup bench points process.env at its own cache service). */
const STARTING_ENV: NodeJS.ProcessEnv = { ...process.env };

function measureOne(kind: 'junit' | 'cobertura', file: string): void {
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const content = readFileSync(file, 'utf8');
  const tRead = performance.now();
  const results: CheckResult[] = [{ id: 'uv-sync', phase: 'setup', status: 'passed', summary: 'ok', durationMs: 1, exitCode: 0, findings: [] }];
  if (kind === 'junit') {
    const { cases } = parseJunit(content, file, '/project');
    const totals = summarizeTests(cases);
    results.push({ id: 'pytest', phase: 'tests', status: totals.failed > 0 ? 'failed' : 'passed', summary: `${totals.passed} passed`, durationMs: 1, exitCode: 1, findings: [], tests: { totals, cases } });
  } else {
    const { files } = parseCobertura(content, file, '/project');
    const totals = coverageTotals(files);
    results.push({ id: 'coverage', phase: 'coverage', status: 'passed', summary: `${totals.percent}`, durationMs: 1, exitCode: 0, findings: [], coverage: { totals, floor: 80, diffPercent: null, diffFloor: null, worstFiles: [] } });
  }
  const tParse = performance.now();
  const phases = [...DEFAULT_PHASES];
  const report = buildGateReport(decide(phases, 4, results), 'security', results);
  const comment = renderComment(report, {});
  const terminal = renderTerminal(report, { color: false });
  const tRender = performance.now();
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({
    readMs: tRead - t0,
    parseMs: tParse - tRead,
    renderMs: tRender - tParse,
    totalMs: tRender - t0,
    peakRssMB: peak / 2 ** 20,
    baseRssMB: baseRss / 2 ** 20,
    commentChars: comment.length,
    terminalChars: terminal.length,
  }));
}

/**
 * Cold vs warm setup (uv, python, uv sync) of the demo project, as the action runs it, against the loopback cache
 * service: cold = no cache entry and an empty uv cache (a fresh runner); warm = the entry the cold run saved, a
 * fresh checkout, and again an empty uv cache. One run of each; the ratio is what the cache buys.
 */
async function benchSetup(fixture: string): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const uv = join(root, '.tools', 'bin', 'uv');
  const server = await startCacheServer();
  const work = mkdtempSync(join(tmpdir(), 'ng-bench-setup-'));
  const project = join(work, fixture);
  cpSync(join(root, 'test', 'fixtures', 'projects', fixture), project, { recursive: true, filter: (src) => !src.endsWith('.venv') });
  Object.assign(process.env, server.env('v2'), { RUNNER_TEMP: work, GITHUB_WORKSPACE: dirname(project) });
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(uv)}:${process.env.PATH ?? ''}`, UV_PYTHON_DOWNLOADS: 'never' };
  const config = resolveConfig(project, readFileSync(join(project, 'pyproject.toml'), 'utf8'), { disable: 'ruff-format,ruff-check,types,pytest,coverage,diff-coverage,pip-audit,bandit' });
  const quiet = { info: () => {}, warning: (m: string) => console.log(`  warning: ${m}`), notice: (m: string) => console.log(`  notice: ${m}`) };
  const once = async (label: string): Promise<number> => {
    const cache = new VenvCache(
      { mode: 'venv', suffix: '', projectDir: project, venvDir: join(project, '.venv'), uvCacheDir: null, uv, env, save: shouldSave('push', 'refs/heads/main', 'main') },
      actionsCacheBackend(),
      quiet,
    );
    const uvCache = mkdtempSync(join(work, `uv-cache-${label}-`));
    // @actions/cache writes its progress to stdout through @actions/core; keep the table readable.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    const t0 = performance.now();
    let summary: string;
    try {
      const { results } = await runGate(config, { uv, env: { ...env, UV_CACHE_DIR: uvCache }, venvCache: cache });
      summary = results.find((r) => r.id === 'uv-sync')?.summary ?? '';
    } finally {
      process.stdout.write = write;
    }
    const ms = performance.now() - t0;
    console.log(`${label.padEnd(6)} ${ms.toFixed(0).padStart(8)} ms   ${summary}`);
    return ms;
  };
  const packages = (readFileSync(join(project, 'uv.lock'), 'utf8').match(/^\[\[package\]\]/gm) ?? []).length;
  console.log(`\nsetup of test/fixtures/projects/${fixture} (${packages} locked packages; uv + python + uv sync, empty uv cache each time), loopback cache service v2:`);
  const cold = await once('cold');
  rmSync(join(project, '.venv'), { recursive: true, force: true });
  const warm = await once('warm');
  console.log(`cold / warm: ${(cold / warm).toFixed(1)}×`);
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

/** Runs a command to its end without blocking the event loop (the loopback OSV service answers from it). */
function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ ms: number; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, output }));
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The hand-written workflow people write today: the same tools, versions and reports, one after another. */
function sequenceScript(): string {
  const t = PINNED_TOOLS;
  return `#!/usr/bin/env bash
# The plain sequence the speed race compares with: usage  sequence.sh PROJECT_DIR OUT_DIR OSV_URL
set -euo pipefail
cd "$1"
out=$2
uv sync --locked
uv tool run ruff@${t.ruff} format --check
uv tool run ruff@${t.ruff} check --output-format=json --output-file="$out/ruff.json"
uv run --no-sync --with mypy==${t.mypy} mypy -O json src
uv run --no-sync --with pytest==${t.pytest} --with pytest-cov==${t['pytest-cov']} pytest -o junit_family=xunit1 --junitxml="$out/junit.xml" --cov --cov-report=xml:"$out/coverage.xml" -p no:cacheprovider
uv tool run bandit@${t.bandit} -r src -f json -o "$out/bandit.json" -q
uv export --format requirements-txt --locked --no-emit-project --quiet --output-file "$out/requirements.txt"
uv tool run pip-audit@${t['pip-audit']} -r "$out/requirements.txt" --disable-pip -f json -o "$out/pip-audit.json" --progress-spinner off -s osv --osv-url "$3"
`;
}

/**
 * The speed race (issue 6): the gate CLI against the plain sequence on a generated, realistic project, in the
 * same warm environment (one gate run and one uv sync first), N interleaved runs each (the order alternates),
 * medians and ratio. pip-audit queries a loopback OSV service in both. The gate's own overhead is measured
 * apart: its start-up (`--version`, a fresh node each time) plus parsing this project's reports and rendering
 * the comment and the terminal summary (first, cold call in this process).
 */
async function benchRace(runs = 3): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const uvDir = join(root, '.tools', 'bin');
  const env: NodeJS.ProcessEnv = { ...STARTING_ENV, PATH: `${uvDir}:${STARTING_ENV.PATH ?? ''}`, UV_PYTHON_DOWNLOADS: 'never', NO_COLOR: '1' };
  const work = mkdtempSync(join(tmpdir(), 'ng-bench-race-'));
  const project = join(work, 'raceproj');
  const { sourceLines, testCases } = writeRaceProject(project);
  const lock = await run('uv', ['lock', '--quiet'], { cwd: project, env });
  if (lock.code !== 0) throw new Error(`uv lock failed:\n${lock.output}`);
  const script = join(work, 'sequence.sh');
  writeFileSync(script, sequenceScript(), { mode: 0o755 });
  const osv = await startOsvServer();
  const gateArgs = (json: string) => [join(root, 'bin', 'nebula-gate.js'), project, '--osv-url', osv.url, '--no-color', '--json', json];
  const seqOut = join(work, 'seq');
  rmSync(seqOut, { recursive: true, force: true });
  const ensureOut = (): void => {
    mkdirSync(seqOut, { recursive: true });
  };
  try {
    console.log(`\nspeed race — generated project: ${sourceLines} lines of typed source, ${testCases} test cases, deps attrs + packaging (uv.lock), pip-audit against a loopback OSV service`);
    // Warm: one gate run (downloads the pinned tools into uv's cache, creates .venv) and one uv sync.
    const warm = await run(process.execPath, gateArgs(join(work, 'warm.json')), { cwd: project, env });
    if (warm.code !== 0) throw new Error(`the warm-up gate run failed:\n${warm.output}`);
    await run('uv', ['sync', '--locked', '--quiet'], { cwd: project, env });
    const gate: number[] = [];
    const seq: number[] = [];
    let lastJson = '';
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['gate', 'seq'] : ['seq', 'gate'];
      for (const who of order) {
        if (who === 'gate') {
          lastJson = join(work, `gate-${i}.json`);
          const r = await run(process.execPath, gateArgs(lastJson), { cwd: project, env });
          if (r.code !== 0) throw new Error(`gate run ${i + 1} failed (exit ${r.code}):\n${r.output}`);
          gate.push(r.ms);
        } else {
          ensureOut();
          const r = await run('bash', [script, project, seqOut, osv.url], { cwd: project, env });
          if (r.code !== 0) throw new Error(`sequence run ${i + 1} failed (exit ${r.code}):\n${r.output}`);
          seq.push(r.ms);
        }
      }
      console.log(`run ${i + 1}: gate ${(gate[i]! / 1000).toFixed(2)} s, sequence ${(seq[i]! / 1000).toFixed(2)} s`);
    }
    const g = median(gate);
    const q = median(seq);
    console.log(`median of ${runs}: gate ${(g / 1000).toFixed(2)} s, plain sequence ${(q / 1000).toFixed(2)} s — the gate takes ${(g / q).toFixed(2)}× the sequence's time (${(q / g).toFixed(2)}× as fast)`);

    // The checks' own durations in the gate's last run (tool process + reading its report), for the record.
    const report = JSON.parse(readFileSync(lastJson, 'utf8')) as { phases: { checks: { id: string; status: string; durationMs: number }[] }[] };
    const checks = report.phases.flatMap((p) => p.checks).filter((c) => c.status !== 'skipped');
    console.log(`  gate checks (last run): ${checks.map((c) => `${c.id} ${(c.durationMs / 1000).toFixed(1)} s`).join(', ')}; sum ${(checks.reduce((a, c) => a + c.durationMs, 0) / 1000).toFixed(1)} s run in ${(gate[gate.length - 1]! / 1000).toFixed(1)} s`);

    // The gate's own overhead: start-up, then parsing and rendering of this project's real reports.
    const startup: number[] = [];
    for (let i = 0; i < runs; i++) startup.push((await run(process.execPath, [join(root, 'bin', 'nebula-gate.js'), '--version'], { cwd: project, env })).ms);
    const t0 = performance.now();
    const junitText = readFileSync(join(seqOut, 'junit.xml'), 'utf8');
    const coverageText = readFileSync(join(seqOut, 'coverage.xml'), 'utf8');
    const { cases } = parseJunit(junitText, join(seqOut, 'junit.xml'), project);
    const { files } = parseCobertura(coverageText, join(seqOut, 'coverage.xml'), project);
    const tParse = performance.now();
    const totals = summarizeTests(cases);
    const cov = coverageTotals(files);
    const results: CheckResult[] = [
      { id: 'pytest', phase: 'tests', status: 'passed', summary: `${totals.passed} passed`, durationMs: 1, exitCode: 0, findings: [], tests: { totals, cases } },
      { id: 'coverage', phase: 'coverage', status: 'passed', summary: `${cov.percent}`, durationMs: 1, exitCode: 0, findings: [], coverage: { totals: cov, floor: 80, diffPercent: null, diffFloor: null, worstFiles: [] } },
    ];
    const built = buildGateReport(decide([...DEFAULT_PHASES], 4, results), 'security', results);
    renderComment(built, {});
    renderTerminal(built, { color: false });
    const tRender = performance.now();
    const start = median(startup);
    const own = start + (tRender - t0);
    console.log(`  gate's own overhead: start-up ${start.toFixed(0)} ms (node bin/nebula-gate.js --version, median), parsing the JUnit (${cases.length} cases) and Cobertura (${files.length} files) ${(tParse - t0).toFixed(0)} ms, rendering ${(tRender - tParse).toFixed(0)} ms — ${own.toFixed(0)} ms, ${((own / g) * 100).toFixed(1)}% of the gate's median`);
  } finally {
    await osv.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    measureOne(args[1] as 'junit' | 'cobertura', args[2]!);
    return;
  }
  if (args[0] === '--setup') {
    for (const fixture of ['demo', 'pinned-tools']) await benchSetup(fixture);
    return;
  }
  if (args[0] === '--race') {
    await benchRace(Number(args[1] ?? 3));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ng-bench-'));
  console.log(`nebula-gate bench — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log('each row: a fresh process reads, parses and renders (comment + terminal) one generated report\n');
  console.log('report      size      file MB  read ms  parse ms  render ms  total ms  peak RSS MB  (baseline MB)');
  const rows: [kind: 'junit' | 'cobertura', n: number, unit: string][] = [
    ['junit', 1_000, 'tests'], ['junit', 10_000, 'tests'], ['junit', 100_000, 'tests'],
    ['cobertura', 100, 'files'], ['cobertura', 1_000, 'files'], ['cobertura', 5_000, 'files'], ['cobertura', 10_000, 'files'],
  ];
  for (const [kind, n, unit] of rows) {
    const file = join(dir, `${kind}-${n}.xml`);
    const text = kind === 'junit' ? generateJunit(n) : generateCobertura(n);
    writeFileSync(file, text);
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--one', kind, file], { encoding: 'utf8' });
    const m = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
    const f = (x: number | undefined, w: number, d = 0): string => (x ?? 0).toFixed(d).padStart(w);
    console.log(`${kind.padEnd(10)} ${`${n} ${unit}`.padStart(12)} ${f(text.length / 2 ** 20, 8, 1)} ${f(m.readMs, 8)} ${f(m.parseMs, 9)} ${f(m.renderMs, 10)} ${f(m.totalMs, 9)} ${f(m.peakRssMB, 12)}  (${f(m.baseRssMB, 0)})`);
  }
  rmSync(dir, { recursive: true, force: true });
  if (args[0] === '--reports') {
    await raceReaders(raceArgs(args));
    return;
  }
  // The demo (the issue's fixture) locks only itself; pinned-tools locks its dev tools, like most real projects.
  for (const fixture of ['demo', 'pinned-tools']) await benchSetup(fixture);
  await benchRace();
}

if (process.argv[1]?.endsWith('bench.ts')) await main();
