/**
 * The delta line of the sticky comment: what changed since the previous run, from the two snapshots its digest
 * keeps (src/github/comment.ts stores and reads them). Trusted Markdown: every value in it is a number we made.
 */
import { formatPercent, roundPercent } from '../text/percent.js';

/** What one run saw, as far as the delta needs it. */
export interface Snapshot {
  verdict: 'pass' | 'fail';
  phaseReached: number;
  tests: number | null;
  failing: number | null;
  coverage: number | null;
  diffCoverage: number | null;
  /** `id:status` of every check, for on-change. */
  checks: string;
}

/** The floors the coverage figures are read against (the current run's), so neither side reads as its floor. */
export interface DeltaFloors {
  coverage?: number | null;
  diffCoverage?: number | null;
}

/** `+3`, `−1.25`, `±0`: a change, with a true minus sign. */
const signed = (n: number, digits = 0): string => {
  const r = digits === 0 ? String(Math.round(n)) : n.toFixed(digits);
  if (Number(r) === 0) return '±0';
  return n > 0 ? `+${r}` : `−${r.replace('-', '')}`;
};

/**
 * "Since the previous run: tests 9 → 10 (+1) · failing 1 → 0 (−1) · coverage 90.00% → 91.25% (+1.25 pts)",
 * or '' when there is no previous run to compare with.
 */
export function deltaLine(d: { now: Snapshot; prev: Snapshot | null }, floors: DeltaFloors = {}): string {
  const prev = d.prev;
  if (prev === null) return '';
  const now = d.now;
  const parts: string[] = [];
  if (prev.verdict !== now.verdict) parts.push(`verdict ${prev.verdict === 'pass' ? '✅' : '❌'} → ${now.verdict === 'pass' ? '✅' : '❌'}`);
  if (prev.phaseReached !== now.phaseReached) parts.push(`phase ${prev.phaseReached} → ${now.phaseReached}`);
  if (prev.tests !== null && now.tests !== null && prev.tests !== now.tests) parts.push(`tests ${prev.tests} → ${now.tests} (${signed(now.tests - prev.tests)})`);
  if (prev.failing !== null && now.failing !== null && prev.failing !== now.failing) parts.push(`failing ${prev.failing} → ${now.failing} (${signed(now.failing - prev.failing)})`);
  const covDelta = (label: string, a: number | null, b: number | null, floor: number | null): void => {
    if (a === null || b === null) return;
    const before = formatPercent(a, floor);
    const after = formatPercent(b, floor);
    // Shown when the two spellings differ; the change is the difference of the values shown, so it adds up.
    if (before !== after) parts.push(`${label} ${before} → ${after} (${signed(roundPercent(b, floor) - roundPercent(a, floor), 2)} pts)`);
  };
  covDelta('coverage', prev.coverage, now.coverage, floors.coverage ?? null);
  covDelta('changed-line coverage', prev.diffCoverage, now.diffCoverage, floors.diffCoverage ?? null);
  if (parts.length === 0) parts.push('check results changed');
  return `**Since the previous run:** ${parts.join(' · ')}`;
}
