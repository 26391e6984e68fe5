/**
 * The reusable workflow, really run: nektos/act (built from source by scripts/ensure-act.sh) in host mode
 * (`-P ubuntu-latest=-self-hosted`) on a pull_request event against the shard fixture project, with its cache
 * server on 127.0.0.1 and GITHUB_API_URL pointed at the tests' GitHub API server on loopback.
 *
 *   node --import tsx scripts/act-e2e.ts        (.ci/run runs it; ACT=/path/to/act to use another binary)
 *
 * Run 1: the plan job, two test-shard jobs (collect mode, this checkout's action via `action-ref: workspace`),
 * the fan-in (merge mode) — exactly one comment; its numbers are the union (test count = the unsharded pytest
 * run's, coverage = `coverage combine` over the shards' data, both recorded by scripts/regen-shards.sh); act's
 * exit status and the outputs are the gate's; the shard jobs missed the venv cache and saved the environment
 * through act's cache server. Run 2: a failing test — every shard job restores the environment from act's cache
 * server (cache-hit true; act gives each job a workspace at a new random path, which the relocatable environment
 * and workspace-relative cache paths are made for), act exits non-zero, the verdict is fail at tests, the fan-in
 * job is red, the one comment is updated.
 *
 * GitHub itself is unreachable from here, so actions/checkout, upload-artifact, download-artifact and cache are
 * replaced by the stand-ins in test/act/stubs (act --local-repository); the action under test is not.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BOT_TOKEN, OWNER, REPO, startGithubServer } from '../test/support/github-server.js';

const ROOT = resolve(import.meta.dirname, '..');
const ACT = process.env.ACT || join(ROOT, '.tools', 'go-bin', 'act');
const STUBS = join(ROOT, 'test', 'act', 'stubs');
const SHARDS = join(ROOT, 'test', 'fixtures', 'shards');

function fail(message: string): never {
  console.error(`act-e2e: FAILED — ${message}`);
  process.exit(1);
}
function check(ok: boolean, what: string): void {
  if (!ok) fail(what);
  console.log(`act-e2e: ok — ${what}`);
}

interface ActRun {
  code: number;
  log: string;
  /** job label (e.g. `gate/python-gate/gate`) → step outputs it printed. */
  outputs: Map<string, Record<string, string>>;
  results: Map<string, 'succeeded' | 'failed'>;
}

function parseLog(log: string): Pick<ActRun, 'outputs' | 'results'> {
  const outputs = new Map<string, Record<string, string>>();
  const results = new Map<string, 'succeeded' | 'failed'>();
  for (const line of log.split('\n')) {
    const m = /^\[([^\]]+?)\s*\]\s+⚙\s+::set-output:: ([A-Za-z0-9_-]+)=(.*)$/.exec(line);
    if (m) outputs.set(m[1]!, { ...outputs.get(m[1]!), [m[2]!]: m[3]! });
    const r = /^\[([^\]]+?)\s*\] 🏁\s+Job (succeeded|failed)$/.exec(line);
    if (r) results.set(r[1]!, r[2] as 'succeeded' | 'failed');
  }
  return { outputs, results };
}

function runAct(repo: string, args: string[], logFile: string): Promise<ActRun> {
  return new Promise((done) => {
    const child = spawn(ACT, args, { cwd: repo, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 15 * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      writeFileSync(logFile, log);
      done({ code: code ?? -1, log, ...parseLog(log) });
    });
  });
}

const git = (cwd: string, ...args: string[]): string => execFileSync('git', ['-c', 'user.email=ci@nebula-gate.invalid', '-c', 'user.name=ci', ...args], { cwd, encoding: 'utf8' }).trim();

async function main(): Promise<void> {
  if (!existsSync(ACT)) fail(`no act binary at ${ACT} (bash scripts/ensure-act.sh builds it with Go)`);
  const work = mkdtempSync(join(tmpdir(), 'ng-act-'));
  const repo = join(work, 'repo');
  const artifacts = join(work, 'artifacts');
  mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
  cpSync(join(ROOT, 'action.yml'), join(repo, 'action.yml'));
  cpSync(join(ROOT, 'dist'), join(repo, 'dist'), { recursive: true });
  cpSync(join(ROOT, '.github', 'workflows', 'python-gate.yml'), join(repo, '.github', 'workflows', 'python-gate.yml'));
  cpSync(join(SHARDS, 'project'), join(repo, 'project'), { recursive: true, filter: (s) => !/(^|\/)(\.venv|__pycache__|\.pytest_cache|\.nebula-gate)$/.test(s) });
  const python = execFileSync('python3', ['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(repo, '.github', 'workflows', 'caller.yml'),
    [
      'name: gate',
      'on: pull_request',
      'jobs:',
      '  gate:',
      '    uses: ./.github/workflows/python-gate.yml',
      '    with:',
      `      python-versions: '["${python}"]'`,
      '      test-shards: 2',
      '      working-directory: project',
      '      action-ref: workspace',
      '',
    ].join('\n'),
  );
  writeFileSync(join(repo, '.gitignore'), '.venv/\n.nebula-gate-results/\nnebula-gate-results/\n.nebula-gate-action/\n.nebula-gate-durations/\n.coverage\n');
  git(repo, 'init', '-q', '-b', 'feature');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'sample project');

  const gh = await startGithubServer();
  const unsharded = JSON.parse(readFileSync(join(SHARDS, 'results', 'unsharded', 'shard.json'), 'utf8')) as { report: { tests: { total: number; passed: number; failed: number; errors: number } } };
  const combine = JSON.parse(readFileSync(join(SHARDS, 'combine.json'), 'utf8')) as { percent_covered: number };
  try {
    const actArgs = (eventFile: string): string[] => [
      'pull_request',
      '-W', '.github/workflows/caller.yml',
      '-e', eventFile,
      '-P', 'ubuntu-latest=-self-hosted',
      '--cache-server-addr', '127.0.0.1',
      '--cache-server-port', '0',
      '--cache-server-path', join(work, 'act-cache'),
      '--artifact-server-addr', '127.0.0.1',
      '--action-offline-mode',
      '--local-repository', `actions/checkout@v5=${join(STUBS, 'checkout')}`,
      '--local-repository', `actions/upload-artifact@v5=${join(STUBS, 'upload-artifact')}`,
      '--local-repository', `actions/download-artifact@v5=${join(STUBS, 'download-artifact')}`,
      '--local-repository', `actions/cache@v4=${join(STUBS, 'cache')}`,
      '--env', `NG_ARTIFACTS=${artifacts}`,
      '--env', `NG_REPO=${repo}`,
      '--env', `PATH=${join(ROOT, '.tools', 'bin')}:${process.env.PATH ?? ''}`,
      '--env', 'UV_PYTHON_DOWNLOADS=never',
      '--env', `GITHUB_API_URL=${gh.apiUrl}`,
      '--env', `GITHUB_REPOSITORY=${OWNER}/${REPO}`,
      '-s', `GITHUB_TOKEN=${BOT_TOKEN}`,
    ];
    const event = (): string => {
      const sha = git(repo, 'rev-parse', 'HEAD');
      const file = join(work, `event-${sha}.json`);
      writeFileSync(file, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, base: { sha, ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } }, head: { sha, ref: 'feature', repo: { full_name: `${OWNER}/${REPO}` } } }, repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' } }));
      return file;
    };
    const fanIn = (r: ActRun): Record<string, string> => [...r.outputs].find(([job]) => /\/gate$/.test(job))?.[1] ?? {};
    const shardOutputs = (r: ActRun): Record<string, string>[] => [...r.outputs].filter(([job]) => /\/test \(/.test(job)).map(([, o]) => o);

    console.log(`act-e2e: ${ACT} in ${repo}; GitHub API ${gh.apiUrl}`);
    const t0 = Date.now();
    const r1 = await runAct(repo, actArgs(event()), join(work, 'run1.log'));
    console.log(`act-e2e: run 1 took ${((Date.now() - t0) / 1000).toFixed(0)} s (log ${join(work, 'run1.log')})`);
    const o1 = fanIn(r1);
    check(r1.code === 0, `run 1: act exits 0 (got ${r1.code})`);
    check(shardOutputs(r1).length === 2 && [...r1.results].filter(([j, s]) => /\/test \(/.test(j) && s === 'succeeded').length === 2, 'run 1: two shard jobs ran and succeeded');
    check(o1.verdict === 'pass' && o1['phase-reached'] === '4', `run 1: fan-in verdict pass, phase 4 (got ${o1.verdict}, ${o1['phase-reached']})`);
    check(Number(o1['tests-passed']) + Number(o1['tests-failed']) === unsharded.report.tests.passed + unsharded.report.tests.failed + unsharded.report.tests.errors, `run 1: merged test count ${o1['tests-passed']}+${o1['tests-failed']} equals the unsharded pytest run's`);
    check(shardOutputs(r1).every((o) => Number(o['tests-passed']) < Number(o1['tests-passed'])), 'run 1: each shard ran only part of the tests');
    check(o1.coverage === combine.percent_covered.toFixed(2), `run 1: merged coverage ${o1.coverage}% equals coverage combine's ${combine.percent_covered.toFixed(2)}%`);
    check(o1['comment-status'] === 'created' && gh.comments.length === 1, `run 1: exactly one comment posted (${gh.comments.length})`);
    check(gh.comments[0]!.body.includes(`${o1.coverage}%`) && gh.comments[0]!.body.includes('may merge'), 'run 1: the comment carries the merged coverage and the verdict');

    check(shardOutputs(r1).every((o) => o['cache-hit'] === 'false'), `run 1: the shard jobs found no environment in the cache (cache-hit ${shardOutputs(r1).map((o) => o['cache-hit']).join(', ')})`);
    check((r1.log.match(/Cache saved successfully/g) ?? []).length >= 1 && existsSync(join(work, 'act-cache')), "run 1: the shard jobs saved the venv through act's cache server");

    const test = join(repo, 'project', 'tests', 'test_sizes_parse.py');
    writeFileSync(test, readFileSync(test, 'utf8').replace('assert parse_size("512") == 512', 'assert parse_size("512") == 513'));
    git(repo, 'commit', '-qam', 'break a test');
    const r2 = await runAct(repo, actArgs(event()), join(work, 'run2.log'));
    const o2 = fanIn(r2);
    const hits = shardOutputs(r2).map((o) => o['cache-hit']);
    check(hits.length === 2 && hits.every((h) => h === 'true'), `run 2: both shard jobs restored the venv from act's cache server (cache-hit ${hits.join(', ')})`);
    check(/cache hit\)/.test(r2.log) && (r2.log.match(/Cache restored successfully|Cache restored from key/g) ?? []).length >= 2, 'run 2: the uv-sync step reports the hit, @actions/cache restored the entry');
    check(r2.code !== 0, `run 2: act exits non-zero (got ${r2.code})`);
    check(o2.verdict === 'fail' && o2['failed-phase'] === 'tests' && o2['tests-failed'] === '1', `run 2: verdict fail at tests, 1 failing test (got ${o2.verdict}, ${o2['failed-phase']}, ${o2['tests-failed']})`);
    check([...r2.results].some(([j, s]) => /\/gate$/.test(j) && s === 'failed'), 'run 2: the fan-in job (the required check) is red');
    check(gh.comments.length === 1 && o2['comment-status'] === 'updated', `run 2: the one comment was updated (${o2['comment-status']}, ${gh.comments.length} comment)`);
    console.log(`act-e2e: all good (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  } finally {
    await gh.close();
    if (!process.env.KEEP_ACT_WORK) rmSync(work, { recursive: true, force: true });
    else console.log(`act-e2e: kept ${work}`);
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
