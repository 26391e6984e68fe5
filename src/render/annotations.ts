import type { Finding, Severity } from '../reports/model.js';
import { neutraliseCommands } from '../text/commands.js';
import { oneLine, stripControl, truncateEnd, truncateMiddle } from './escape.js';
import { repoRelativePath } from './paths.js';

/** One annotation, ready for core.error/warning/notice (SECURITY.md R2.5, R3.4). */
export interface Annotation {
  severity: Severity;
  /** Validated repo-relative POSIX path. */
  file: string;
  line: number | null;
  col: number | null;
  title: string;
  message: string;
}

export interface AnnotationSelection {
  /** Most relevant first. */
  annotations: Annotation[];
  /** Findings not annotated: over the per-severity cap, or with an invalid path (those are in `invalid` too). */
  omitted: number;
  /** Findings dropped because their path was not a plain repo-relative path. */
  invalid: number;
}

export interface AnnotationOptions {
  /** Repo-relative paths changed by the PR: their findings come first. */
  changedFiles?: ReadonlySet<string>;
  /** GitHub shows 10 per severity per step. */
  perSeverity?: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
const TITLE_MAX = 200;
const MESSAGE_MAX = 2000;

const severityOf = (s: unknown): Severity => (s === 'error' || s === 'warning' || s === 'notice' ? s : 'warning');
const positive = (n: unknown): number | null => (typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null);

/**
 * Picks the annotations to emit: changed files first, then error > warning > notice, then input order;
 * at most `perSeverity` of each severity. Paths must be plain repo-relative paths (no absolute path, no
 * `..`, no backslash); others are dropped and counted. Titles and messages are neutralised and capped.
 */
export function selectAnnotations(findings: readonly Finding[], opts: AnnotationOptions = {}): AnnotationSelection {
  const perSeverity = opts.perSeverity !== undefined && Number.isFinite(opts.perSeverity) ? Math.max(0, Math.floor(opts.perSeverity)) : 10;
  const changed = new Set<string>();
  for (const f of opts.changedFiles ?? []) {
    const p = repoRelativePath(f);
    if (p !== null) changed.add(p);
  }

  let invalid = 0;
  const candidates: { file: string; severity: Severity; changed: number; index: number; finding: Finding }[] = [];
  findings.forEach((finding, index) => {
    const file = repoRelativePath(finding.file);
    if (file === null) {
      invalid++;
      return;
    }
    const severity = severityOf(finding.severity);
    candidates.push({ file, severity, changed: changed.has(file) ? 0 : 1, index, finding });
  });
  candidates.sort((a, b) => a.changed - b.changed || RANK[a.severity] - RANK[b.severity] || a.index - b.index);

  const taken: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  for (const c of candidates) {
    if (taken[c.severity] >= perSeverity) continue;
    taken[c.severity]++;
    const line = positive(c.finding.line);
    const rule = neutraliseCommands(truncateEnd(oneLine(c.finding.rule).trim(), TITLE_MAX));
    annotations.push({
      severity: c.severity,
      file: c.file,
      line,
      col: line === null ? null : positive(c.finding.column),
      title: rule === '' ? 'nebula-gate' : rule,
      message: neutraliseCommands(truncateMiddle(stripControl(c.finding.message), MESSAGE_MAX)) || '(no message)',
    });
  }
  return { annotations, omitted: findings.length - annotations.length, invalid };
}
