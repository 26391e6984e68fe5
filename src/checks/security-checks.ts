/** The security phase: pip-audit on the locked requirements, bandit on the sources. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_SOURCES } from '../project/facts.js';
import type { GateConfig } from '../config/resolve.js';
import { parseBanditJson } from '../reports/tools/bandit.js';
import { parsePipAuditJson } from '../reports/tools/pip-audit.js';
import { plural } from '../text/plural.js';
import { brokenProcess, commandFor, defineCheck, errorText, lastLine, readingReports, readReportOr, runReportingTool, startsAfter } from './common.js';
import { outcome, tail, type CheckDefinition } from './context.js';

/** Requirements in a pip requirements file (continuation lines joined), and how many carry no `--hash`. */
export function countRequirements(text: string): { total: number; unhashed: number } {
  const logical = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter((l) => l !== '' && !l.startsWith('-'));
  return { total: logical.length, unhashed: logical.filter((l) => !l.includes('--hash=')).length };
}

const vulnerabilities = (n: number): string => plural(n, 'known vulnerability', 'known vulnerabilities');

/** uv sync's arguments that choose what is installed (extras, groups, packages), which uv export takes alike. */
const SELECTION_FLAGS = new Set(['--extra', '--group', '--no-group', '--only-group', '--package']);
const SELECTION_SWITCHES = new Set(['--all-extras', '--all-groups', '--no-dev', '--only-dev', '--no-default-groups', '--all-packages']);

export function selectionArgs(syncArgs: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < syncArgs.length; i++) {
    const a = syncArgs[i]!;
    const flag = a.split('=')[0]!;
    if (SELECTION_SWITCHES.has(a)) kept.push(a);
    else if (SELECTION_FLAGS.has(flag) && a.includes('=')) kept.push(a);
    else if (SELECTION_FLAGS.has(a) && i + 1 < syncArgs.length) kept.push(a, syncArgs[++i]!);
  }
  return kept;
}

export const pipAuditCheck = (c: GateConfig, locked: ReadonlySet<string>): CheckDefinition =>
  defineCheck(c, 'pip-audit', startsAfter(c, 'pip-audit', locked), async (ctx, timeoutSec) => {
    const requirements = join(ctx.outDir, 'requirements.txt');
    const report = join(ctx.outDir, 'pip-audit.json');
    // What the sync installed (every member with --all-packages), less the project's own code: workspace members and
    // local path packages are not on any index, and their editable `-e ./…` lines are not auditable pins.
    const chosen = selectionArgs(c.checks['uv-sync'].args);
    const scope = [...(ctx.allPackages && !chosen.includes('--all-packages') ? ['--all-packages'] : []), ...chosen, '--no-emit-workspace', '--no-emit-local'];
    const exp = await ctx.exec('pip-audit', [ctx.uv, 'export', '--format', 'requirements-txt', '--locked', ...scope, '--quiet', '--output-file', requirements], { timeoutSec: 120 });
    const brokenExport = brokenProcess(exp, 120, 'uv export');
    if (brokenExport) return brokenExport;
    if (exp.exitCode !== 0) return outcome('error', `uv export --locked failed, so nothing could be audited: ${errorText(exp.output)}`, { exitCode: exp.exitCode, outputTail: tail(exp.output) });
    const exported = await readReportOr(ctx, requirements, (e) => outcome('error', `uv export wrote no readable requirements: ${e.message}`, { exitCode: exp.exitCode }));
    if (typeof exported !== 'string') return exported;
    const counted = countRequirements(exported);
    if (counted.total === 0) return outcome('passed', 'no third-party dependencies to audit', { exitCode: 0, vulnerabilities: [] });
    const argv = commandFor(ctx, 'pip-audit', 'pip-audit', 'isolated');
    // --disable-pip needs hashes on every line; path and VCS dependencies have none, and then --no-deps
    // (every line of uv's export is an exact pin already) lets pip-audit audit them without resolving.
    const noDeps = counted.unhashed > 0 ? ['--no-deps'] : [];
    const service = ['-s', 'osv', ...(c.osvUrl ? ['--osv-url', c.osvUrl] : [])];
    const r = await ctx.exec('pip-audit', [...argv, '-r', requirements, '--disable-pip', ...noDeps, '-f', 'json', '-o', report, '--progress-spinner', 'off', ...service, ...c.checks['pip-audit'].args], { timeoutSec });
    const broken = brokenProcess(r, timeoutSec, 'pip-audit');
    if (broken) return broken;
    // Exit 1 means "vulnerable" or "broken" (e.g. the vulnerability service unreachable): the JSON decides.
    return readingReports(async () => {
      const content = await readReportOr(ctx, report, () =>
        outcome('error', `pip-audit exited ${r.exitCode} without a report — is the vulnerability service reachable? ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) }),
      );
      if (typeof content !== 'string') return content;
      const { vulnerabilities: found, skipped, ignoredCount } = parsePipAuditJson(content, report, c.ignoreVulns);
      const skippedNote = skipped.length > 0 ? ` (${plural(skipped.length, 'package')} not auditable: ${skipped.map((s) => s.name).slice(0, 5).join(', ')})` : '';
      if (found.length > 0) {
        const packages = new Set(found.map((v) => v.package)).size;
        return outcome('failed', `${vulnerabilities(found.length)} in ${plural(packages, 'package')}${skippedNote}`, { exitCode: r.exitCode, vulnerabilities: found });
      }
      // pip-audit exits 1 for vulnerabilities we then ignore; any other non-zero exit without findings is broken.
      if (r.exitCode !== 0 && ignoredCount === 0) return outcome('error', `pip-audit exited ${r.exitCode} with no vulnerability in its report: ${lastLine(r.output)}`, { exitCode: r.exitCode, outputTail: tail(r.output) });
      const ignored = ignoredCount > 0 ? `, ${plural(ignoredCount, 'ignored vulnerability', 'ignored vulnerabilities')}` : '';
      return outcome('passed', `no known vulnerabilities${ignored}${skippedNote}`, { exitCode: 0, vulnerabilities: [] });
    }, r.output);
  });

/** bandit's own defaults for `-x`, which a given `-x` replaces (bandit --help). */
const BANDIT_DEFAULT_EXCLUDES = ['.svn', 'CVS', '.bzr', '.hg', '.git', '__pycache__', '.tox', '.eggs', '*.egg'];

/**
 * What bandit reads and skips: the project's `[tool.bandit]` (skips, tests, exclude_dirs), which bandit reads only
 * when told (`-c pyproject.toml`), and never an environment, a cache or build output — bandit matches each `-x`
 * entry as a substring of the path, so directories are given as `/name/`.
 */
function banditScope(projectDir: string): string[] {
  const pyproject = join(projectDir, 'pyproject.toml');
  const configured = existsSync(pyproject) && /^\[tool\.bandit(\.[^\]]+)?\]/m.test(readFileSync(pyproject, 'utf8'));
  const excludes = [...BANDIT_DEFAULT_EXCLUDES, ...NOT_SOURCES.map((d) => `/${d}/`)];
  return [...(configured ? ['-c', 'pyproject.toml'] : []), '-x', [...new Set(excludes)].join(',')];
}

export const banditCheck = (c: GateConfig, locked: ReadonlySet<string>): CheckDefinition =>
  defineCheck(c, 'bandit', startsAfter(c, 'bandit', locked), async (ctx, timeoutSec) => {
    const check = { id: 'bandit', tool: 'bandit', label: 'bandit', report: 'bandit.json', timeoutSec } as const;
    return runReportingTool(ctx, check, (argv, report) => [...argv, '-r', ...ctx.sources, ...banditScope(c.projectDir), '-f', 'json', '-o', report, '-q', ...c.checks.bandit.args], (content, r, report) => {
      const findings = parseBanditJson(content, report, c.projectDir, { severity: c.banditSeverity, confidence: c.banditConfidence });
      const at = `at or above ${c.banditSeverity} severity / ${c.banditConfidence} confidence`;
      return outcome(findings.length === 0 ? 'passed' : 'failed', findings.length === 0 ? `no issues ${at}` : `${plural(findings.length, 'issue')} ${at}`, { exitCode: r.exitCode, findings });
    });
  });
