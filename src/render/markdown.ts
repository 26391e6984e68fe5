/**
 * The entry points: the PR comment and the job summary, one renderer measured two ways. What they say is
 * src/render/content.ts; how much of it fits is src/render/budget.ts.
 */
import type { GateReport } from '../gate/report.js';
import { fitSections } from './budget.js';
import { buildSections, reportHead } from './content.js';
import { blobUrlBuilder, type LinkBase } from './paths.js';

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
  return render(report, opts, { limit: COMMENT_LIMIT, defaultBudget: DEFAULT_COMMENT_BUDGET, measure: (s) => s.length, limitText: "GitHub's 65,536-character comment limit" });
}

/** The job summary (R3.3): the same renderer, measured in UTF-8 bytes, at most 1,048,576. */
export function renderSummary(report: GateReport, opts: RenderOptions = {}): string {
  return render(report, opts, { limit: SUMMARY_LIMIT, defaultBudget: DEFAULT_SUMMARY_BUDGET, measure: (s) => Buffer.byteLength(s, 'utf8'), limitText: "GitHub's 1 MiB job-summary limit" });
}

interface Target {
  limit: number;
  defaultBudget: number;
  measure: (s: string) => number;
  limitText: string;
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

  const head = `${marker}${reportHead(report, opts.title ?? 'nebula-gate', opts.note ?? '')}`;
  return fitSections(head, buildSections(report, urlFor), {
    budget,
    measure: target.measure,
    degradedNote: `> ℹ️ Some detail was shortened or left out to fit ${target.limitText}.\n`,
    cutNote: `> ⚠️ **This report was cut** to fit ${target.limitText}; the rest is in the job log and the JSON report.`,
  });
}

function validMarker(marker: string): string {
  if (marker.length > MARKER_MAX || !/^<!--[^\n\r]*-->$/.test(marker) || marker.slice(4, -3).includes('--')) {
    throw new Error(`render: invalid marker ${JSON.stringify(marker.slice(0, 80))}: one line "<!-- … -->", at most ${MARKER_MAX} characters`);
  }
  return marker;
}
