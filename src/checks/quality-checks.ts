/** The quality phase: ruff format, ruff check and the type checker, each read from its machine output. */
import type { GateConfig } from '../config/resolve.js';
import { parseRuffCheckJson, parseRuffFormatOutput } from '../reports/tools/ruff.js';
import { parseMypyJsonLines } from '../reports/tools/mypy.js';
import { parsePyrightJson } from '../reports/tools/pyright.js';
import type { Finding } from '../reports/model.js';
import type { ProcessResult } from '../process/run.js';
import { plural } from '../text/plural.js';
import { brokenProcess, commandFor, defineCheck, findingsSummary, jsonLines, lastLine, needs, readingReports, runReportingTool, startsAfter, staticEnvironment, truncatedStdout, unexpectedExit } from './common.js';
import { outcome, tail, type CheckDefinition, type PartialResult } from './context.js';

export const ruffFormatCheck = (c: GateConfig, locked: ReadonlySet<string>): CheckDefinition =>
  defineCheck(c, 'ruff-format', startsAfter(c, 'ruff', locked), async (ctx, timeoutSec) => {
    const argv = commandFor(ctx, 'ruff-format', 'ruff', 'isolated');
    // RUFF_OUTPUT_FORMAT from the runner's environment would change what the parser reads: pin the default.
    const r = await ctx.exec('ruff-format', [...argv, 'format', '--check', ...c.checks['ruff-format'].args], { timeoutSec, env: { RUFF_OUTPUT_FORMAT: 'full' } });
    const broken = brokenProcess(r, timeoutSec, 'ruff format');
    if (broken) return broken;
    return readingReports(async () => {
      const findings = parseRuffFormatOutput(r.output, '<ruff format output>', c.projectDir);
      if (r.exitCode === 0 && findings.length === 0) return outcome('passed', 'all files formatted', { exitCode: 0 });
      if (r.exitCode === 1 && findings.length > 0) return outcome('failed', `${plural(findings.length, 'file')} would be reformatted`, { exitCode: 1, findings });
      return outcome('error', `ruff format exited ${r.exitCode}: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output), findings });
    }, r.output);
  });

export const ruffCheck = (c: GateConfig, locked: ReadonlySet<string>): CheckDefinition =>
  defineCheck(c, 'ruff-check', startsAfter(c, 'ruff', locked), async (ctx, timeoutSec) => {
    // --no-fix whatever the project's `fix = true` says: the gate reports, it never edits the checkout (R10.1).
    const check = { id: 'ruff-check', tool: 'ruff', label: 'ruff check', report: 'ruff.json', timeoutSec } as const;
    return runReportingTool(ctx, check, (argv, report) => [...argv, 'check', '--no-fix', '--output-format=json', `--output-file=${report}`, ...c.checks['ruff-check'].args], (content, r, report) => {
      const findings = parseRuffCheckJson(content, report, c.projectDir);
      if (r.exitCode === 1 && findings.length === 0) return outcome('error', 'ruff check exited 1 but its report lists no finding', { exitCode: 1, outputTail: tail(r.output) });
      return outcome(findings.length === 0 ? 'passed' : 'failed', findingsSummary(findings, 'finding'), { exitCode: r.exitCode, findings });
    });
  });

/** A type checker's run, judged alike for mypy and pyright: errors fail; an exit 1 without an error is broken. */
function judgeTypeCheck(r: ProcessResult, tool: string, timeoutSec: number, scope: string, parse: (stdout: string) => Finding[]): Promise<PartialResult> | PartialResult {
  const broken = brokenProcess(r, timeoutSec, tool) ?? truncatedStdout(r, tool) ?? unexpectedExit(r, tool);
  if (broken) return broken;
  return readingReports(async () => {
    const all = parse(r.stdout);
    const errors = all.filter((f) => f.severity === 'error');
    if (r.exitCode === 1 && errors.length === 0) return outcome('error', `${tool} exited 1 but reported no error: ${lastLine(r.output)}`, { exitCode: 1, outputTail: tail(r.output) });
    return outcome(errors.length === 0 ? 'passed' : 'failed', `${tool}: ${findingsSummary(errors, 'error')}${scope}`, { exitCode: r.exitCode, findings: all });
  }, r.output);
}

export const typesCheck = (c: GateConfig): CheckDefinition =>
  defineCheck(c, 'types', needs(staticEnvironment(c)), async (ctx, timeoutSec) => {
    // The project's own targets where it names them (the tool reads them itself), else the detected sources.
    const configured = ctx.typeTargets[c.typeChecker];
    const paths = configured !== null ? [] : ctx.sources;
    const scope = ` (checked: ${configured ?? ctx.sources.join(', ')})`;
    const args = c.checks.types.args;
    if (c.typeChecker === 'mypy') {
      const argv = commandFor(ctx, 'types', 'mypy', 'import-project');
      const r = await ctx.exec('types', [...argv, '-O', 'json', ...args, ...paths], { timeoutSec });
      return judgeTypeCheck(r, 'mypy', timeoutSec, scope, (stdout) => parseMypyJsonLines(jsonLines(stdout), '<mypy -O json output>', c.projectDir));
    }
    const argv = commandFor(ctx, 'types', 'pyright', 'isolated');
    const python = ctx.facts.get('venv-python');
    const r = await ctx.exec('types', [...argv, '--outputjson', ...(python ? ['--pythonpath', python] : []), ...args, ...paths], { timeoutSec });
    return judgeTypeCheck(r, 'pyright', timeoutSec, scope, (stdout) => {
      const start = stdout.indexOf('{');
      return parsePyrightJson(start < 0 ? stdout : stdout.slice(start), '<pyright --outputjson output>', c.projectDir);
    });
  });
