/**
 * `npm run bench`: time and peak memory to parse and render large reports, each size in a fresh child process
 * so the peak RSS belongs to that size alone. Prints figures; asserts nothing.
 *
 *   node --import tsx scripts/bench.ts                 all sizes
 *   node --import tsx scripts/bench.ts --one junit N   one measurement (used by the parent)
 *   node --import tsx scripts/bench.ts --setup         only cold vs warm setup with the environment cache
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveConfig } from '../src/inputs.js';
import { runGate } from '../src/engine.js';
import { shouldSave } from '../src/cache/key.js';
import { actionsCacheBackend, VenvCache } from '../src/cache/venv-cache.js';
import { startCacheServer } from '../test/support/cache-server.js';
import { parseJunit } from '../src/reports/junit.js';
import { parseCobertura } from '../src/reports/cobertura.js';
import { coverageTotals, summarizeTests } from '../src/reports/model.js';
import { decide, DEFAULT_PHASES } from '../src/gate/gate.js';
import { buildGateReport } from '../src/gate/report.js';
import { renderComment } from '../src/render/markdown.js';
import { renderTerminal } from '../src/render/terminal.js';
import type { CheckResult } from '../src/checks/model.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A pytest-xunit1-shaped JUnit file: 1% failures with multi-line tracebacks, 2% skipped. */
export function generateJunit(cases: number): string {
  const parts: string[] = ['<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" failures="0" skipped="0" tests="0" time="1">'];
  for (let i = 0; i < cases; i++) {
    const mod = `tests/test_mod_${i % 500}.py`;
    const cls = `tests.test_mod_${i % 500}`;
    const head = `<testcase classname="${cls}" name="test_case_${i}[param-${i % 7}]" file="${mod}" line="${i % 400}" time="0.00${i % 10}"`;
    if (i % 100 === 1) {
      const msg = esc(`AssertionError: assert ${i} == ${i + 1} — ünïcode ✓`);
      parts.push(`${head}><failure message="${msg}">${esc(`def test():\n>       assert ${i} == ${i + 1}\nE       AssertionError\n\n${mod}:${i % 400}: AssertionError`)}</failure></testcase>`);
    } else if (i % 50 === 3) {
      parts.push(`${head}><skipped type="pytest.skip" message="not on this platform">${mod}:1: not on this platform</skipped></testcase>`);
    } else {
      parts.push(`${head} />`);
    }
  }
  parts.push('</testsuite></testsuites>');
  return parts.join('\n');
}

/** A coverage.py-shaped Cobertura file: `files` source files of 120 lines, ~85% covered, branch data. */
export function generateCobertura(files: number): string {
  const parts: string[] = [`<?xml version="1.0" ?><coverage version="7.17.3" timestamp="1" lines-valid="0" lines-covered="0" line-rate="0" branches-covered="0" branches-valid="0" branch-rate="0" complexity="0"><sources><source>/project/src</source></sources><packages>`];
  for (let f = 0; f < files; f++) {
    if (f % 50 === 0) parts.push(`${f > 0 ? '</classes></package>' : ''}<package name="pkg${f / 50}" line-rate="0" branch-rate="0" complexity="0"><classes>`);
    parts.push(`<class name="m${f}.py" filename="pkg${Math.floor(f / 50)}/m${f}.py" complexity="0" line-rate="0" branch-rate="0"><methods/><lines>`);
    for (let n = 1; n <= 120; n++) {
      const hits = (n * 7 + f) % 100 < 85 ? 1 : 0;
      parts.push(n % 10 === 0
        ? `<line number="${n}" hits="${hits}" branch="true" condition-coverage="50% (1/2)" missing-branches="${n + 2}"/>`
        : `<line number="${n}" hits="${hits}"/>`);
    }
    parts.push('</lines></class>');
  }
  parts.push('</classes></package></packages></coverage>');
  return parts.join('\n');
}

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
  // The demo (the issue's fixture) locks only itself; pinned-tools locks its dev tools, like most real projects.
  for (const fixture of ['demo', 'pinned-tools']) await benchSetup(fixture);
}

if (process.argv[1]?.endsWith('bench.ts')) await main();
