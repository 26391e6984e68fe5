/**
 * The one place an octokit is made, at run time (never at module load), against `GITHUB_API_URL` — GitHub
 * Enterprise Server included. No retry or throttling plugin: retries are ours (retry.ts), so they are bounded
 * and honour `retry-after` the same way for every call.
 */
import { getOctokit } from '@actions/github';
import type { Octokit } from './comment.js';

export function createOctokit(token: string, apiUrl: string, debug: (message: string) => void = () => undefined): Octokit {
  return getOctokit(token, {
    baseUrl: apiUrl,
    // Octokit's own warnings (deprecations) go to the debug log; request headers are never logged (R2.7).
    log: { debug: () => undefined, info: () => undefined, warn: debug, error: debug },
  });
}
