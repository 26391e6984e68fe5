/**
 * Which order the checks run in (SECURITY R9). `strict`: the static checks (lint, format, types, security) run to
 * completion on the locked third-party dependencies, their reports read into memory, before anything builds or
 * imports the project — so nothing the PR's code does can change their results. `overlap`: every check starts as
 * soon as what it needs is there; faster, and right where the code is already trusted.
 *
 * `auto` (the default) is `overlap` only for code already on the default branch — a push, a schedule or a manual
 * run of it — and for a run outside GitHub Actions (a developer's machine); `strict` for everything else, pull
 * requests first. The choice is the workflow's (an input or a flag), never the project's: a PR edits pyproject.toml.
 */
export type Order = 'strict' | 'overlap';

const TRUSTED_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch']);

export interface OrderFacts {
  /** GITHUB_ACTIONS === 'true'. */
  actions: boolean;
  eventName: string;
  /** GITHUB_REF, e.g. refs/heads/main. */
  ref: string;
  /** The repository's default branch from the event payload, when it says. */
  defaultBranch: string | null;
}

/** The order for a requested value ('' or 'auto' → chosen from the run's facts); other values pass through to validation. */
export function chooseOrder(requested: string | undefined, facts: OrderFacts): string {
  if (requested !== undefined && requested !== '' && requested !== 'auto') return requested;
  if (!facts.actions) return 'overlap';
  const onDefaultBranch = facts.defaultBranch !== null && facts.ref === `refs/heads/${facts.defaultBranch}`;
  return TRUSTED_EVENTS.has(facts.eventName) && onDefaultBranch ? 'overlap' : 'strict';
}

/** The facts from the runner's environment and the event payload. */
export function orderFacts(env: NodeJS.ProcessEnv, event: unknown): OrderFacts {
  const repo = typeof event === 'object' && event !== null ? (event as { repository?: { default_branch?: unknown } }).repository : undefined;
  const branch = typeof repo?.default_branch === 'string' ? repo.default_branch : null;
  return { actions: env.GITHUB_ACTIONS === 'true', eventName: env.GITHUB_EVENT_NAME ?? '', ref: env.GITHUB_REF ?? '', defaultBranch: branch };
}
