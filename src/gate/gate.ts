import type { CheckResult, CheckStatus } from '../model/check.js';

export interface PhaseOutcome {
  index: number;
  name: string;
  /** True when the phase is at or before the gate: it must pass for the verdict to pass. */
  required: boolean;
  status: CheckStatus;
  checks: CheckResult[];
}

export interface Decision {
  verdict: 'pass' | 'fail';
  /** Highest N such that phases 0..N all pass; -1 when the first phase does not. */
  phaseReached: number;
  /** Name of the first required phase that did not pass, or null. */
  blockedBy: string | null;
  /** One sentence a person can read: why the verdict is what it is. */
  why: string;
  phases: PhaseOutcome[];
}

/**
 * Any `error` makes the phase `error`, which never counts as a pass; any `failed` makes it `failed`.
 * A phase whose checks were all skipped (or that has none) is `skipped`: skipping is the user's choice,
 * so it neither blocks the gate nor stops the phase-reached count.
 */
export function phaseStatus(checks: readonly CheckResult[]): CheckStatus {
  if (checks.some((c) => c.status === 'error')) return 'error';
  if (checks.some((c) => c.status === 'failed')) return 'failed';
  if (checks.length === 0 || checks.every((c) => c.status === 'skipped')) return 'skipped';
  return 'passed';
}

const isOk = (s: CheckStatus): boolean => s === 'passed' || s === 'skipped';

/** Pure: checks grouped by phase + the gate index → verdict, phase reached, and the reason. */
export function decide(phaseNames: readonly string[], gateIndex: number, results: readonly CheckResult[]): Decision {
  const phases: PhaseOutcome[] = phaseNames.map((name, index) => {
    const checks = results.filter((r) => r.phase === name);
    return { index, name, required: index <= gateIndex, status: phaseStatus(checks), checks };
  });
  const orphans = results.filter((r) => !phaseNames.includes(r.phase));
  if (orphans.length > 0) {
    // inputs.ts validates phases, so this is a programming error: refuse rather than silently drop a check.
    throw new Error(`checks with unknown phase: ${orphans.map((o) => `${o.id} (${o.phase})`).join(', ')}`);
  }

  let phaseReached = -1;
  for (const p of phases) {
    if (!isOk(p.status)) break;
    phaseReached = p.index;
  }
  const blocking = phases.find((p) => p.required && !isOk(p.status)) ?? null;
  const gateName = phaseNames[gateIndex] ?? String(gateIndex);
  if (blocking === null) {
    const advisory = phases.filter((p) => !p.required && !isOk(p.status)).map((p) => p.name);
    const tail = advisory.length > 0 ? `; advisory phase${advisory.length > 1 ? 's' : ''} not passing: ${advisory.join(', ')}` : '';
    // A phase whose checks were all skipped proved nothing: say so rather than "passed".
    const required = phases.filter((p) => p.required);
    const skipped = required.filter((p) => p.status === 'skipped').map((p) => p.name);
    const head =
      skipped.length === 0
        ? `every phase up to the gate (${gateName}) passed`
        : skipped.length === required.length
          ? `nothing ran up to the gate (${gateName}): every check was disabled or skipped`
          : `every phase up to the gate (${gateName}) passed, except ${skipped.join(', ')}, where nothing ran (every check disabled or skipped)`;
    return { verdict: 'pass', phaseReached, blockedBy: null, why: `${head}${tail}`, phases };
  }
  const bad = blocking.checks.filter((c) => !isOk(c.status));
  const detail = bad.map((c) => `${c.id} ${c.status === 'error' ? 'could not run' : 'failed'}: ${c.summary}`).join('; ');
  return {
    verdict: 'fail',
    phaseReached,
    blockedBy: blocking.name,
    why: `blocked at ${blocking.name} (gate: ${gateName}): ${detail}`,
    phases,
  };
}
