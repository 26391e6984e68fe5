import type { CheckStatus } from '../model/check.js';
import type { GateReport } from '../gate/report.js';
import { neutraliseCommands } from '../text/commands.js';
import { formatFloor, formatPercent } from '../text/percent.js';
import { formatDuration } from './content.js';
import { oneLine, stripControl, truncateEnd, truncateMiddle } from './escape.js';

export interface TerminalOptions {
  /** ANSI colours (the CLI decides: a TTY, no NO_COLOR). */
  color: boolean;
  /** Failing tests / findings per check / vulnerabilities listed before "…and N more" (default 50). */
  maxItems?: number;
}

const SYMBOL: Record<CheckStatus, string> = { passed: '✓', failed: '✗', error: '!', skipped: '-' };
const COLOR: Record<CheckStatus, string> = { passed: '32', failed: '31', error: '33', skipped: '2' };

/** Untrusted text for one line: controls and ANSI removed, newlines → spaces, capped, commands defused. */
const line = (s: unknown, max: number): string => neutraliseCommands(truncateEnd(oneLine(typeof s === 'string' ? s : ''), max));

/** Untrusted multi-line text, head + tail kept, each line indented. */
function block(s: unknown, max: number, indent: string): string[] {
  const text = truncateMiddle(stripControl(typeof s === 'string' ? s : '').replace(/\t/g, '    ').trimEnd(), max);
  if (text.trim() === '') return [];
  return neutraliseCommands(text)
    .split('\n')
    .map((l) => `${indent}${l}`.trimEnd());
}

const num = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '?');
const pad = (s: string, width: number): string => (s.length >= width ? s : s + ' '.repeat(width - s.length));

function loc(file: unknown, ln: unknown, col: unknown = null): string {
  const f = line(file, 200);
  if (f === '') return '';
  const l = typeof ln === 'number' && Number.isSafeInteger(ln) && ln > 0 ? `:${ln}` : '';
  const c = l !== '' && typeof col === 'number' && Number.isSafeInteger(col) && col > 0 ? `:${col}` : '';
  return `${f}${l}${c}`;
}

/**
 * The CLI report: verdict header, phases with each check's status, summary and duration, the failing
 * details (tests, findings, vulnerabilities), then the verdict again as the last line. Every untrusted
 * string is stripped of ANSI/control characters and passed through neutraliseCommands, since the CLI may
 * run inside a CI log.
 */
export function renderTerminal(report: GateReport, opts: TerminalOptions): string {
  const paint = (code: string, s: string): string => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const bold = (s: string): string => paint('1', s);
  const status = (s: CheckStatus): string => paint(COLOR[s] ?? '0', SYMBOL[s] ?? '?');
  const maxItems = opts.maxItems !== undefined && Number.isFinite(opts.maxItems) ? Math.max(1, Math.floor(opts.maxItems)) : 50;
  const more = (n: number, what: string, indent: string): string[] => (n > 0 ? [paint('2', `${indent}…and ${n} more ${what} (see --json for all)`)] : []);

  const pass = report.verdict === 'pass';
  const m = report.phases.length;
  const reached = Math.max(-1, Math.min(m - 1, Number.isFinite(report.phaseReached) ? report.phaseReached : -1));
  const reachedText = reached < 0 ? 'no phase reached' : `phase ${reached} of ${m - 1} reached (${line(report.phases[reached]?.name, 60)})`;
  const verdictWord = pass ? paint('1;32', '✓ PASS') : paint('1;31', '✗ FAIL');
  const blocked = !pass && report.blockedBy ? ` · blocked at ${line(report.blockedBy, 60)}` : '';

  const out: string[] = [];
  out.push(`${bold('nebula-gate')} · gate: ${line(report.gate, 60)}`);
  out.push(`${verdictWord} · ${reachedText}${blocked}`);
  out.push('');

  const idWidth = Math.min(28, Math.max(0, ...report.phases.flatMap((p) => p.checks.map((c) => line(c.id, 60).length))));
  for (const p of report.phases) {
    const tags = `${p.name === report.gate ? ' [gate]' : ''}${p.required ? '' : ' (advisory)'}`;
    out.push(`  ${status(p.status)} ${bold(line(p.name, 60))}${tags}`);
    if (p.checks.length === 0) out.push(paint('2', '      (no checks)'));
    for (const c of p.checks) {
      out.push(`      ${status(c.status)} ${pad(line(c.id, 60), idWidth)}  ${line(c.summary, 200)}  ${paint('2', formatDuration(c.durationMs))}`);
    }
  }

  const t = report.tests;
  if (t) {
    out.push('');
    out.push(`Tests: ${num(t.passed)} passed, ${num(t.failed)} failed, ${num(t.errors)} errors, ${num(t.skipped)} skipped${t.xfailed ? `, ${num(t.xfailed)} xfailed` : ''} (${num(t.total)} total)`);
  }
  const cov = report.coverage;
  if (cov) {
    // The same spelling as the comment (src/text/percent.ts): a value below its floor never reads as the floor.
    const diff = cov.diffPercent !== null ? `, changed lines ${formatPercent(cov.diffPercent, cov.diffFloor)}${cov.diffFloor !== null ? ` (floor ${formatFloor(cov.diffFloor)})` : ''}` : '';
    out.push(`Coverage: ${formatPercent(cov.percent, cov.floor)} (floor ${formatFloor(cov.floor)})${diff}`);
  }

  const failures = t?.failures ?? [];
  if (failures.length > 0) {
    out.push('', bold(`Failing tests (${failures.length})`));
    for (const f of failures.slice(0, maxItems)) {
      const where = loc(f.file, f.line);
      out.push(`  ${status('failed')} ${line(f.name, 300)}${where ? `  ${paint('2', where)}` : ''}`);
      out.push(...block(f.message, 1000, '      '));
      out.push(...block(f.details, 1500, '      ').map((l) => paint('2', l)));
    }
    out.push(...more(failures.length - maxItems, 'failing tests', '  '));
  }

  const withFindings = report.phases.flatMap((p) => p.checks.filter((c) => Array.isArray(c.findings) && c.findings.length > 0));
  if (withFindings.length > 0) {
    out.push('', bold('Findings'));
    for (const c of withFindings) {
      out.push(`  ${line(c.id, 60)} (${c.findings.length})`);
      for (const f of c.findings.slice(0, maxItems)) {
        const sev = f.severity === 'error' ? paint('31', 'error') : f.severity === 'warning' ? paint('33', 'warning') : paint('36', line(f.severity, 20));
        out.push(`    ${loc(f.file, f.line, f.column) || '(no file)'}  ${sev}  ${line(f.rule, 80)}  ${line(f.message, 500)}`);
      }
      out.push(...more(c.findings.length - maxItems, 'findings', '    '));
    }
  }

  const vulns = Array.isArray(report.vulnerabilities) ? report.vulnerabilities : [];
  if (vulns.length > 0) {
    out.push('', bold(`Vulnerabilities (${vulns.length})`));
    for (const v of vulns.slice(0, maxItems)) {
      const fixes = Array.isArray(v.fixVersions) && v.fixVersions.length > 0 ? `fix: ${line(v.fixVersions.join(', '), 200)}` : 'no fix yet';
      out.push(`  ${line(v.package, 100)} ${line(v.version, 60)}  ${line(v.id, 100)}  ${fixes}`);
    }
    out.push(...more(vulns.length - maxItems, 'vulnerabilities', '  '));
  }

  out.push('');
  out.push(`${verdictWord}: ${line(report.why, 1000)}`);
  // Every untrusted piece is already neutralised; once more over the whole text costs little and also
  // covers anything a future edit forgets.
  return neutraliseCommands(`${out.join('\n')}\n`);
}
