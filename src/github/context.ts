/**
 * The run's context from the runner's environment and event payload: repository, server and API URLs, the pull
 * request (number, base, head, fork or not), the workflow_run that triggered a posting step. Pure: the caller
 * reads the event file and passes its parsed content.
 */
import { createHash } from 'node:crypto';

export interface PullRequestInfo {
  number: number;
  baseSha: string | null;
  headSha: string | null;
  /** `owner/name` of the base repository (this repository). */
  baseRepo: string | null;
  /** `owner/name` of the head repository (a fork when it differs from baseRepo). */
  headRepo: string | null;
  fork: boolean;
}

/** The trusted facts of a `workflow_run` event (R1.4): all the posting mode relies on. */
export interface WorkflowRunInfo {
  id: number | null;
  /** The event of the run that finished (`pull_request` for the gate). */
  event: string;
  headSha: string;
  headBranch: string | null;
  /** `owner` of the repository the head commit came from (the fork's owner). */
  headOwner: string | null;
  /** `owner/name` of the repository the head commit came from (the fork). */
  headRepository: string | null;
  /** `owner/name` of the repository the workflow ran in. */
  repository: string | null;
  conclusion: string | null;
}

export interface RunContext {
  eventName: string;
  /** `owner/name`. */
  repository: string;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  /** The commit the run checked out (GITHUB_SHA; the merge commit on pull_request). */
  sha: string;
  workflow: string;
  job: string;
  runId: string;
  pullRequest: PullRequestInfo | null;
  workflowRun: WorkflowRunInfo | null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const sha = (v: unknown): string | null => (typeof v === 'string' && /^[0-9a-f]{40,64}$/i.test(v) ? v.toLowerCase() : null);

export const DEFAULT_SERVER_URL = 'https://github.com';
export const DEFAULT_API_URL = 'https://api.github.com';

/** Builds the context from `process.env`-like values and the parsed event payload ({} when there is none). */
export function runContext(env: NodeJS.ProcessEnv, event: unknown): RunContext {
  const payload = obj(event);
  const repository = env.GITHUB_REPOSITORY ?? str(obj(payload.repository).full_name) ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  return {
    eventName,
    repository,
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL || DEFAULT_SERVER_URL).replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, ''),
    sha: env.GITHUB_SHA ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    pullRequest: pullRequestOf(payload),
    workflowRun: eventName === 'workflow_run' ? workflowRunOf(payload) : null,
  };
}

function pullRequestOf(payload: Json): PullRequestInfo | null {
  const pr = obj(payload.pull_request);
  const number = typeof pr.number === 'number' ? pr.number : typeof payload.number === 'number' ? payload.number : null;
  if (number === null || !Number.isSafeInteger(number) || number <= 0) return null;
  const base = obj(pr.base);
  const head = obj(pr.head);
  const baseRepo = str(obj(base.repo).full_name);
  const headRepo = str(obj(head.repo).full_name);
  return {
    number,
    baseSha: sha(base.sha),
    headSha: sha(head.sha),
    baseRepo,
    headRepo,
    fork: obj(head.repo).fork === true || (baseRepo !== null && headRepo !== null && baseRepo !== headRepo),
  };
}

function workflowRunOf(payload: Json): WorkflowRunInfo | null {
  const run = obj(payload.workflow_run);
  const headSha = sha(run.head_sha);
  if (headSha === null) return null;
  return {
    id: typeof run.id === 'number' ? run.id : null,
    event: str(run.event) ?? '',
    headSha,
    headBranch: str(run.head_branch),
    headOwner: str(obj(obj(run.head_repository).owner).login),
    headRepository: str(obj(run.head_repository).full_name),
    repository: str(obj(run.repository).full_name),
    conclusion: str(run.conclusion),
  };
}

const INSTANCE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function validInstanceId(id: string): boolean {
  return INSTANCE_ID.test(id);
}

/**
 * The comment instance: the `comment-id` input when given, else a short hash of workflow, job and working
 * directory, so two jobs (or two projects in one job) keep separate comments. A matrix shares its job id:
 * give each leg a `comment-id`.
 */
export function instanceId(given: string, ctx: Pick<RunContext, 'workflow' | 'job'>, workingDirectory: string): string {
  if (given !== '') return given;
  const wd = workingDirectory.replace(/^\.\/+/, '').replace(/\/+$/, '') || '.';
  return createHash('sha256').update(`${ctx.workflow}\0${ctx.job}\0${wd}`).digest('hex').slice(0, 16);
}
