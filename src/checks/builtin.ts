/**
 * The built-in checks: for each, the argv it runs and how it reads what the tool wrote. Tool exit codes are
 * data; a report that cannot be read makes the check `error` (fail closed), never `passed`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GateConfig } from '../inputs.js';
import { coverageTotals, ReportError, summarizeTests, type Finding, type FileCoverage, type TestCase } from '../reports/model.js';
import { parseJunit } from '../reports/junit.js';
import { parseCobertura } from '../reports/cobertura.js';
import { parseRuffCheckJson, parseRuffFormatOutput } from '../reports/tools/ruff.js';
import { parseMypyJsonLines } from '../reports/tools/mypy.js';
import { parsePyrightJson } from '../reports/tools/pyright.js';
import { parseBanditJson } from '../reports/tools/bandit.js';
import { parsePipAuditJson } from '../reports/tools/pip-audit.js';
import { toolCommand, type PinnedTool } from './tools.js';
import { diffCoverage, parseAddedLines } from '../reports/diff.js';
import { outcome, processFailure, tail, type CheckContext, type CheckDefinition, type PartialResult } from './context.js';
import type { ProcessResult } from './process.js';

/**
 * An isolated tool starts as soon as uv is known, unless the project locks its own copy: then it waits for the
 * sync, so `uv run --no-sync` finds it in the project environment (the project's version wins).
 */
function startsAfter(tool: PinnedTool, locked: ReadonlySet<string>): { after: string[]; requires: string[] } {
  const step = locked.has(tool) ? 'uv-sync' : 'uv';
  return { after: [step], requires: [step] };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const pct = (n: number): string => `${(Math.floor(n * 100) / 100).toFixed(2)}%`;

/** Runs `fn` and turns a ReportError into an `error` outcome that names the file. */
async function readingReports(fn: () => Promise<PartialResult>, output = ''): Promise<PartialResult> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ReportError) return outcome('error', `unreadable report: ${e.message}`, { outputTail: tail(output) });
    throw e;
  }
}

/** A process that failed to do its job at all (not found, killed, timed out) → error with the reason. */
function brokenProcess(r: ProcessResult, timeoutSec: number, tool: string): PartialResult | null {
  const reason = processFailure(r, timeoutSec);
  return reason === null ? null : outcome('error', `${tool}: ${reason}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
}

function lastLine(output: string): string {
  const lines = output.trim().split('\n').filter((l) => l.trim() !== '');
  return (lines[lines.length - 1] ?? '').trim().slice(0, 300);
}

function findingsSummary(findings: Finding[], noun: string): string {
  if (findings.length === 0) return `no ${noun}s`;
  const files = new Set(findings.map((f) => f.file)).size;
  return `${plural(findings.length, noun)} in ${plural(files, 'file')}`;
}

const uvCheck = (c: GateConfig): CheckDefinition => ({
  id: 'uv',
  phase: c.checks.uv.phase,
  after: [],
  requires: [],
  timeoutSec: 60,
  async run(ctx) {
    if (ctx.uvUnavailable) return outcome('error', `uv could not be installed: ${ctx.uvUnavailable}`);
    const r = await ctx.exec('uv', [ctx.uv, '--version'], { timeoutSec: 60 });
    const broken = brokenProcess(r, 60, 'uv');
    if (broken) return { ...broken, summary: `${broken.summary} — install uv (https://docs.astral.sh/uv/) or put it on PATH` };
    const m = /uv (\d+\.\d+\.\d+\S*)/.exec(r.output);
    if (r.exitCode !== 0 || !m) return outcome('error', `uv --version failed: ${lastLine(r.output)}`, { exitCode: r.exitCode });
    ctx.facts.set('uv-version', m[1]!);
    return outcome('passed', `uv ${m[1]}`, { exitCode: 0 });
  },
});

const pythonCheck = (c: GateConfig): CheckDefinition => ({
  id: 'python',
  phase: c.checks.python.phase,
  after: ['uv'],
  requires: ['uv'],
  timeoutSec: c.checks.python.timeoutSec,
  async run(ctx) {
    const request = c.pythonVersion ? [c.pythonVersion] : [];
    let find = await ctx.exec('python', [ctx.uv, 'python', 'find', ...request], { timeoutSec: 60 });
    if (find.exitCode !== 0 && !find.spawnError && process.env.UV_PYTHON_DOWNLOADS !== 'never') {
      // Not installed yet: let uv fetch a managed build (it honours UV_PYTHON_DOWNLOADS itself).
      await ctx.exec('python', [ctx.uv, 'python', 'install', ...request], { timeoutSec: this.timeoutSec });
      find = await ctx.exec('python', [ctx.uv, 'python', 'find', ...request], { timeoutSec: 60 });
    }
    const broken = brokenProcess(find, 60, 'uv python find');
    if (broken) return broken;
    const path = lastLine(find.output);
    if (find.exitCode !== 0 || path === '') {
      return outcome('failed', `no Python matches ${c.pythonVersion ?? 'the project (requires-python / .python-version)'}: ${lastLine(find.output)}`, { exitCode: find.exitCode });
    }
    const v = await ctx.exec('python', [path, '-c', 'import platform; print(platform.python_version())'], { timeoutSec: 60 });
    const version = /^(\d+\.\d+\.\d+\S*)$/m.exec(v.output)?.[1];
    if (v.exitCode !== 0 || !version) return outcome('error', `the interpreter ${path} did not run: ${lastLine(v.output)}`, { exitCode: v.exitCode });
    ctx.facts.set('python-path', path);
    ctx.facts.set('python-version', version);
    return outcome('passed', `Python ${version}`, { exitCode: 0 });
  },
});

const syncCheck = (c: GateConfig): CheckDefinition => ({
  id: 'uv-sync',
  phase: c.checks['uv-sync'].phase,
  after: ['python'],
  requires: ['python'],
  timeoutSec: c.checks['uv-sync'].timeoutSec,
  async run(ctx) {
    // The action restores a cached environment here (after the Python check, before the sync) and saves it right
    // after a successful sync; `uv sync --locked` runs either way, a no-op when the cache was good.
    const started = performance.now();
    const hookExec = (argv: string[]) => ctx.exec('uv-sync', argv, { timeoutSec: 120 });
    const cacheNote = ctx.venvCache ? await ctx.venvCache.restore(ctx.facts, hookExec) : null;
    const r = await ctx.exec('uv-sync', [ctx.uv, 'sync', '--locked', ...c.checks['uv-sync'].args], { timeoutSec: this.timeoutSec });
    const broken = brokenProcess(r, this.timeoutSec, 'uv sync');
    if (broken) return broken;
    if (r.exitCode === 0) {
      await ctx.venvCache?.save(hookExec);
      const setup = cacheNote === null ? '' : ` · setup ${((performance.now() - started) / 1000).toFixed(1)} s (${cacheNote})`;
      return outcome('passed', `environment in sync with uv.lock${setup}`, { exitCode: 0 });
    }
    if (/lockfile .* needs to be updated|--locked/i.test(r.output)) {
      return outcome('failed', 'uv.lock is out of date with pyproject.toml — run `uv lock` and commit uv.lock', { exitCode: r.exitCode, outputTail: tail(r.output) });
    }
    if (/No `?(uv\.lock|lockfile)`? found|Unable to find lockfile/i.test(r.output)) {
      return outcome('failed', 'no uv.lock — run `uv lock` and commit uv.lock', { exitCode: r.exitCode, outputTail: tail(r.output) });
    }
    return outcome('failed', `uv sync --locked failed: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
  },
});

const ruffFormatCheck = (c: GateConfig, locked: ReadonlySet<string>): CheckDefinition => ({
  ...startsAfter('ruff', locked),
  id: 'ruff-format',
  phase: c.checks['ruff-format'].phase,
  timeoutSec: c.checks['ruff-format'].timeoutSec,
  async run(ctx) {
    const { argv } = toolCommand(ctx.uv, 'ruff', 'isolated', ctx.installedInProject);
    // RUFF_OUTPUT_FORMAT from the runner's environment would change what the parser reads: pin the default.
    const r = await ctx.exec('ruff-format', [...argv, 'format', '--check', ...c.checks['ruff-format'].args], { timeoutSec: this.timeoutSec, env: { RUFF_OUTPUT_FORMAT: 'full' } });
    const broken = brokenProcess(r, this.timeoutSec, 'ruff format');
    if (broken) return broken;
    return readingReports(async () => {
      const findings = parseRuffFormatOutput(r.output, '<ruff format output>', c.projectDir);
      if (r.exitCode === 0 && findings.length === 0) return outcome('passed', 'all files formatted', { exitCode: 0 });
      if (r.exitCode === 1 && findings.length > 0) {
        return outcome('failed', `${plural(findings.length, 'file')} would be reformatted`, { exitCode: 1, findings });
      }
      return outcome('error', `ruff format exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output), findings });
    }, r.output);
  },
});

const ruffCheck = (c: GateConfig, locked: ReadonlySet<string>): CheckDefinition => ({
  ...startsAfter('ruff', locked),
  id: 'ruff-check',
  phase: c.checks['ruff-check'].phase,
  timeoutSec: c.checks['ruff-check'].timeoutSec,
  async run(ctx) {
    const report = join(ctx.outDir, 'ruff.json');
    const { argv } = toolCommand(ctx.uv, 'ruff', 'isolated', ctx.installedInProject);
    const r = await ctx.exec('ruff-check', [...argv, 'check', '--output-format=json', `--output-file=${report}`, ...c.checks['ruff-check'].args], { timeoutSec: this.timeoutSec });
    const broken = brokenProcess(r, this.timeoutSec, 'ruff check');
    if (broken) return broken;
    if (r.exitCode !== 0 && r.exitCode !== 1) return outcome('error', `ruff check exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
    return readingReports(async () => {
      const findings = parseRuffCheckJson(await ctx.readReport(report), report, c.projectDir);
      if (r.exitCode === 1 && findings.length === 0) return outcome('error', 'ruff check exited 1 but its report lists no finding', { exitCode: 1, outputTail: tail(r.output) });
      return outcome(findings.length === 0 ? 'passed' : 'failed', findingsSummary(findings, 'finding'), { exitCode: r.exitCode, findings });
    }, r.output);
  },
});

/** A report read from stdout must be whole: a cut head would silently lose findings, so it fails closed. */
function truncatedStdout(r: ProcessResult, tool: string): PartialResult | null {
  return r.stdoutDroppedBytes > 0
    ? outcome('error', `${tool} printed more than the output cap; ${r.stdoutDroppedBytes} bytes were dropped, so its report is incomplete`, { exitCode: r.exitCode })
    : null;
}

/** Lines of a tool's stdout that are JSON objects: other tools and wrappers may print around them. */
function jsonLines(stdout: string): string {
  return stdout.split('\n').filter((l) => l.trimStart().startsWith('{')).join('\n');
}

const typesCheck = (c: GateConfig): CheckDefinition => ({
  id: 'types',
  phase: c.checks.types.phase,
  after: ['uv-sync'],
  requires: ['uv-sync'],
  timeoutSec: c.checks.types.timeoutSec,
  async run(ctx) {
    const paths = c.typeCheckerHasFiles ? [] : ctx.sources;
    const args = c.checks.types.args;
    if (c.typeChecker === 'mypy') {
      const { argv } = toolCommand(ctx.uv, 'mypy', 'import-project', ctx.installedInProject);
      const r = await ctx.exec('types', [...argv, '-O', 'json', ...args, ...paths], { timeoutSec: this.timeoutSec });
      const broken = brokenProcess(r, this.timeoutSec, 'mypy');
      if (broken) return broken;
      const cut = truncatedStdout(r, 'mypy');
      if (cut) return cut;
      if (r.exitCode !== 0 && r.exitCode !== 1) return outcome('error', `mypy exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
      return readingReports(async () => {
        const all = parseMypyJsonLines(jsonLines(r.stdout), '<mypy -O json output>', c.projectDir);
        const errors = all.filter((f) => f.severity === 'error');
        if (r.exitCode === 1 && errors.length === 0) return outcome('error', `mypy exited 1 but reported no error: ${lastLine(r.output)}`, { exitCode: 1, outputTail: tail(r.output) });
        return outcome(errors.length === 0 ? 'passed' : 'failed', `mypy: ${findingsSummary(errors, 'error')}`, { exitCode: r.exitCode, findings: all });
      }, r.output);
    }
    const { argv } = toolCommand(ctx.uv, 'pyright', 'isolated', ctx.installedInProject);
    const python = ctx.facts.get('venv-python');
    const r = await ctx.exec('types', [...argv, '--outputjson', ...(python ? ['--pythonpath', python] : []), ...args, ...paths], { timeoutSec: this.timeoutSec });
    const broken = brokenProcess(r, this.timeoutSec, 'pyright');
    if (broken) return broken;
    const cut = truncatedStdout(r, 'pyright');
    if (cut) return cut;
    if (r.exitCode !== 0 && r.exitCode !== 1) return outcome('error', `pyright exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
    return readingReports(async () => {
      const start = r.stdout.indexOf('{');
      const all = parsePyrightJson(start < 0 ? r.stdout : r.stdout.slice(start), '<pyright --outputjson output>', c.projectDir);
      const errors = all.filter((f) => f.severity === 'error');
      if (r.exitCode === 1 && errors.length === 0) return outcome('error', `pyright exited 1 but reported no error: ${lastLine(r.output)}`, { exitCode: 1, outputTail: tail(r.output) });
      return outcome(errors.length === 0 ? 'passed' : 'failed', `pyright: ${findingsSummary(errors, 'error')}`, { exitCode: r.exitCode, findings: all });
    }, r.output);
  },
});

function failingTestFindings(cases: readonly TestCase[]): Finding[] {
  return cases
    .filter((t) => t.outcome === 'failed' || t.outcome === 'error')
    .map((t) => ({
      file: t.file ?? '',
      line: t.line,
      column: null,
      rule: t.outcome === 'error' ? 'test-error' : 'test-failure',
      severity: 'error' as const,
      message: `${t.name}: ${t.message || t.outcome}`,
    }))
    .filter((f) => f.file !== '');
}

export const PYTEST_JUNIT = 'junit.xml';
export const PYTEST_COBERTURA = 'coverage.xml';

const pytestCheck = (c: GateConfig): CheckDefinition => ({
  id: 'pytest',
  phase: c.checks.pytest.phase,
  after: ['uv-sync'],
  requires: ['uv-sync'],
  timeoutSec: c.checks.pytest.timeoutSec,
  async run(ctx) {
    const junit = join(ctx.outDir, PYTEST_JUNIT);
    const cobertura = join(ctx.outDir, PYTEST_COBERTURA);
    const measure = c.checks.coverage.enabled || c.checks['diff-coverage'].enabled;
    const { argv } = toolCommand(ctx.uv, 'pytest', 'import-project', ctx.installedInProject, measure ? ['pytest-cov'] : []);
    const covArgs = measure
      ? [...(c.coverageHasSource ? ['--cov'] : ctx.sources.map((s) => `--cov=${s}`)), `--cov-report=xml:${cobertura}`, '--cov-fail-under=0']
      : [];
    // xunit1 keeps file and line on each test case, which the annotations need.
    const r = await ctx.exec('pytest', [...argv, '-o', 'junit_family=xunit1', `--junitxml=${junit}`, ...covArgs, '-p', 'no:cacheprovider', ...c.checks.pytest.args], { timeoutSec: this.timeoutSec });
    const broken = brokenProcess(r, this.timeoutSec, 'pytest');
    if (broken) return broken;
    return readingReports(async () => {
      let content: string;
      try {
        content = await ctx.readReport(junit);
      } catch (e) {
        if (e instanceof ReportError) {
          return outcome('error', `pytest exited ${r.exitCode} and wrote no JUnit report (${junit}): ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
        }
        throw e;
      }
      const { cases } = parseJunit(content, junit, c.projectDir);
      const totals = summarizeTests(cases);
      const tests = { totals, cases };
      const counts = `${totals.passed} passed, ${totals.failed} failed, ${totals.errors} errors, ${totals.skipped} skipped`;
      const findings = failingTestFindings(cases);
      if (totals.failed + totals.errors > 0) return outcome('failed', counts, { exitCode: r.exitCode, tests, findings, outputTail: tail(r.output) });
      if (totals.total - totals.skipped === 0) {
        return outcome('failed', `no test ran (pytest exit ${r.exitCode}): at least one test must run`, { exitCode: r.exitCode, tests, outputTail: tail(r.output) });
      }
      if (r.exitCode !== 0) {
        // Exit 2-4: interrupted, internal error or usage error, with no failing test to show for it.
        return outcome('error', `pytest exited ${r.exitCode} (${counts}): ${lastLine(r.output)}`, { exitCode: r.exitCode, tests, outputTail: tail(r.output) });
      }
      return outcome('passed', counts, { exitCode: 0, tests });
    }, r.output);
  },
});

/** The five least-covered files, for the comment's "worst files" table. */
export function worstFiles(files: readonly FileCoverage[], n = 5): { file: string; percent: number }[] {
  return files
    .map((f) => ({ file: f.file, percent: Math.round(coverageTotals([f]).percent * 100) / 100 }))
    .sort((a, b) => a.percent - b.percent || a.file.localeCompare(b.file))
    .slice(0, n);
}

async function readCoverage(ctx: CheckContext): Promise<FileCoverage[] | PartialResult> {
  const pytest = ctx.finished.get('pytest');
  if (!pytest || pytest.status === 'skipped') return outcome('skipped', 'pytest did not run, so there is no coverage data');
  // No test ran: the tests phase already fails for it, and coverage.py wrote nothing to measure.
  if (pytest.tests && pytest.tests.totals.total - pytest.tests.totals.skipped === 0) return outcome('skipped', 'no test ran, so nothing was measured');
  const path = join(ctx.outDir, PYTEST_COBERTURA);
  let content: string;
  try {
    content = await ctx.readReport(path);
  } catch (e) {
    if (e instanceof ReportError) return outcome('error', `pytest wrote no coverage report (${e.reason}); pytest ${pytest.status}: ${pytest.summary}`);
    throw e;
  }
  return parseCobertura(content, path, ctx.config.projectDir, { exists: existsSync }).files;
}

const coverageCheck = (c: GateConfig): CheckDefinition => ({
  id: 'coverage',
  phase: c.checks.coverage.phase,
  after: ['pytest'],
  requires: [],
  timeoutSec: 60,
  async run(ctx) {
    return readingReports(async () => {
      const files = await readCoverage(ctx);
      if (!Array.isArray(files)) return files;
      const totals = coverageTotals(files);
      const ok = totals.percent >= c.coverageFloor;
      const coverage = { totals, floor: c.coverageFloor, diffPercent: null, diffFloor: null, worstFiles: worstFiles(files) };
      return outcome(ok ? 'passed' : 'failed', `${pct(totals.percent)} ${ok ? '≥' : '<'} floor ${c.coverageFloor}% (${c.coverageFloorSource})`, { coverage });
    });
  },
});

const diffCoverageCheck = (c: GateConfig): CheckDefinition => ({
  id: 'diff-coverage',
  phase: c.checks['diff-coverage'].phase,
  after: ['pytest'],
  requires: [],
  timeoutSec: 120,
  async run(ctx) {
    if (c.base === null) return outcome('skipped', 'no base to compare with (--base REF, or the pull request base)');
    const mb = await ctx.exec('diff-coverage', ['git', 'merge-base', c.base, 'HEAD'], { timeoutSec: 60 });
    const mergeBase = lastLine(mb.output);
    if (mb.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(mergeBase)) {
      if (c.baseFromEvent) return outcome('skipped', `the pull request base ${c.base.slice(0, 12)} is not in this checkout — use actions/checkout with fetch-depth: 0 for diff coverage`);
      return outcome('error', `cannot find the merge base of ${c.base} and HEAD (${lastLine(mb.output) || processFailure(mb, 60)}) — fetch the base (actions/checkout with fetch-depth: 0)`, { exitCode: mb.exitCode });
    }
    const d = await ctx.exec('diff-coverage', ['git', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--relative', mergeBase], { timeoutSec: 60 });
    if (d.exitCode !== 0) return outcome('error', `git diff failed: ${lastLine(d.output)}`, { exitCode: d.exitCode });
    const cut = truncatedStdout(d, 'git diff');
    if (cut) return cut;
    return readingReports(async () => {
      const files = await readCoverage(ctx);
      if (!Array.isArray(files)) return files;
      const added = parseAddedLines(d.stdout);
      const result = diffCoverage(added, files);
      const changedLines = Object.fromEntries([...added].map(([file, lines]) => [file, [...lines].sort((a, b) => a - b)]));
      const totals = coverageTotals(files);
      const coverage = { totals, floor: c.coverageFloor, diffPercent: result.percent, diffFloor: c.diffCoverageFloor, worstFiles: worstFiles(files) };
      if (result.percent === null) return outcome('passed', `no coverable line changed since ${c.base}`, { coverage, changedLines });
      const ok = result.percent >= c.diffCoverageFloor;
      const findings: Finding[] = result.files
        .filter((f) => f.missing.length > 0)
        .map((f) => ({ file: f.file, line: f.missing[0]!, column: null, rule: 'diff-coverage', severity: 'warning' as const, message: `${plural(f.missing.length, 'changed line')} not covered by tests: ${f.missing.slice(0, 20).join(', ')}${f.missing.length > 20 ? ', …' : ''}` }));
      return outcome(ok ? 'passed' : 'failed', `${pct(result.percent)} of ${plural(result.total, 'changed line')} covered ${ok ? '≥' : '<'} floor ${c.diffCoverageFloor}%`, { coverage, findings, changedLines });
    });
  },
});

/** Requirements in a pip requirements file (continuation lines joined), and how many carry no `--hash`. */
export function countRequirements(text: string): { total: number; unhashed: number } {
  const logical = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter((l) => l !== '' && !l.startsWith('-'));
  return { total: logical.length, unhashed: logical.filter((l) => !l.includes('--hash=')).length };
}

const pipAuditCheck = (c: GateConfig, locked: ReadonlySet<string>): CheckDefinition => ({
  ...startsAfter('pip-audit', locked),
  id: 'pip-audit',
  phase: c.checks['pip-audit'].phase,
  timeoutSec: c.checks['pip-audit'].timeoutSec,
  async run(ctx) {
    const requirements = join(ctx.outDir, 'requirements.txt');
    const report = join(ctx.outDir, 'pip-audit.json');
    const exp = await ctx.exec('pip-audit', [ctx.uv, 'export', '--format', 'requirements-txt', '--locked', '--no-emit-project', '--quiet', '--output-file', requirements], { timeoutSec: 120 });
    const brokenExport = brokenProcess(exp, 120, 'uv export');
    if (brokenExport) return brokenExport;
    if (exp.exitCode !== 0) return outcome('error', `uv export --locked failed, so nothing could be audited: ${lastLine(exp.output)}`, { exitCode: exp.exitCode, outputTail: tail(exp.output) });
    let counted: { total: number; unhashed: number };
    try {
      counted = countRequirements(await ctx.readReport(requirements));
    } catch (e) {
      if (e instanceof ReportError) return outcome('error', `uv export wrote no readable requirements: ${e.message}`, { exitCode: exp.exitCode });
      throw e;
    }
    const { total, unhashed } = counted;
    if (total === 0) return outcome('passed', 'no third-party dependencies to audit', { exitCode: 0, vulnerabilities: [] });
    const { argv } = toolCommand(ctx.uv, 'pip-audit', 'isolated', ctx.installedInProject);
    // --disable-pip needs hashes on every line; path and VCS dependencies have none, and then --no-deps
    // (every line of uv's export is an exact pin already) lets pip-audit audit them without resolving.
    const noDeps = unhashed > 0 ? ['--no-deps'] : [];
    const service = ['-s', 'osv', ...(c.osvUrl ? ['--osv-url', c.osvUrl] : [])];
    const r = await ctx.exec('pip-audit', [...argv, '-r', requirements, '--disable-pip', ...noDeps, '-f', 'json', '-o', report, '--progress-spinner', 'off', ...service, ...c.checks['pip-audit'].args], { timeoutSec: this.timeoutSec });
    const broken = brokenProcess(r, this.timeoutSec, 'pip-audit');
    if (broken) return broken;
    // Exit 1 means "vulnerable" or "broken" (e.g. the vulnerability service unreachable): the JSON decides.
    return readingReports(async () => {
      let content: string;
      try {
        content = await ctx.readReport(report);
      } catch (e) {
        if (e instanceof ReportError) {
          return outcome('error', `pip-audit exited ${r.exitCode} without a report — is the vulnerability service reachable? ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
        }
        throw e;
      }
      const { vulnerabilities, skipped, ignoredCount } = parsePipAuditJson(content, report, c.ignoreVulns);
      const skippedNote = skipped.length > 0 ? ` (${plural(skipped.length, 'package')} not auditable: ${skipped.map((s) => s.name).slice(0, 5).join(', ')})` : '';
      if (vulnerabilities.length > 0) {
        const packages = new Set(vulnerabilities.map((v) => v.package)).size;
        return outcome('failed', `${plural(vulnerabilities.length, 'known vulnerability')} in ${plural(packages, 'package')}${skippedNote}`.replace('vulnerabilitys', 'vulnerabilities'), { exitCode: r.exitCode, vulnerabilities });
      }
      // pip-audit exits 1 for vulnerabilities we then ignore; any other non-zero exit without findings is broken.
      if (r.exitCode !== 0 && ignoredCount === 0) return outcome('error', `pip-audit exited ${r.exitCode} with no vulnerability in its report: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
      const ignored = ignoredCount > 0 ? `, ${plural(ignoredCount, 'ignored vulnerability')}`.replace('vulnerabilitys', 'vulnerabilities') : '';
      return outcome('passed', `no known vulnerabilities${ignored}${skippedNote}`, { exitCode: 0, vulnerabilities: [] });
    }, r.output);
  },
});

const banditCheck = (c: GateConfig, locked: ReadonlySet<string>): CheckDefinition => ({
  ...startsAfter('bandit', locked),
  id: 'bandit',
  phase: c.checks.bandit.phase,
  timeoutSec: c.checks.bandit.timeoutSec,
  async run(ctx) {
    const report = join(ctx.outDir, 'bandit.json');
    const { argv } = toolCommand(ctx.uv, 'bandit', 'isolated', ctx.installedInProject);
    const r = await ctx.exec('bandit', [...argv, '-r', ...ctx.sources, '-f', 'json', '-o', report, '-q', ...c.checks.bandit.args], { timeoutSec: this.timeoutSec });
    const broken = brokenProcess(r, this.timeoutSec, 'bandit');
    if (broken) return broken;
    if (r.exitCode !== 0 && r.exitCode !== 1) return outcome('error', `bandit exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
    return readingReports(async () => {
      const findings = parseBanditJson(await ctx.readReport(report), report, c.projectDir, { severity: c.banditSeverity, confidence: c.banditConfidence });
      const at = `at or above ${c.banditSeverity} severity / ${c.banditConfidence} confidence`;
      return outcome(findings.length === 0 ? 'passed' : 'failed', findings.length === 0 ? `no issues ${at}` : `${plural(findings.length, 'issue')} ${at}`, { exitCode: r.exitCode, findings });
    }, r.output);
  },
});

const customCheck = (c: GateConfig, custom: GateConfig['custom'][number]): CheckDefinition => ({
  id: custom.id,
  phase: custom.phase,
  after: ['uv-sync'],
  requires: ['uv-sync'],
  timeoutSec: custom.timeoutSec,
  async run(ctx) {
    const r = await ctx.exec(custom.id, custom.command, { timeoutSec: custom.timeoutSec });
    const broken = brokenProcess(r, custom.timeoutSec, custom.command[0]!);
    if (broken) return broken;
    return readingReports(async () => {
      const parts: string[] = [];
      let tests: PartialResult['tests'];
      let findings: Finding[] = [];
      let failed = r.exitCode !== 0;
      if (custom.junit) {
        const path = join(c.projectDir, custom.junit);
        const { cases } = parseJunit(await ctx.readReport(path), path, c.projectDir);
        const totals = summarizeTests(cases);
        tests = { totals, cases };
        findings = failingTestFindings(cases);
        failed ||= totals.failed + totals.errors > 0;
        parts.push(`${totals.passed} passed, ${totals.failed} failed, ${totals.errors} errors, ${totals.skipped} skipped`);
        // As for pytest: a JUnit report in which no test ran proves nothing (an empty or all-skipped file is no pass).
        if (totals.total - totals.skipped === 0) {
          failed = true;
          parts.push('no test ran: at least one test must run');
        }
      }
      if (custom.cobertura) {
        const path = join(c.projectDir, custom.cobertura);
        const totals = coverageTotals(parseCobertura(await ctx.readReport(path), path, c.projectDir, { exists: existsSync }).files);
        parts.push(`coverage ${pct(totals.percent)}`);
      }
      if (r.exitCode !== 0) parts.push(`exit ${r.exitCode}: ${lastLine(r.output)}`);
      const summary = parts.join(' · ') || 'exit 0';
      return outcome(failed ? 'failed' : 'passed', summary, { exitCode: r.exitCode, findings, ...(tests ? { tests } : {}), ...(failed ? { outputTail: tail(r.output) } : {}) });
    }, r.output);
  },
});

/** Every check the configuration asks for, in phase order. Disabled ones are returned separately as skipped. */
export function buildChecks(c: GateConfig, locked: ReadonlySet<string> = new Set()): { enabled: CheckDefinition[]; disabled: { id: string; phase: string }[] } {
  const all: CheckDefinition[] = [
    uvCheck(c), pythonCheck(c), syncCheck(c), ruffFormatCheck(c, locked), ruffCheck(c, locked), typesCheck(c), pytestCheck(c),
    coverageCheck(c), diffCoverageCheck(c), pipAuditCheck(c, locked), banditCheck(c, locked),
  ];
  const enabled = all.filter((d) => c.checks[d.id as keyof GateConfig['checks']].enabled);
  const disabled = all.filter((d) => !enabled.includes(d)).map((d) => ({ id: d.id, phase: d.phase }));
  enabled.push(...c.custom.map((x) => customCheck(c, x)));
  return { enabled, disabled };
}
