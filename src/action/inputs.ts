/**
 * The action's inputs, read once (through the getter the caller passes: core.getInput in the action) into one
 * deeply frozen, validated object. Nothing else in the action reads an input. The gate's own settings come from
 * the table in src/config/options.ts; the rest of action.yml (mode, setup, publishing, fan-out) is read here.
 */
import { SHARD_ID } from '../model/schema.js';
import { ConfigError } from '../config/errors.js';
import { overridesFromInputs, type Overrides } from '../config/options.js';
import { bool, httpUrl, listFromString, oneOf } from '../config/values.js';
import { COMMENT_MODES, type CommentMode } from '../github/comment.js';
import { deepFreeze } from '../text/freeze.js';

export type ActionMode = 'gate' | 'post' | 'collect' | 'merge';
const MODES: readonly ActionMode[] = ['gate', 'post', 'collect', 'merge'];
export type AnnotationsSetting = 'workflow-commands' | 'check-run';
const ANNOTATIONS: readonly AnnotationsSetting[] = ['workflow-commands', 'check-run'];
export type CacheMode = 'venv' | 'uv' | 'both' | 'none';
const CACHE_MODES: readonly CacheMode[] = ['venv', 'uv', 'both', 'none'];

/** How the action talks to GitHub: the comment, annotations, the fork hand-off. */
export interface PublishInputs {
  comment: CommentMode;
  /** The `comment-id` input as given ('' → derived from workflow, job and working directory). */
  commentId: string;
  annotations: AnnotationsSetting;
  /** '' when none was given. */
  token: string;
  /** mode post: the downloaded payload file or directory. */
  payloadPath: string;
}

/** The matrix/shard inputs (DESIGN.md §7): collect mode writes a shard's results, merge mode reads them all. */
export interface FanInputs {
  /** collect: where this job's results go; merge: where the shard artifacts were downloaded. */
  resultsPath: string;
  /** `test-shard` as given (`2/4`), '' for no sharding; parsed by src/merge/split.ts. */
  testShard: string;
  /** A previous run's JUnit XML or durations JSON, relative to the workspace, or ''. */
  testDurations: string;
  /** '' → derived from the OS, the Python version and the shard. */
  shardId: string;
  /** merge: the shard ids that must have reported. */
  expectedShards: string[];
}

/** What the action's setup step needs: which uv, how it is verified, and what is cached (DESIGN.md §6). */
export interface SetupInputs {
  /** `uv-version`: exact (0.13.8) or a range (>=0.12,<0.14); '' → required-version, else the pin. */
  uvVersion: string;
  /** `uv-checksum`: the SHA-256 of the release asset, lower-case hex, or null. */
  uvChecksum: string | null;
  allowUnverifiedUv: boolean;
  /** `uv-download-base-url`, without a trailing slash, or null for the GitHub release host. */
  uvDownloadBaseUrl: string | null;
  /** `uv-wheel-base-url`: a PyPI file-host mirror for uv's wheels, without a trailing slash, or null. */
  uvWheelBaseUrl: string | null;
  cache: CacheMode;
  /** `cache-suffix`, already limited to characters a cache key may hold. */
  cacheSuffix: string;
}

export interface ActionInputs {
  mode: ActionMode;
  workingDirectory: string;
  /** The gate's settings as given (validated with the project's config by resolveConfig). */
  overrides: Overrides;
  setup: SetupInputs;
  publish: PublishInputs;
  fan: FanInputs;
}

type GetInput = (name: string) => string;

const shown = (s: string): string => JSON.stringify(s.slice(0, 80));

function readPublish(getInput: GetInput): PublishInputs {
  const commentId = getInput('comment-id').trim();
  if (commentId !== '' && !/^[A-Za-z0-9._-]{1,64}$/.test(commentId)) {
    throw new ConfigError(`comment-id: ${shown(commentId)} must be 1-64 characters of A-Z, a-z, 0-9, ., _ and -`);
  }
  return {
    comment: oneOf('comment', getInput('comment') || 'always', COMMENT_MODES),
    commentId,
    annotations: oneOf('annotations', getInput('annotations') || 'workflow-commands', ANNOTATIONS),
    token: getInput('github-token'),
    payloadPath: getInput('payload-path') || 'nebula-gate-comment',
  };
}

function readFan(getInput: GetInput): FanInputs {
  const shardId = getInput('shard-id').trim();
  if (shardId !== '' && !SHARD_ID.test(shardId)) throw new ConfigError(`shard-id: ${shown(shardId)} must be 1-128 characters of A-Z, a-z, 0-9, ., _ and -`);
  const expectedShards = listFromString(getInput('expected-shards'));
  const bad = expectedShards.find((id) => !SHARD_ID.test(id));
  if (bad !== undefined) throw new ConfigError(`expected-shards: ${shown(bad)} is not a shard id (A-Z, a-z, 0-9, ., _ and -)`);
  return {
    resultsPath: getInput('results-path').trim() || 'nebula-gate-results',
    testShard: getInput('test-shard').trim(),
    testDurations: getInput('test-durations').trim(),
    shardId,
    expectedShards,
  };
}

function optionalUrl(key: string, value: string): string | null {
  return value === '' ? null : httpUrl(key, value).replace(/\/+$/, '');
}

function readSetup(getInput: GetInput): SetupInputs {
  const uvVersion = getInput('uv-version').trim();
  if (uvVersion !== '' && !/^[0-9a-zA-Z.*,<>=!~ ]{1,64}$/.test(uvVersion)) {
    throw new ConfigError(`uv-version: ${JSON.stringify(uvVersion)} is not a version (e.g. 0.13.8) or a range (e.g. >=0.12,<0.14)`);
  }
  const checksum = getInput('uv-checksum').trim().toLowerCase();
  if (checksum !== '' && !/^[0-9a-f]{64}$/.test(checksum)) throw new ConfigError('uv-checksum: must be a SHA-256 in hex (64 characters)');
  const suffix = getInput('cache-suffix').trim();
  if (!/^[A-Za-z0-9._+-]{0,64}$/.test(suffix)) throw new ConfigError(`cache-suffix: ${JSON.stringify(suffix)} may only hold up to 64 of A-Z, a-z, 0-9, '.', '_', '+', '-'`);
  const allow = getInput('allow-unverified-uv').trim();
  return {
    uvVersion,
    uvChecksum: checksum === '' ? null : checksum,
    allowUnverifiedUv: allow === '' ? false : bool('allow-unverified-uv', allow),
    uvDownloadBaseUrl: optionalUrl('uv-download-base-url', getInput('uv-download-base-url').trim()),
    uvWheelBaseUrl: optionalUrl('uv-wheel-base-url', getInput('uv-wheel-base-url').trim()),
    cache: oneOf('cache', getInput('cache').trim() || 'venv', CACHE_MODES),
    cacheSuffix: suffix,
  };
}

/** Every input of action.yml, validated, in one frozen object. Throws ConfigError naming the input. */
export function readActionInputs(getInput: GetInput): ActionInputs {
  return deepFreeze({
    mode: oneOf('mode', getInput('mode') || 'gate', MODES),
    workingDirectory: getInput('working-directory') || '.',
    overrides: overridesFromInputs(getInput),
    setup: readSetup(getInput),
    publish: readPublish(getInput),
    fan: readFan(getInput),
  });
}
