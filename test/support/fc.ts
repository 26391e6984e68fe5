/**
 * fast-check run counts, from one place. A property states its full count as `{ numRuns: runs(3000) }`;
 * the environment decides how much of it runs:
 *
 * - `FC_RUNS=<number>`: exactly that many runs for every property (a soak run, or 1 for a smoke run);
 * - `FC_RUNS=full`, or `CI` set (`.ci/run` exports CI=true, as do GitHub's runners): the full count;
 * - otherwise, or `FC_RUNS=quick` (a developer's loop, `npm run test:unit`): a tenth of it, at least 10 and
 *   never more than the full count.
 *
 * Seeds and every other option stay in the tests. A failure prints its seed and path, so a counterexample found
 * by a short local run replays at any count.
 */

const MIN_QUICK = 10;

export type RunsMode = { kind: 'full' } | { kind: 'quick' } | { kind: 'fixed'; count: number };

/** How many runs the environment asks for; an unknown FC_RUNS is refused rather than read as one of the others. */
export function runsMode(env: NodeJS.ProcessEnv = process.env): RunsMode {
  const value = env.FC_RUNS?.trim() ?? '';
  if (value === 'full') return { kind: 'full' };
  if (value === 'quick') return { kind: 'quick' };
  if (/^[1-9]\d*$/.test(value)) return { kind: 'fixed', count: Number(value) };
  if (value !== '') throw new Error(`FC_RUNS=${value}: expected full, quick or a positive whole number of runs`);
  const ci = env.CI?.trim().toLowerCase() ?? '';
  return ci !== '' && ci !== 'false' && ci !== '0' ? { kind: 'full' } : { kind: 'quick' };
}

/** The number of runs for a property whose full count is `full`. */
export function runs(full: number, env: NodeJS.ProcessEnv = process.env): number {
  const mode = runsMode(env);
  if (mode.kind === 'full') return full;
  if (mode.kind === 'fixed') return mode.count;
  return Math.min(full, Math.max(MIN_QUICK, Math.round(full / 10)));
}
