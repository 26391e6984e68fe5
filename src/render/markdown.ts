import type { CheckStatus } from '../model/check.js';
import type { GateReport } from '../gate/report.js';
import type { Finding, Vulnerability } from '../reports/model.js';
import { codeBlock, escapeHtml, escapeTableCell, escapeText, oneLine, truncateEnd, truncateMiddle } from './escape.js';
import { blobUrlBuilder, repoRelativePath, type LinkBase } from './paths.js';

export type { LinkBase } from './paths.js';

/** GitHub's limit on a comment body, in characters (we count UTF-16 units, which is never fewer). */
export const COMMENT_LIMIT = 65_536;
export const DEFAULT_COMMENT_BUDGET = 60_000;
/** GitHub's limit on one step's job summary, in bytes. */
export const SUMMARY_LIMIT = 1_048_576;
export const DEFAULT_SUMMARY_BUDGET = 1_000_000;
const MIN_BUDGET = 500;
const MARKER_MAX = 200;

export interface RenderOptions {
  /** Size budget: characters for the comment (default 60,000, at most 65,536), bytes for the summary. */
  budget?: number;
  /** Hidden HTML comment placed on the first line, e.g. `<!-- nebula-gate:id=default -->`. Trusted. */
  marker?: string;
  /** Replaces "nebula-gate" in the headline (escaped). */
  title?: string;
  /** Where file:line links point; null or absent → plain text locations. */
  linkBase?: LinkBase | null;
  /** Trusted Markdown paragraph placed under the headline (the delta against the previous run). */
  note?: string;
  /** Trusted text appended after everything, inside the budget (the hidden digest of the sticky comment). */
  trailer?: string;
}

/** The PR comment (R3.1): never over the budget, never over 65,536 characters; fences and details balanced. */
export function renderComment(report: GateReport, opts: RenderOptions = {}): string {
  return render(report, opts, {
    limit: COMMENT_LIMIT,
    defaultBudget: DEFAULT_COMMENT_BUDGET,
    measure: (s) => s.length,
    limitText: "GitHub's 65,536-character comment limit",
  });
}

/** The job summary (R3.3): the same renderer, measured in UTF-8 bytes, at most 1,048,576. */
export function renderSummary(report: GateReport, opts: RenderOptions = {}): string {
  return render(report, opts, {
    limit: SUMMARY_LIMIT,
    defaultBudget: DEFAULT_SUMMARY_BUDGET,
    measure: (s) => Buffer.byteLength(s, 'utf8'),
    limitText: "GitHub's 1 MiB job-summary limit",
  });
}

interface Target {
  limit: number;
  defaultBudget: number;
  measure: (s: string) => number;
  limitText: string;
}

// ---------------------------------------------------------------------------------------------------------
// Formatting helpers

const STATUS: Record<CheckStatus, string> = { passed: '✅ passed', failed: '❌ failed', error: '⚠️ error', skipped: '⏭️ skipped' };
const statusCell = (s: CheckStatus): string => STATUS[s] ?? `❔ ${escapeTableCell(String(s))}`;

const num = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '?');
const count = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US') : '?');
const pct = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? `${Math.round(n * 10) / 10}%` : '?');

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

type UrlFor = ((path: string, line: number | null) => string | null) | null;

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

/** Detail levels, tried in order: the first shortens tracebacks the least. */
const LEVELS = [
  { details: 3000, message: 1000, text: 500 },
  { details: 1000, message: 500, text: 300 },
  { details: 300, message: 300, text: 200 },
  { details: 0, message: 200, text: 120 },
] as const;
const LAST_LEVEL = LEVELS.length - 1;

interface Section {
  /** Lexicographic: lower is more important; the least important is dropped first. */
  priority: number[];
  /** Plain text (escaped at use: HTML for <summary>, Markdown for the "left out" line). */
  title: string;
  /** Markdown after the summary, ending in a blank line, or ''. */
  intro: string;
  /** Table header (ending in '\n') when items are rows; '' when items are blocks. */
  tableHeader: string;
  count: number;
  /** Item i at a level, ending in '\n' (row) or '\n\n' (block). */
  item: (i: number, level: number) => string;
  /** "failing tests", "findings"… for the "…and N more" line. */
  noun: string;
}

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
  const diff =
    c.diffPercent !== null && c.diffPercent !== undefined
      ? ` · changed lines ${pct(c.diffPercent)}${c.diffFloor !== null && c.diffFloor !== undefined ? ` (floor ${pct(c.diffFloor)}) ${ok(c.diffPercent, c.diffFloor)}` : ''}`
      : '';
  const title = `📊 Coverage ${pct(c.percent)} (floor ${pct(c.floor)}) ${ok(c.percent, c.floor)}${diff}`;
  const worst = Array.isArray(c.worstFiles) ? c.worstFiles : [];
  const intro = `Total coverage: **${pct(c.percent)}** against a floor of ${pct(c.floor)}${diff !== '' ? `; coverage of changed lines: **${pct(c.diffPercent)}**${c.diffFloor !== null && c.diffFloor !== undefined ? ` against ${pct(c.diffFloor)}` : ''}` : ''}.\n\n${worst.length > 0 ? 'Least covered files:\n\n' : ''}`;
  return {
    priority,
    title,
    intro,
    tableHeader: '| File | Coverage |\n| --- | --- |\n',
    count: worst.length,
    noun: 'files',
    item: (i) => {
      const w = worst[i]!;
      return `| ${location(urlFor, w.file, null)} | ${pct(w.percent)} |\n`;
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
function buildSections(report: GateReport, urlFor: UrlFor): Section[] {
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
  return sections;
}

// ---------------------------------------------------------------------------------------------------------
// The fixed part: marker, headline, why, table of phases × checks

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
  return `**Tests:** ${num(t.passed)} passed · ${num(t.failed)} failed · ${num(t.errors)} errors · ${num(t.skipped)} skipped (${num(t.total)} total)\n\n`;
}

function validMarker(marker: string): string {
  if (marker.length > MARKER_MAX || !/^<!--[^\n\r]*-->$/.test(marker) || marker.slice(4, -3).includes('--')) {
    throw new Error(`render: invalid marker ${JSON.stringify(marker.slice(0, 80))}: one line "<!-- … -->", at most ${MARKER_MAX} characters`);
  }
  return marker;
}

// ---------------------------------------------------------------------------------------------------------
// Budget: shorten, cap, drop, then cut

interface Plan {
  level: number;
  caps: number[];
  dropped: boolean[];
}

class Layout {
  private readonly texts: (string | undefined)[][][];
  private readonly sizes: (number | undefined)[][][];
  private readonly fixed: { open: number; header: number; close: number; dropped: number }[];
  private readonly headSize: number;
  private readonly noteSize: number;

  constructor(
    private readonly head: string,
    private readonly sections: Section[],
    private readonly measure: (s: string) => number,
    private readonly degradedNote: string,
  ) {
    this.headSize = measure(head);
    this.noteSize = measure(degradedNote);
    this.texts = sections.map(() => LEVELS.map(() => []));
    this.sizes = sections.map(() => LEVELS.map(() => []));
    this.fixed = sections.map((s) => ({
      open: measure(this.open(s)),
      header: measure(s.tableHeader) + (s.tableHeader ? 1 : 0),
      close: measure(CLOSE),
      dropped: measure(this.droppedLine(s)),
    }));
  }

  private open(s: Section): string {
    return `<details><summary>${escapeHtml(s.title)}</summary>\n\n${s.intro}`;
  }

  private droppedLine(s: Section): string {
    return `_${escapeText(s.title)} — details left out to fit the size limit._\n\n`;
  }

  private more(s: Section, hidden: number): string {
    return `_…and ${hidden.toLocaleString('en-US')} more ${s.noun} not shown to fit the size limit._\n\n`;
  }

  private itemText(si: number, level: number, i: number): string {
    const cache = this.texts[si]![level]!;
    let t = cache[i];
    if (t === undefined) {
      t = this.sections[si]!.item(i, level);
      cache[i] = t;
    }
    return t;
  }

  private itemSize(si: number, level: number, i: number): number {
    const cache = this.sizes[si]![level]!;
    let n = cache[i];
    if (n === undefined) {
      n = this.measure(this.itemText(si, level, i));
      cache[i] = n;
    }
    return n;
  }

  private degraded(plan: Plan): boolean {
    return plan.level > 0 || plan.dropped.some(Boolean) || plan.caps.some((c, i) => c < this.sections[i]!.count);
  }

  /** Size of the plan, or Infinity as soon as it passes the limit (so a trial costs at most ~limit). */
  size(plan: Plan, limit: number): number {
    let total = this.headSize + (this.degraded(plan) ? this.noteSize : 0);
    if (total > limit) return Infinity;
    for (let si = 0; si < this.sections.length; si++) {
      const s = this.sections[si]!;
      const f = this.fixed[si]!;
      if (plan.dropped[si]) {
        total += f.dropped;
      } else {
        const shown = Math.min(plan.caps[si]!, s.count);
        total += f.open + f.close + (shown > 0 ? f.header : 0);
        for (let i = 0; i < shown; i++) {
          total += this.itemSize(si, plan.level, i);
          if (total > limit) return Infinity;
        }
        if (shown < s.count) total += this.measure(this.more(s, s.count - shown));
      }
      if (total > limit) return Infinity;
    }
    return total;
  }

  render(plan: Plan): string {
    const out: string[] = [this.head];
    this.sections.forEach((s, si) => {
      if (plan.dropped[si]) {
        out.push(this.droppedLine(s));
        return;
      }
      out.push(this.open(s));
      const shown = Math.min(plan.caps[si]!, s.count);
      if (shown > 0) {
        out.push(s.tableHeader);
        for (let i = 0; i < shown; i++) out.push(this.itemText(si, plan.level, i));
        if (s.tableHeader) out.push('\n');
      }
      if (shown < s.count) out.push(this.more(s, s.count - shown));
      out.push(CLOSE);
    });
    if (this.degraded(plan)) out.push(this.degradedNote);
    return out.join('');
  }
}

const CLOSE = '</details>\n\n';

/** Largest k in [lo, hi] with ok(k), given ok(lo); ok is monotone (true then false). */
function largest(lo: number, hi: number, ok: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The plan search (R3.1), each step more drastic, stopping at the first plan that fits:
 *  1. shorten tracebacks and messages (detail levels 0 → 3), every item shown;
 *  2. at the shortest level, cap the items per section (the same cap K for every section, the largest
 *     that fits, then the most important sections extended one by one into the room left), with
 *     "…and N more";
 *  3. if even one item per section does not fit, drop whole sections, least important first
 *     (advisory before required, required before blocking; then tests, findings, vulnerabilities, coverage);
 *  4. the caller cuts at a line boundary as a last resort.
 * Every trial stops summing once past the budget and items are rendered once per level, so the cost is
 * about (number of trials × budget), independent of the number of failures.
 */
function choosePlan(layout: Layout, sections: Section[], budget: number): Plan {
  const counts = sections.map((s) => s.count);
  const none = sections.map(() => false);
  const fits = (p: Plan): boolean => layout.size(p, budget) <= budget;

  for (let level = 0; level <= LAST_LEVEL; level++) {
    const plan = { level, caps: counts.slice(), dropped: none.slice() };
    if (fits(plan)) return plan;
  }

  const level = LAST_LEVEL;
  const importance = sections.map((_, i) => i).sort((a, b) => compare(sections[a]!.priority, sections[b]!.priority) || a - b);
  const dropped = none.slice();
  for (let d = importance.length; d >= 0; d--) {
    const withCap = (k: number): Plan => ({ level, caps: counts.map((c) => Math.min(c, k)), dropped });
    const maxCount = Math.max(1, ...counts.filter((_, i) => !dropped[i]));
    if (fits(withCap(1))) {
      const k = largest(1, maxCount, (x) => fits(withCap(x)));
      const caps = withCap(k).caps;
      for (const si of importance) {
        if (dropped[si] || caps[si]! >= counts[si]!) continue;
        caps[si] = largest(caps[si]!, counts[si]!, (x) => fits({ level, caps: caps.map((c, j) => (j === si ? x : c)), dropped }));
      }
      return { level, caps, dropped };
    }
    if (d > 0) dropped[importance[d - 1]!] = true;
  }
  return { level, caps: counts.map(() => 0), dropped: sections.map(() => true) };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Last resort: keep whole lines while the kept text, the closers of whatever is open (a code fence, then
 * each `<details>`) and the visible note fit; then close them and append the note.
 */
export function cutToBudget(text: string, budget: number, measure: (s: string) => number, note: string): string {
  const lines = text.split('\n');
  let fence: string | null = null;
  let depth = 0;
  const closers = (): string => `${fence !== null ? `${fence}\n` : ''}${'\n</details>\n'.repeat(depth)}\n${note}\n`;
  let bestLines = 0;
  let bestClosers = closers();
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      if (line.startsWith(fence) && /^`+\s*$/.test(line)) fence = null;
    } else {
      const open = /^(`{3,})[^`]*$/.exec(line);
      if (open) fence = open[1]!;
      else if (line.startsWith('<details')) depth++;
      else if (line.startsWith('</details>') && depth > 0) depth--;
    }
    size += measure(line) + 1;
    if (size > budget) break;
    const c = closers();
    if (size + measure(c) <= budget) {
      bestLines = i + 1;
      bestClosers = c;
    }
  }
  const kept = lines.slice(0, bestLines).join('\n');
  const out = bestLines > 0 ? `${kept}\n${bestClosers}` : bestClosers.replace(/^\n+/, '');
  if (measure(out) <= budget) return out;
  // Not even the note fits (a tiny budget): give the note alone, cut by code point.
  let n = note;
  while (n.length > 0 && measure(n) > budget) n = truncateEnd(n, n.length - 1);
  return n;
}

function render(report: GateReport, opts: RenderOptions, target: Target): string {
  const trailer = opts.trailer ?? '';
  if (trailer === '') return renderBody(report, opts, target);
  const room = (typeof opts.budget === 'number' && Number.isFinite(opts.budget) ? Math.min(target.limit, Math.floor(opts.budget)) : target.defaultBudget) - target.measure(trailer);
  return `${renderBody(report, { ...opts, budget: Math.max(MIN_BUDGET, room) }, target)}${trailer}`;
}

function renderBody(report: GateReport, opts: RenderOptions, target: Target): string {
  const requested = typeof opts.budget === 'number' && Number.isFinite(opts.budget) ? Math.floor(opts.budget) : target.defaultBudget;
  const budget = Math.max(MIN_BUDGET, Math.min(target.limit, requested));
  const urlFor = blobUrlBuilder(opts.linkBase);
  const marker = opts.marker !== undefined && opts.marker !== '' ? `${validMarker(opts.marker)}\n` : '';

  const why = `**Why:** ${escapeText(clip(report.why, 1000))}\n\n`;
  const note = opts.note ? `${opts.note.trim()}\n\n` : '';
  const head = `${marker}${headline(report, opts.title ?? 'nebula-gate')}\n\n${note}${why}${phaseTable(report)}\n${testsLine(report)}`;
  const sections = buildSections(report, urlFor);
  const degradedNote = `> ℹ️ Some detail was shortened or left out to fit ${target.limitText}.\n`;
  const layout = new Layout(head, sections, target.measure, degradedNote);
  const plan = choosePlan(layout, sections, budget);
  const text = layout.render(plan);
  if (target.measure(text) <= budget) return text;
  const cutNote = `> ⚠️ **This report was cut** to fit ${target.limitText}; the rest is in the job log and the JSON report.`;
  return cutToBudget(text, budget, target.measure, cutNote);
}
