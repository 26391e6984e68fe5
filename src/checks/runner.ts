/**
 * Runs check definitions concurrently (bounded), respecting `after`/`requires`, and applies fail-fast.
 * The order of execution is free; the returned results are in definition order so the report reads by phase.
 */
import type { CheckResult } from '../model/check.js';
import type { CheckContext, CheckDefinition } from './context.js';

export type RunEvent =
  | { type: 'start'; id: string; phase: string }
  | { type: 'finish'; result: CheckResult };

export interface RunOptions {
  concurrency: number;
  failFast: boolean;
  phases: readonly string[];
  gateIndex: number;
  onEvent?: (e: RunEvent) => void;
  now?: () => number;
  /** Cancels the whole run (Ctrl-C, the runner cancelling the job): running checks are killed, the rest not started. */
  signal?: AbortSignal;
}

/** `makeContext` receives the abort signal of the check so fail-fast can stop what is still running. */
export async function runChecks(
  defs: readonly CheckDefinition[],
  makeContext: (finished: ReadonlyMap<string, CheckResult>, signal: AbortSignal) => CheckContext,
  opts: RunOptions,
): Promise<CheckResult[]> {
  const now = opts.now ?? Date.now;
  const finished = new Map<string, CheckResult>();
  const pending = [...defs];
  const running = new Map<string, { def: CheckDefinition; abort: AbortController; promise: Promise<void> }>();
  const known = new Set(defs.map((d) => d.id));
  const phaseOf = (name: string): number => opts.phases.indexOf(name);
  // Held in an object: it is set inside the check callbacks, which TypeScript's narrowing cannot follow.
  const stop: { from: { phase: number; reason: string } | null } = { from: null };

  const finish = (result: CheckResult): void => {
    finished.set(result.id, result);
    opts.onEvent?.({ type: 'finish', result });
  };
  const skip = (def: CheckDefinition, summary: string): void =>
    finish({ id: def.id, phase: def.phase, status: 'skipped', summary, durationMs: 0, exitCode: null, findings: [] });

  // Children lead their own sessions (so timeouts can kill whole trees); a terminal's Ctrl-C therefore never
  // reaches them, and the run must pass the cancellation on itself.
  const cancelled = (): string | null => (opts.signal?.aborted ? `cancelled (${String(opts.signal.reason ?? 'aborted')})` : null);
  opts.signal?.addEventListener('abort', () => {
    for (const r of running.values()) r.abort.abort();
  });

  const start = (def: CheckDefinition): void => {
    const abort = new AbortController();
    opts.onEvent?.({ type: 'start', id: def.id, phase: def.phase });
    const started = now();
    const promise = (async () => {
      let partial;
      try {
        partial = await def.run(makeContext(finished, abort.signal));
      } catch (e) {
        // A bug or an unexpected failure inside a check is that check's error, never a pass, never a crash of the run.
        partial = { status: 'error' as const, summary: `internal error: ${e instanceof Error ? e.message : String(e)}`, exitCode: null, findings: [] };
      }
      if (abort.signal.aborted && cancelled()) {
        // A cancelled check did not finish its job: that is an error, never a pass.
        partial = { status: 'error' as const, summary: cancelled()!, exitCode: null, findings: [] };
      } else if (abort.signal.aborted && stop.from) {
        partial = { status: 'skipped' as const, summary: `cancelled by fail-fast: ${stop.from.reason}`, exitCode: null, findings: [] };
      }
      running.delete(def.id);
      const result: CheckResult = { ...partial, id: def.id, phase: def.phase, durationMs: Math.round(now() - started) };
      finish(result);
      const p = phaseOf(def.phase);
      if (opts.failFast && p <= opts.gateIndex && (result.status === 'failed' || result.status === 'error') && stop.from === null) {
        stop.from = { phase: p, reason: `${def.id} ${result.status} in ${def.phase}` };
        for (const r of running.values()) if (phaseOf(r.def.phase) > p) r.abort.abort();
      }
    })();
    running.set(def.id, { def, abort, promise });
  };

  while (pending.length > 0 || running.size > 0) {
    let progressed = false;
    for (let i = 0; i < pending.length; i++) {
      const def = pending[i]!;
      if (cancelled()) {
        pending.splice(i--, 1);
        finish({ id: def.id, phase: def.phase, status: 'error', summary: `not run: ${cancelled()}`, durationMs: 0, exitCode: null, findings: [] });
        progressed = true;
        continue;
      }
      if (stop.from && phaseOf(def.phase) > stop.from.phase) {
        pending.splice(i--, 1);
        skip(def, `skipped by fail-fast: ${stop.from.reason}`);
        progressed = true;
        continue;
      }
      const waitingFor = def.after.filter((a) => known.has(a) && !finished.has(a));
      if (waitingFor.length > 0) continue;
      const unmet = def.requires.map((r) => finished.get(r)).find((r) => r !== undefined && r.status !== 'passed');
      if (unmet) {
        pending.splice(i--, 1);
        skip(def, `needs ${unmet.id}, which ${unmet.status === 'skipped' ? 'was skipped' : unmet.status === 'error' ? 'could not run' : 'failed'}`);
        progressed = true;
        continue;
      }
      if (running.size >= opts.concurrency) continue;
      pending.splice(i--, 1);
      start(def);
      progressed = true;
    }
    if (!progressed && running.size === 0 && pending.length > 0) {
      // A dependency that is not among the enabled checks and never finishes would deadlock; it cannot happen
      // because `after` ignores unknown ids, but refuse loudly rather than hang if it ever does.
      throw new Error(`checks cannot be scheduled: ${pending.map((d) => d.id).join(', ')}`);
    }
    if (!progressed && running.size > 0) await Promise.race([...running.values()].map((r) => r.promise));
  }
  const order = new Map(defs.map((d, i) => [d.id, i]));
  return [...finished.values()].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
