/**
 * Retries of GitHub API calls (SECURITY.md R3.5): rate limits (429, or a 403 that says so) wait as long as
 * `retry-after` (or `x-ratelimit-reset`) asks, server errors back off exponentially; both a bounded number of
 * times. Anything else (403 forbidden, 404, 422) is the caller's to handle.
 */

export interface RetryOptions {
  /** Attempts in all, including the first. Default 4. */
  attempts?: number;
  /** First back-off for 5xx, doubled each time. Default 1000 ms. */
  baseDelayMs?: number;
  /** A rate limit asking for a longer wait than this is not waited for. Default 120 s. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onRetry?: (why: string, waitMs: number, attempt: number) => void;
}

interface HttpErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown> };
}

export function httpStatus(e: unknown): number | null {
  const s = (e as HttpErrorLike | null)?.status;
  return typeof s === 'number' ? s : null;
}

function header(e: unknown, name: string): string | null {
  const v = (e as HttpErrorLike | null)?.response?.headers?.[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  const m = (e as HttpErrorLike | null)?.message;
  return typeof m === 'string' ? m : String(e);
}

/** True for a primary or secondary rate limit: 429, or 403 with retry-after / no remaining quota / the words. */
export function isRateLimit(e: unknown): boolean {
  const status = httpStatus(e);
  if (status === 429) return true;
  if (status !== 403) return false;
  return header(e, 'retry-after') !== null || header(e, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(errorMessage(e));
}

/** How long the server asked us to wait, in ms, or null. */
function requestedWait(e: unknown, now: number): number | null {
  const after = header(e, 'retry-after');
  if (after !== null) {
    const s = Number(after);
    if (Number.isFinite(s) && s >= 0) return s * 1000;
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = header(e, 'x-ratelimit-reset');
  if (reset !== null && header(e, 'x-ratelimit-remaining') === '0') {
    const t = Number(reset) * 1000;
    if (Number.isFinite(t)) return Math.max(0, t - now);
  }
  return null;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function withRetries<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 4);
  const base = opts.baseDelayMs ?? 1000;
  const maxWait = opts.maxWaitMs ?? 120_000;
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const status = httpStatus(e);
      const limited = isRateLimit(e);
      const serverError = status !== null && status >= 500;
      if (attempt >= attempts || (!limited && !serverError)) throw e;
      const asked = requestedWait(e, now());
      const wait = asked ?? (limited ? 60_000 : base * 2 ** (attempt - 1));
      if (wait > maxWait) throw e;
      opts.onRetry?.(limited ? `rate limited (HTTP ${status})` : `HTTP ${status}`, wait, attempt);
      await sleep(wait);
    }
  }
}
