/**
 * The size budget (SECURITY.md R3.1): given the fixed head of a report and its collapsed sections, find the most
 * detailed layout that fits — shorten, cap, drop, then cut at a line boundary — with fences and `<details>`
 * balanced and a note saying what was done. Knows nothing of what the sections say (src/render/content.ts).
 */
import { escapeHtml, escapeText, truncateEnd } from './escape.js';

/** Detail levels, tried in order: the first shortens tracebacks the least. */
export const LEVELS = [
  { details: 3000, message: 1000, text: 500 },
  { details: 1000, message: 500, text: 300 },
  { details: 300, message: 300, text: 200 },
  { details: 0, message: 200, text: 120 },
] as const;
export const LAST_LEVEL = LEVELS.length - 1;

/** A collapsed `<details>` block whose items can be shortened, capped or dropped. */
export interface Section {
  /** Lexicographic: lower is more important; the least important is dropped first. */
  priority: number[];
  /** Plain text (escaped at use: HTML for <summary>, Markdown for the "left out" line). */
  title: string;
  /** Markdown after the summary, ending in a blank line, or ''. */
  intro: string;
  /** Table header (ending in '\n') when items are rows; '' when items are blocks. */
  tableHeader: string;
  count: number;
  /** Item i at a level (an index into LEVELS), ending in '\n' (row) or '\n\n' (block). */
  item: (i: number, level: number) => string;
  /** "failing tests", "findings"… for the "…and N more" line. */
  noun: string;
}

export interface FitOptions {
  budget: number;
  measure: (s: string) => number;
  /** Appended when any detail was shortened, capped or dropped. */
  degradedNote: string;
  /** The last line when even that was not enough and the text had to be cut. */
  cutNote: string;
}

/** The head, then every section at the most detailed plan that fits the budget; cut as a last resort. */
export function fitSections(head: string, sections: Section[], opts: FitOptions): string {
  const layout = new Layout(head, sections, opts.measure, opts.degradedNote);
  const text = layout.render(choosePlan(layout, sections, opts.budget));
  if (opts.measure(text) <= opts.budget) return text;
  return cutToBudget(text, opts.budget, opts.measure, opts.cutNote);
}

interface Plan {
  level: number;
  caps: number[];
  dropped: boolean[];
}

const CLOSE = '</details>\n\n';

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
