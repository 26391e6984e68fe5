/**
 * The one spelling of a percentage, for every surface (terminal, JSON report, comment, job summary, logs).
 *
 * A measured value (coverage, diff coverage) has two decimals: `84.96%`. It is rounded to the nearest
 * hundredth, except where that would carry it across its floor: 84.996 against a floor of 85 reads `84.99%`,
 * never `85.00%`, so a failing number never looks like a passing one (and the other way round).
 * A floor is the user's own number, in its shortest form: `85%`, `72.5%`.
 */

/** The value the report stores and every surface shows, as a number (two decimals, floor-safe). */
export function roundPercent(value: number, floor: number | null = null): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const nearest = Math.round(value * 100) / 100;
  if (floor === null || !Number.isFinite(floor)) return nearest;
  if (value < floor && nearest >= floor) return Math.floor(value * 100) / 100;
  if (value >= floor && nearest < floor) return Math.ceil(value * 100) / 100;
  return nearest;
}

/** `84.96%`; `?` for a value that is not a finite number (a hostile payload, a bug). */
export function formatPercent(value: unknown, floor: number | null = null): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '?';
  return `${roundPercent(value, floor).toFixed(2)}%`;
}

/** A floor as the user gave it: `85%`, `72.5%` (at most two decimals). */
export function formatFloor(floor: unknown): string {
  if (typeof floor !== 'number' || !Number.isFinite(floor)) return '?';
  return `${Math.round(floor * 100) / 100}%`;
}

/** `84.96% < floor 85%` / `85.00% ≥ floor 85%`: the comparison the coverage checks state. */
export function percentAgainstFloor(value: number, floor: number): string {
  return `${formatPercent(value, floor)} ${value >= floor ? '≥' : '<'} floor ${formatFloor(floor)}`;
}
