/**
 * Every annotation through a check run (SECURITY.md R3.4): GitHub takes at most 50 annotations per request, so
 * the run is created with the first 50 and updated with each next 50; the last request completes it. Needs
 * `checks: write`; without it the caller falls back to workflow-command annotations.
 */
import type { GateReport } from '../gate/report.js';
import { allFindings } from '../gate/report.js';
import { selectAnnotations, type Annotation } from '../render/annotations.js';
import type { Octokit } from './comment.js';
import { errorMessage, httpStatus, withRetries, type RetryOptions } from './retry.js';

export const CHECK_RUN_BATCH = 50;

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
}

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

export function toCheckRunAnnotation(a: Annotation): CheckRunAnnotation {
  const line = a.line ?? 1;
  return {
    path: a.file,
    start_line: line,
    end_line: line,
    // GitHub accepts columns only on single-line annotations.
    ...(a.col !== null && a.line !== null ? { start_column: a.col, end_column: a.col } : {}),
    annotation_level: LEVEL[a.severity],
    message: a.message,
    title: a.title.slice(0, 255),
  };
}

export type CheckRunOutcome = { ok: true; id: number; annotations: number; requests: number } | { ok: false; status: number | null; reason: string };

export interface CheckRunOptions {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  title: string;
  summary: string;
  changedFiles?: ReadonlySet<string>;
  retry?: RetryOptions;
}

/** Creates the check run with all the report's annotations (changed files first), in batches of 50. Never throws. */
export async function publishCheckRun(octokit: Octokit, report: GateReport, opts: CheckRunOptions): Promise<CheckRunOutcome> {
  const { annotations } = selectAnnotations(allFindings(report), { changedFiles: opts.changedFiles, perSeverity: Number.MAX_SAFE_INTEGER });
  const all = annotations.map(toCheckRunAnnotation);
  const batches: CheckRunAnnotation[][] = [];
  for (let i = 0; i < all.length; i += CHECK_RUN_BATCH) batches.push(all.slice(i, i + CHECK_RUN_BATCH));
  if (batches.length === 0) batches.push([]);
  const conclusion = report.verdict === 'pass' ? 'success' : 'failure';
  const output = (batch: CheckRunAnnotation[]) => ({ title: opts.title.slice(0, 255), summary: opts.summary.slice(0, 65_000), annotations: batch });
  let requests = 0;
  try {
    const last = batches.length === 1;
    const created = await withRetries(() => {
      requests++;
      return octokit.rest.checks.create({
        owner: opts.owner,
        repo: opts.repo,
        name: opts.name,
        head_sha: opts.headSha,
        ...(last ? { status: 'completed' as const, conclusion } : { status: 'in_progress' as const }),
        output: output(batches[0]!),
      });
    }, opts.retry);
    const id = created.data.id;
    for (let b = 1; b < batches.length; b++) {
      const final = b === batches.length - 1;
      await withRetries(() => {
        requests++;
        return octokit.rest.checks.update({
          owner: opts.owner,
          repo: opts.repo,
          check_run_id: id,
          ...(final ? { status: 'completed' as const, conclusion } : {}),
          output: output(batches[b]!),
        });
      }, opts.retry);
    }
    return { ok: true, id, annotations: all.length, requests };
  } catch (e) {
    return { ok: false, status: httpStatus(e), reason: errorMessage(e).split('\n')[0]!.slice(0, 300) };
  }
}
