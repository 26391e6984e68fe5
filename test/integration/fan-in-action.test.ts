/**
 * Collect and merge modes as the runner runs them (`node dist/index.js`): two shard jobs collect on copies of the
 * shard fixture project, their result directories are laid out as actions/download-artifact leaves them, and the
 * fan-in merges them, decides once and posts exactly one comment to the GitHub API on loopback.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { removeDir, REPO_ROOT } from '../support/project.js';
import { loopbackGithubEnv, runDist as runDistShared, type DistRun } from '../support/action.js';
import { OWNER, REPO } from '../support/github-server.js';
import { useGithubServer } from '../support/scratch.js';

const PROJECT = join(REPO_ROOT, 'test', 'fixtures', 'shards', 'project');
const combine = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'shards', 'combine.json'), 'utf8')) as { percent_covered: number };
const dirs: string[] = [];
const gh = useGithubServer({ prefix: '/api/v3' });
afterAll(() => dirs.forEach(removeDir));

const prEvent = { action: 'synchronize', number: 7, pull_request: { number: 7, base: { sha: 'a'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } }, head: { sha: 'b'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } } } };

/** The bundled action run as the runner runs it, its API on the loopback server. */
async function runDist(workspace: string, inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}): Promise<DistRun> {
  const r = await runDistShared(workspace, inputs, { ...loopbackGithubEnv(gh.apiUrl), ...extraEnv }, prEvent);
  dirs.push(r.files.temp);
  return r;
}

/** A workspace holding a copy of the shard fixture project (no environment) at `project/`. */
function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'ng-fan-'));
  dirs.push(ws);
  cpSync(PROJECT, join(ws, 'project'), { recursive: true, filter: (s) => !['.venv', '__pycache__', '.pytest_cache', '.nebula-gate'].includes(basename(s)) });
  return ws;
}

const COLLECT = { mode: 'collect', 'working-directory': 'project', disable: 'pip-audit,bandit,types', comment: 'off', cache: 'none', 'results-path': 'out' };

describe('collect → merge (node dist/index.js)', () => {
  let downloads: string;
  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'ng-downloads-'));
    dirs.push(downloads);
    for (const i of [1, 2]) {
      const ws = workspace();
      const r = await runDist(ws, { ...COLLECT, 'test-shard': `${i}/2`, 'shard-id': `linux-py3-${i}of2` });
      // A shard below the coverage floor is data for the fan-in, not a failed step.
      expect({ code: r.code, verdict: r.outputs.verdict }).toEqual({ code: 0, verdict: 'fail' });
      expect(r.outputs['results-path']).toBe(join(ws, 'out'));
      expect(existsSync(join(ws, 'out', 'shard.json'))).toBe(true);
      cpSync(join(ws, 'out'), join(downloads, `nebula-gate-shard-linux-py3-${i}of2`), { recursive: true });
    }
  }, 180_000);

  test('the fan-in merges, decides once, posts one comment; its numbers are the union', async () => {
    const r = await runDist(downloads, { mode: 'merge', 'results-path': '.', 'expected-shards': 'linux-py3-1of2,linux-py3-2of2' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'tests-passed': '8', 'tests-failed': '0', coverage: combine.percent_covered.toFixed(2), 'comment-status': 'created' });
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('may merge');
    const durations = JSON.parse(readFileSync(r.outputs['test-durations']!, 'utf8')) as Record<string, number>;
    expect(Object.keys(durations).sort()).toEqual(['tests/test_durations.py', 'tests/test_durations_parse.py', 'tests/test_sizes.py', 'tests/test_sizes_parse.py']);
  }, 60_000);

  test('a shard that never reported fails the gate, named, and exits 1', async () => {
    const r = await runDist(downloads, { mode: 'merge', 'results-path': '.', 'expected-shards': 'linux-py3-1of2,linux-py3-2of2,macos-py3-1of2', comment: 'off' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ verdict: 'fail', 'failed-phase': 'setup', 'phase-reached': '-1' });
    expect(r.stdout).toMatch(/^::error::gate failed: .*shard macos-py3-1of2 left no results/m);
  }, 60_000);

  test('merge spawns no process: it works with nothing on PATH', async () => {
    const r = await runDist(downloads, { mode: 'merge', 'results-path': '.', comment: 'off' }, { PATH: '' });
    expect({ code: r.code, verdict: r.outputs.verdict }).toEqual({ code: 0, verdict: 'pass' });
  }, 60_000);
});

describe('collect mode details', () => {
  test('an empty shard (more shards than test files) skips pytest instead of running every test', async () => {
    const ws = workspace();
    const r = await runDist(ws, { ...COLLECT, 'test-shard': '5/5', disable: 'pip-audit,bandit,types,ruff-format,ruff-check' });
    expect(r.code).toBe(0);
    const bundle = JSON.parse(readFileSync(join(ws, 'out', 'shard.json'), 'utf8')) as { id: string; shard: { files: string[] }; checks: { id: string; status: string }[] };
    expect(bundle.shard.files).toEqual([]);
    expect(bundle.checks.find((c) => c.id === 'pytest')?.status).toBe('skipped');
    expect(bundle.id).toMatch(/^linux-3\.\d+\.\d+-5of5$/);
  }, 120_000);

  test('a lint finding is decided where it ran: the collect step fails, and its results are still written for the fan-in', async () => {
    const ws = workspace();
    // A real F401 in the shard project's sources.
    const init = join(ws, 'project', 'src', 'humanunits', '__init__.py');
    writeFileSync(init, `import os\n${readFileSync(init, 'utf8')}`);
    const r = await runDist(ws, { ...COLLECT, 'test-shard': '1/2', disable: 'pip-audit,bandit,types,ruff-format' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::nebula-gate: ruff-check failed in this job \(decided here, not on the union\)$/m);
    const bundle = JSON.parse(readFileSync(join(ws, 'out', 'shard.json'), 'utf8')) as { checks: { id: string; status: string }[] };
    expect(bundle.checks.find((c) => c.id === 'ruff-check')?.status).toBe('failed');
  }, 120_000);

  test('a bad test-shard is a configuration error', async () => {
    const ws = workspace();
    const r = await runDist(ws, { ...COLLECT, 'test-shard': '3/2' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/configuration error: test-shard: 3\/2 is out of range/);
    rmSync(ws, { recursive: true, force: true });
    mkdirSync(ws);
  });
});
