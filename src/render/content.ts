/**
 * What the comment and the job summary say (DESIGN §5): the headline, the reason, the table of phases × checks,
 * the tests line, and the collapsed sections (failing tests, coverage, findings per check, vulnerabilities).
 * Every untrusted string is escaped here (R4); every percentage is spelled by src/text/percent.ts. How much of
 * it fits is src/render/budget.ts's business.
 */
import type { CheckStatus } from '../model/check.js';
import type { GateReport } from '../gate/report.js';
import type { Finding, Vulnerability } from '../reports/model.js';
import { formatFloor, formatPercent } from '../text/percent.js';
import { LAST_LEVEL, LEVELS, type Section } from './budget.js';
import { codeBlock, escapeTableCell, escapeText, oneLine, truncateEnd, truncateMiddle } from './escape.js';
import { repoRelativePath } from './paths.js';

// ---------------------------------------------------------------------------------------------------------
// Formatting helpers

const STATUS: Record<CheckStatus, string> = { passed: '✅ passed', failed: '❌ failed', error: '⚠️ error', skipped: '⏭️ skipped' };
const statusCell = (s: CheckStatus): string => STATUS[s] ?? `❔ ${escapeTableCell(String(s))}`;

const num = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '?');
const count = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US') : '?');

export function formatDuration(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)} min ${total % 60} s`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Clip raw untrusted text before escaping it (escaped text is never cut: that could split an escape). */
const clip = (s: unknown, max: number): string => truncateEnd(oneLine(typeof s === 'string' ? s : ''), max);

export type UrlFor = ((path: string, line: number | null) => string | null) | null;

/** `path:line` as a link we build (R4.1), or escaped plain text when the path or the base is not valid. */
function location(urlFor: UrlFor, file: string | null, line: number | null, column: number | null = null): string {
  if (file === null || file === '') return '—';
  const ln = typeof line === 'number' && Number.isSafeInteger(line) && line > 0 ? line : null;
  const col = ln !== null && typeof column === 'number' && Number.isSafeInteger(column) && column > 0 ? column : null;
  const label = escapeTableCell(`${clip(file, 200)}${ln !== null ? `:${ln}` : ''}${col !== null ? `:${col}` : ''}`);
  const url = urlFor && repoRelativePath(file) !== null ? urlFor(file, ln) : null;
  // Inside link text, `![x](y)` with escaped brackets is still an image to some GFM parsers (marked re-reads the
  // unescaped label): escaping `!`, `(` and `)` as well keeps it literal everywhere (test/render/gfm.test.ts).
  return url === null ? label : `[${label.replace(/[!()]/g, '\\$&')}](${url})`;
}

// ---------------------------------------------------------------------------------------------------------
// Sections: collapsed details whose items can be shortened, capped or dropped

function testsSection(report: GateReport, urlFor: UrlFor, priority: number[]): Section | null {
  const failures = report.tests?.failures ?? [];
  if (failures.length === 0) return null;
  const t = report.tests;
  return {
    priority,
    title: `❌ Failing tests: ${count(failures.length)}${t ? ` of ${count(t.total)}` : ''}`,
    intro: '',
    tableHeader: '',
    count: failures.length,
    noun: 'failing tests',
    item: (i, level) => {
      const f = failures[i]!;
      const lv = LEVELS[level]!;
      const loc = f.file ? ` — ${location(urlFor, f.file, f.line)}` : '';
      const message = truncateMiddle(typeof f.message === 'string' ? f.message : '', lv.message);
      const details = lv.details > 0 && typeof f.details === 'string' && f.details.trim() !== '' ? truncateMiddle(f.details, lv.details) : '';
      const body = [message, details].filter((s) => s.trim() !== '').join('\n\n');
      const block = body === '' ? '_no message_' : codeBlock(body);
      return `**${escapeText(clip(f.name, 300))}**${loc}\n\n${block}\n\n`;
    },
  };
}

function coverageSection(report: GateReport, urlFor: UrlFor, priority: number[]): Section | null {
  const c = report.coverage;
  if (!c) return null;
  const ok = (v: number, floor: number): string => (v >= floor ? '✅' : '❌');
  // Measured values against their floor, so a failing number never reads as the floor (src/text/percent.ts).
  const total = formatPercent(c.percent, c.floor);
  const hasDiff = c.diffPercent !== null && c.diffPercent !== undefined;
  const diffFloor = c.diffFloor !== null && c.diffFloor !== undefined ? c.diffFloor : null;
  const changed = formatPercent(c.diffPercent, diffFloor);
  const diff = hasDiff ? ` · changed lines ${changed}${diffFloor !== null ? ` (floor ${formatFloor(diffFloor)}) ${ok(c.diffPercent!, diffFloor)}` : ''}` : '';
  const title = `📊 Coverage ${total} (floor ${formatFloor(c.floor)}) ${ok(c.percent, c.floor)}${diff}`;
  const worst = Array.isArray(c.worstFiles) ? c.worstFiles : [];
  const diffText = hasDiff ? `; coverage of changed lines: **${changed}**${diffFloor !== null ? ` against ${formatFloor(diffFloor)}` : ''}` : '';
  const intro = `Total coverage: **${total}** against a floor of ${formatFloor(c.floor)}${diffText}.\n\n${worst.length > 0 ? 'Least covered files:\n\n' : ''}`;
  return {
    priority,
    title,
    intro,
    tableHeader: '| File | Coverage |\n| --- | --- |\n',
    count: worst.length,
    noun: 'files',
    item: (i) => {
      const w = worst[i]!;
      // A file has no floor of its own: nearest hundredth.
      return `| ${location(urlFor, w.file, null)} | ${formatPercent(w.percent)} |\n`;
    },
  };
}

function findingsSection(checkId: string, findings: Finding[], urlFor: UrlFor, priority: number[]): Section {
  const kind = checkId === 'bandit' ? 'security issue' : 'finding';
  return {
    priority,
    title: `🔎 ${clip(checkId, 100)}: ${plural(findings.length, kind)}`,
    intro: '',
    tableHeader: '| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n',
    count: findings.length,
    noun: `${kind}s`,
    item: (i, level) => {
      const f = findings[i]!;
      const lv = LEVELS[level]!;
      return `| ${location(urlFor, f.file, f.line, f.column)} | ${escapeTableCell(clip(f.severity, 20))} | ${escapeTableCell(clip(f.rule, 80))} | ${escapeTableCell(clip(f.message, lv.text))} |\n`;
    },
  };
}

function vulnerabilitiesSection(vulns: Vulnerability[], priority: number[]): Section | null {
  if (vulns.length === 0) return null;
  return {
    priority,
    title: `🛡️ Vulnerabilities: ${count(vulns.length)}`,
    intro: '',
    tableHeader: '| Package | Version | ID | Fixed in |\n| --- | --- | --- | --- |\n',
    count: vulns.length,
    noun: 'vulnerabilities',
    item: (i, level) => {
      const v = vulns[i]!;
      const aliases = Array.isArray(v.aliases) && v.aliases.length > 0 && level < LAST_LEVEL ? ` (${v.aliases.slice(0, 5).join(', ')})` : '';
      const fixes = Array.isArray(v.fixVersions) && v.fixVersions.length > 0 ? v.fixVersions.slice(0, 10).join(', ') : 'no fix yet';
      const cells = [clip(v.package, 100), clip(v.version, 60), clip(`${v.id}${aliases}`, 200), clip(fixes, 200)];
      return `| ${cells.map(escapeTableCell).join(' | ')} |\n`;
    },
  };
}

/** What the checks that could not do their job (or failed with no finding to show) printed: their output's tail. */
function outputSection(report: GateReport, priority: number[]): Section | null {
  const withOutput = report.phases.flatMap((p) => p.checks.filter((c) => typeof c.output === 'string' && c.output.trim() !== ''));
  if (withOutput.length === 0) return null;
  return {
    priority,
    title: `🧾 Tool output: ${plural(withOutput.length, 'check')}`,
    intro: '',
    tableHeader: '',
    count: withOutput.length,
    noun: 'outputs',
    item: (i, level) => {
      const c = withOutput[i]!;
      return `**${escapeText(clip(c.id, 100))}**\n\n${codeBlock(truncateMiddle(c.output!, LEVELS[level]!.details || 200))}\n\n`;
    },
  };
}

/** The phase a section belongs to, for its priority: a check id pattern, else a default phase name. */
function phaseOf(report: GateReport, idPattern: RegExp, name: string): GateReport['phases'][number] | null {
  return report.phases.find((p) => p.checks.some((c) => idPattern.test(c.id))) ?? report.phases.find((p) => p.name === name) ?? null;
}

/** 0: the phase blocks the gate; 1: required; 2: advisory. Unknown phase → 1. */
function rank(phase: GateReport['phases'][number] | null): number {
  if (phase === null) return 1;
  if (phase.required && (phase.status === 'failed' || phase.status === 'error')) return 0;
  return phase.required ? 1 : 2;
}

/** Display order: failing tests, coverage, findings per check (phase order), vulnerabilities. */
export function buildSections(report: GateReport, urlFor: UrlFor): Section[] {
  const sections: Section[] = [];
  const testsPhase = phaseOf(report, /pytest|^tests?$/i, 'tests');
  const tests = testsSection(report, urlFor, [rank(testsPhase), 0, testsPhase?.index ?? 0, 0]);
  if (tests) sections.push(tests);
  const covPhase = phaseOf(report, /cov/i, 'coverage');
  const cov = coverageSection(report, urlFor, [rank(covPhase), 3, covPhase?.index ?? 0, 0]);
  if (cov) sections.push(cov);
  for (const phase of report.phases) {
    phase.checks.forEach((check, ci) => {
      if (Array.isArray(check.findings) && check.findings.length > 0) {
        sections.push(findingsSection(check.id, check.findings, urlFor, [rank(phase), 1, phase.index, ci]));
      }
    });
  }
  const vulnPhase = phaseOf(report, /audit/i, 'security');
  const vulns = vulnerabilitiesSection(Array.isArray(report.vulnerabilities) ? report.vulnerabilities : [], [rank(vulnPhase), 2, vulnPhase?.index ?? 0, 0]);
  if (vulns) sections.push(vulns);
  // Last within the blocking ones: the findings above say more, but an error's reason may be only here.
  const outputPhases = report.phases.filter((p) => p.checks.some((c) => typeof c.output === 'string' && c.output.trim() !== ''));
  const output = outputSection(report, [Math.min(...outputPhases.map(rank)), 4, 0, 0]);
  if (output) sections.push(output);
  return sections;
}

// ---------------------------------------------------------------------------------------------------------
// The fixed part: headline, why, table of phases × checks, tests line

function headline(report: GateReport, title: string): string {
  // Phases are numbered from 0 as in the design's table: "Phase 3 of 4 reached" is coverage of setup..security.
  const last = report.phases.length - 1;
  const reachedIndex = typeof report.phaseReached === 'number' && Number.isFinite(report.phaseReached) ? report.phaseReached : -1;
  const n = Math.max(-1, Math.min(last, reachedIndex));
  const reachedName = report.phases[n]?.name;
  const reached = n < 0 ? 'no phase reached' : `Phase ${n} of ${last} reached (${clip(reachedName, 60)})`;
  let verdict: string;
  if (report.verdict === 'pass') verdict = '✅ may merge';
  else if (report.blockedBy === null || report.blockedBy === undefined) verdict = '❌ blocked';
  else {
    const blocking = report.phases.find((p) => p.name === report.blockedBy);
    const bad = blocking?.checks.filter((c) => c.status === 'failed' || c.status === 'error') ?? [];
    const reason =
      bad.length === 1 ? `: ${clip(bad[0]!.summary, 100)}` : bad.length > 1 ? `: ${clip(bad.map((c) => c.id).join(', '), 100)} not passing` : '';
    verdict = `❌ blocked at ${clip(report.blockedBy, 60)}${reason}`;
  }
  return `## ${escapeText(`${clip(title, 80)} · ${reached} · gate: ${clip(report.gate, 60)} · ${verdict}`)}`;
}

function phaseTable(report: GateReport): string {
  const rows: string[] = ['| Phase | Check | Status | Result | Time |', '| --- | --- | --- | --- | --- |'];
  for (const p of report.phases) {
    const label = `${escapeTableCell(clip(p.name, 60))}${p.name === report.gate ? ' 🚩 gate' : ''}${p.required ? '' : ' (advisory)'}`;
    if (p.checks.length === 0) {
      rows.push(`| **${label}** | — | ${statusCell(p.status)} | no checks | — |`);
      continue;
    }
    p.checks.forEach((c, i) => {
      const phaseCell = i === 0 ? `**${label}**` : '';
      rows.push(
        `| ${phaseCell} | ${escapeTableCell(clip(c.id, 60))} | ${statusCell(c.status)} | ${escapeTableCell(clip(c.summary, 200))} | ${formatDuration(c.durationMs)} |`,
      );
    });
  }
  return `${rows.join('\n')}\n`;
}

function testsLine(report: GateReport): string {
  const t = report.tests;
  if (!t) return '';
  return `**Tests:** ${num(t.passed)} passed · ${num(t.failed)} failed · ${num(t.errors)} errors · ${num(t.skipped)} skipped${t.xfailed ? ` · ${num(t.xfailed)} xfailed` : ''} (${num(t.total)} total)\n\n`;
}

/**
 * Everything above the collapsed sections: headline, the trusted note (the delta), why, the phase table and
 * the tests line. Always shown whole; the sections make room for it.
 */
export function reportHead(report: GateReport, title: string, note: string): string {
  const why = `**Why:** ${escapeText(clip(report.why, 1000))}\n\n`;
  const noteText = note ? `${note.trim()}\n\n` : '';
  return `${headline(report, title)}\n\n${noteText}${why}${phaseTable(report)}\n${testsLine(report)}`;
}
