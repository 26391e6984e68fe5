/**
 * Fidelity (DESIGN.md §9, SECURITY.md R10): on each fidelity-* fixture project, the project's own commands run by
 * hand with the real tools (as its CI or a maintainer would: `uv sync --locked`, `uv run pytest --cov …`, its ruff,
 * bandit on its tracked files), then the gate on a fresh copy of the same commit. Their numbers must agree, and the
 * gate must leave the checkout as it found it (`git status --porcelain`). The figures the project's commands give
 * are read from their own outputs (pytest's summary line, coverage.py's JSON, ruff's and bandit's reports), not
 * through the gate's parsers.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { which } from '../../src/process/which.js';
import { check, commitAll, gitStatus, removeDir, runCli, TEST_ENV, type CliRun } from '../support/project.js';
import { scratchFixtures, useOsvServer } from '../support/scratch.js';

const osv = useOsvServer();
const fixture = scratchFixtures();
const temporary: string[] = [];
afterAll(() => temporary.forEach(removeDir));
/** An empty directory outside the projects, removed after the file's tests. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-fidelity-'));
  temporary.push(dir);
  return dir;
}

/** What a gate would set to read its tools' output; the shell the project's commands run in has none of them. */
const PARSING_VARIABLES = ['NO_COLOR', 'FORCE_COLOR', 'UV_PYTHON', 'UV_NO_PROGRESS', 'RUFF_OUTPUT_FORMAT'];
/** The maintainer's shell: the tests' environment (pinned uv first on PATH), one variable of its own, none of the above. */
const SHELL: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({ ...TEST_ENV, NEBULA_FIXTURE_SHELL: 'kept' }).filter(([k]) => !PARSING_VARIABLES.includes(k)),
);
const UV = which('uv', SHELL.PATH) ?? 'uv';
const PINNED = { ruff: 'ruff==0.17.5', bandit: 'bandit==1.9.4' };

interface Ran {
  code: number;
  stdout: string;
  output: string;
}

function run(cwd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((done) => {
    execFile(argv[0]!, argv.slice(1), { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      done({ code, stdout, output: `${stdout}\n${stderr}` });
    });
  });
}

/** What the project's own commands report. */
interface Own {
  sync: Ran;
  pytest?: Ran;
  tests?: { passed: number; failed: number; skipped: number; errors: number };
  coverage?: number;
  coverageWarnings: string[];
  /** Every finding ruff reports (fixed ones included, where the project lets it fix), and the rules of those left. */
  ruff: { found: number; rules: string[] };
  reformat: number;
  bandit?: number;
}

interface Fidelity {
  name: string;
  /** How the project's CI installs it (the arguments after `uv`). */
  sync?: string[];
  /** The coverage arguments the project gives pytest itself (pytest-cov). */
  cov: string[];
  /**
   * How the project measures: `pytest --cov` (the default), `coverage run -m pytest` then `coverage combine` (it has
   * coverage.py but not pytest-cov), or not at all (plain `pytest`; the gate's figure is then checked by `then`).
   */
  measures?: 'pytest-cov' | 'coverage-run' | 'none';
  /**
   * Which ruff the project runs: the one in its environment, or one it pins outside it (run as pre-commit or uvx
   * would; the action's pin when it pins none); false: not compared.
   */
  ruff?: 'project' | string | false;
  /** Compare bandit too (on the project's tracked Python files, with its [tool.bandit]). */
  bandit?: boolean;
  /** Variables of this run's shell, beside SHELL (made afresh for each run). */
  env?: () => NodeJS.ProcessEnv;
  /** Checks the gate skips here beside the type checker and pip-audit (which no fixture is about). */
  disable?: string[];
  /** Files the runs find beside the committed project (an environment, build output). */
  prepare?: (dir: string) => void;
  /** What `git status --porcelain` shows after the project's own commands (the gate's must be empty). */
  ownChanges?: string[];
  /** What this fixture is about, beyond the common comparison. */
  then?: (r: { own: Own; ownDir: string; gate: CliRun; env: NodeJS.ProcessEnv }) => Promise<void> | void;
}

/** pytest's last summary line ("3 passed, 1 skipped, 2 warnings in 0.12s"), counted. */
function pytestCounts(output: string): Own['tests'] {
  const line = output.split('\n').reverse().find((l) => /^=+ .* in [\d.]+s/.test(l)) ?? '';
  const n = (word: string): number => Number(new RegExp(`(\\d+) ${word}\\b`).exec(line)?.[1] ?? 0);
  return { passed: n('passed'), failed: n('failed'), skipped: n('skipped'), errors: n('errors?') };
}

/** coverage.py's total from its JSON report. */
const coverageTotal = (path: string): number => (JSON.parse(readFileSync(path, 'utf8')) as { totals: { percent_covered: number } }).totals.percent_covered;

/** ruff's own words: "Found 3 errors (2 fixed, 1 remaining)." / "All checks passed!", and one line a finding left. */
function ruffNumbers(r: Ran): Own['ruff'] {
  const found = /Found (\d+) errors?/.exec(r.output);
  if (!found && !/All checks passed!/.test(r.output)) throw new Error(`ruff check said neither: ${r.output}`);
  return { found: Number(found?.[1] ?? 0), rules: [...r.stdout.matchAll(/^\S+:\d+:\d+: ([A-Z]+\d+)/gm)].map((m) => m[1]!) };
}

/** ruff format's own count: "2 files would be reformatted, 1 file already formatted" (none when all are). */
function reformatCount(r: Ran): number {
  const n = /(\d+) files? would be reformatted/.exec(r.output);
  if (!n && !/already formatted/.test(r.output)) throw new Error(`ruff format --check said neither: ${r.output}`);
  return Number(n?.[1] ?? 0);
}

async function ownCommands(dir: string, spec: Fidelity, env: NodeJS.ProcessEnv): Promise<Own> {
  const out = tempDir();
  const sync = await run(dir, [UV, ...(spec.sync ?? ['sync', '--locked'])], env);
  const own: Own = { sync, coverageWarnings: [], ruff: { found: 0, rules: [] }, reformat: 0 };
  if (sync.code === 0) {
    const json = join(out, 'coverage.json');
    const measures = spec.measures ?? 'pytest-cov';
    if (measures === 'pytest-cov') own.pytest = await run(dir, [UV, 'run', '--no-sync', 'pytest', ...spec.cov, `--cov-report=json:${json}`], env);
    else if (measures === 'coverage-run') {
      own.pytest = await run(dir, [UV, 'run', '--no-sync', 'coverage', 'run', '-m', 'pytest'], env);
      await run(dir, [UV, 'run', '--no-sync', 'coverage', 'combine'], env);
      await run(dir, [UV, 'run', '--no-sync', 'coverage', 'json', '-o', json], env);
    } else own.pytest = await run(dir, [UV, 'run', '--no-sync', 'pytest'], env);
    own.tests = pytestCounts(own.pytest.output);
    if (measures !== 'none') own.coverage = coverageTotal(json);
    own.coverageWarnings = [...new Set([...own.pytest.output.matchAll(/CoverageWarning: (.+?)\s*$/gm)].map((m) => m[1]!))];
  }
  if (spec.bandit) {
    const files = (await run(dir, ['git', 'ls-files', '*.py'], env)).stdout.split('\n').filter(Boolean);
    const report = join(out, 'bandit.json');
    await run(dir, [UV, 'tool', 'run', '--from', PINNED.bandit, 'bandit', '-c', 'pyproject.toml', '-f', 'json', '-o', report, '-q', ...files], env);
    const levels = ['LOW', 'MEDIUM', 'HIGH'];
    const results = (JSON.parse(readFileSync(report, 'utf8')) as { results: { issue_severity: string; issue_confidence: string }[] }).results;
    // At or above the gate's default threshold (medium severity, medium confidence), as `bandit -ll -ii` counts.
    own.bandit = results.filter((x) => levels.indexOf(x.issue_severity) >= 1 && levels.indexOf(x.issue_confidence) >= 1).length;
  }
  if (spec.ruff === false) return own;
  const ruff = spec.ruff === 'project' ? [UV, 'run', '--no-sync', 'ruff'] : [UV, 'tool', 'run', '--from', spec.ruff ?? PINNED.ruff, 'ruff'];
  own.reformat = reformatCount(await run(dir, [...ruff, 'format', '--check'], env));
  // Last: where the project says `fix = true`, its own ruff check rewrites files.
  own.ruff = ruffNumbers(await run(dir, [...ruff, 'check', '--output-format=concise'], env));
  return own;
}

/** A fresh copy of the fixture, committed, with what the runs find beside it. */
function checkout(spec: Fidelity): string {
  const dir = fixture(spec.name);
  commitAll(dir);
  spec.prepare?.(dir);
  return dir;
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const contrastCoverage = async (dir: string, cov: string[], env: NodeJS.ProcessEnv): Promise<{ run: Ran; percent: number | null }> => {
  const json = join(tempDir(), 'coverage.json');
  const r = await run(dir, [UV, 'run', '--no-sync', 'pytest', ...cov, `--cov-report=json:${json}`], env);
  let percent: number | null = null;
  try {
    percent = coverageTotal(json);
  } catch {
    // no report: the run crashed
  }
  return { run: r, percent };
};

/** A closed port as every proxy, and an empty uv cache: nothing can be downloaded. */
const noNetwork = (): NodeJS.ProcessEnv => {
  const closed = 'http://127.0.0.1:9';
  return { HTTPS_PROXY: closed, HTTP_PROXY: closed, ALL_PROXY: closed, https_proxy: closed, http_proxy: closed, all_proxy: closed, NO_PROXY: '', no_proxy: '', UV_CACHE_DIR: tempDir() };
};

const FIXTURES: Fidelity[] = [
  {
    name: 'fidelity-ruff-fix',
    cov: ['--cov=fixme'],
    ruff: 'project',
    ownChanges: [' M src/fixme/core.py'],
    then: ({ own, gate }) => {
      // The project's ruff found the F401 and removed it; the gate's reported it and left the file alone.
      expect(own.ruff).toEqual({ found: 1, rules: [] });
      const lint = check(gate.report, 'ruff-check');
      expect(lint.findings).toEqual([expect.objectContaining({ file: 'src/fixme/core.py', line: 3, rule: 'F401' })]);
      expect(lint.tool).toBe("ruff 0.17.5 from the project's environment");
      expect(gate.stderr).toMatch(/--- ruff-check: \S*uv run --no-sync ruff check --no-fix /);
    },
  },
  {
    name: 'fidelity-coveragerc',
    cov: ['--cov'],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.coverage).toBeLessThan(100);
      expect(check(gate.report, 'coverage').summary).toContain('measured: .coveragerc [run]');
      // `--cov=src` would have counted src/tools/gen_table.py too.
      const old = await contrastCoverage(ownDir, ['--cov=src'], env);
      expect(old.percent).not.toBeNull();
      expect(Math.abs(old.percent! - own.coverage!)).toBeGreaterThan(1);
    },
  },
  {
    name: 'fidelity-tox-coverage',
    cov: ['--cov'],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.coverage).toBeLessThan(100);
      expect(check(gate.report, 'coverage').summary).toContain('measured: tox.ini [coverage:run]');
      // Its floor is coverage.py's, where coverage.py reads it.
      expect(check(gate.report, 'coverage').summary).toMatch(/ ≥ floor 60% \(tox\.ini \[coverage:report\] fail_under\)/);
      const old = await contrastCoverage(ownDir, ['--cov=src'], env);
      expect(old.run.output).toContain('--include is ignored because --source is set');
      expect(Math.abs(old.percent! - own.coverage!)).toBeGreaterThan(1);
    },
  },
  {
    name: 'fidelity-setupcfg-coverage',
    cov: ['--cov'],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.coverageWarnings).toEqual([expect.stringContaining('Module shapes_plugins was never imported')]);
      expect(check(gate.report, 'coverage').summary).toContain('measured: setup.cfg [coverage:run]');
      // `--cov=shapes` (the package the gate would detect) would leave out scripts/ and the warning.
      const old = await contrastCoverage(ownDir, ['--cov=shapes'], env);
      expect(old.run.output).not.toContain('CoverageWarning');
      expect(Math.abs(old.percent! - own.coverage!)).toBeGreaterThan(1);
    },
  },
  {
    name: 'fidelity-coveragerc-toml',
    cov: ['--cov'],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.coverage).toBeLessThan(100);
      expect(check(gate.report, 'coverage').summary).toContain('measured: .coveragerc.toml [run]');
      const old = await contrastCoverage(ownDir, ['--cov=src'], env);
      expect(Math.abs(old.percent! - own.coverage!)).toBeGreaterThan(1);
    },
  },
  {
    name: 'fidelity-native-pytest',
    // Its addopts say --cov=nativecfg: the project's command is a plain `uv run pytest`.
    cov: [],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.coverage).toBeLessThan(100);
      expect(check(gate.report, 'coverage').summary).toContain('measured: [tool.pytest] addopts');
      const old = await contrastCoverage(ownDir, ['--cov=src'], env);
      expect(Math.abs(old.percent! - own.coverage!)).toBeGreaterThan(1);
    },
  },
  {
    name: 'fidelity-filterwarnings',
    cov: ['--cov'],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.pytest!.code).toBe(0);
      expect(check(gate.report, 'pytest').status).toBe('passed');
      expect(check(gate.report, 'coverage').summary).toContain('measured: [tool.coverage.run]');
      // With `--cov=src`, coverage.py's warning is an error here and the run breaks.
      const old = await contrastCoverage(ownDir, ['--cov=src'], env);
      expect(old.run.code).not.toBe(0);
      expect(old.run.output).toContain('--include is ignored because --source is set');
    },
  },
  {
    name: 'fidelity-own-env',
    cov: ['--cov=envcheck'],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.tests).toEqual({ passed: 7, failed: 0, skipped: 0, errors: 0 });
      expect(check(gate.report, 'pytest').status).toBe('passed');
      // The tests do notice a gate's variable in their environment.
      expect(pytestCounts((await run(ownDir, [UV, 'run', '--no-sync', 'pytest'], { ...env, NO_COLOR: '1' })).output)).toMatchObject({ passed: 6, failed: 1 });
    },
  },
  {
    name: 'fidelity-coverage-run',
    cov: [],
    measures: 'coverage-run',
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.tests).toEqual({ passed: 4, failed: 0, skipped: 0, errors: 0 });
      expect(own.coverage).toBeLessThan(100);
      expect(check(gate.report, 'pytest').tool).toBe("pytest 9.2.0 from the project's environment, under `coverage run -m pytest`");
      expect(gate.stderr).toMatch(/--- pytest: \S*uv run --no-sync coverage run --data-file=\S+ -m pytest /);
      // Layered on with `uv run --with pytest-cov`, the tests run on another interpreter and say so.
      const overlay = await run(ownDir, [UV, 'run', '--no-sync', '--with', 'pytest-cov==7.1.0', 'pytest', '--cov'], env);
      expect(pytestCounts(overlay.output)).toMatchObject({ passed: 3, failed: 1 });
      expect(overlay.output).toContain('test_runs_on_the_projects_own_environment');
    },
  },
  {
    name: 'fidelity-no-coverage',
    cov: [],
    measures: 'none',
    then: ({ own, gate }) => {
      expect(own.tests).toEqual({ passed: 3, failed: 0, skipped: 0, errors: 0 });
      // 5 of the 6 statements of src/plaincov (the fixture's pyproject.toml), measured on the project's interpreter.
      expect(gate.report.coverage!.percent).toBe(83.33);
      expect(check(gate.report, 'coverage').summary).toContain('measured: src');
      expect(gate.stderr).toMatch(/--- pytest: \S*uv pip install --quiet --target \S+coverage-py --python \S+ coverage\[toml\]<=7\.17\.5 /);
    },
  },
  {
    name: 'fidelity-multi-source',
    cov: ['--cov'],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.coverage).toBeLessThan(100);
      expect(check(gate.report, 'coverage').status).not.toBe('error');
      // coverage.py's own XML of the same run cannot say which `__init__.py` is which.
      const xml = join(tempDir(), 'coverage.xml');
      await run(ownDir, [UV, 'run', '--no-sync', 'pytest', '--cov', `--cov-report=xml:${xml}`], env);
      const names = [...readFileSync(xml, 'utf8').matchAll(/filename="([^"]+)"/g)].map((m) => m[1]);
      // Both are named `__init__.py`, relative to a <source> root (coverage.py may even drop one of the two).
      expect(names).toContain('__init__.py');
      expect(names.filter((n) => n!.endsWith('/__init__.py'))).toEqual([]);
      expect(gate.report.coverage!.worstFiles.map((f) => f.file).sort()).toEqual(expect.arrayContaining(['tests/__init__.py']));
    },
  },
  {
    name: 'fidelity-workspace',
    sync: ['sync', '--locked', '--all-packages'],
    cov: ['--cov=wsa', '--cov=wsb'],
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.tests).toEqual({ passed: 3, failed: 0, skipped: 0, errors: 0 });
      expect(gate.stderr).toMatch(/--- uv-sync: \S*uv sync --locked --all-packages /);
      // Without --all-packages the members are not installed and collection fails.
      expect((await run(ownDir, [UV, 'sync', '--locked'], env)).code).toBe(0);
      expect((await run(ownDir, [UV, 'run', '--no-sync', 'pytest'], env)).output).toMatch(/ModuleNotFoundError: No module named 'ws[ab]'/);
    },
  },
  {
    name: 'fidelity-flat-venv',
    // No coverage configuration and no package: the project measures its directory.
    cov: ['--cov=.'],
    bandit: true,
    prepare: (dir) => {
      // A second environment and build output beside the project, full of what bandit flags.
      writeFile(join(dir, 'venv', 'lib', 'python3.11', 'site-packages', 'bad.py'), 'import pickle\n\n\ndef load(b):\n    return pickle.loads(b)\n\n\nexec(input())\n');
      writeFile(join(dir, 'build', 'lib', 'bad.py'), 'import hashlib\n\nexec(open("x").read())\nhashlib.md5(b"x")\n');
    },
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.bandit).toBe(1);
      expect(check(gate.report, 'bandit').findings).toEqual([expect.objectContaining({ file: 'app.py', rule: 'B602' })]);
      // What the gate left out is there to find: bandit flags the planted files when pointed at them.
      const planted = await run(ownDir, [UV, 'tool', 'run', '--from', PINNED.bandit, 'bandit', '-r', 'venv', 'build', '-f', 'json', '-q'], env);
      const files = (JSON.parse(planted.stdout) as { results: { filename: string }[] }).results.map((x) => x.filename);
      expect(new Set(files)).toEqual(new Set(['venv/lib/python3.11/site-packages/bad.py', 'build/lib/bad.py']));
    },
  },
  {
    name: 'fidelity-tox-uv',
    cov: ['--cov=toxuvdemo'],
    then: async ({ ownDir, gate, env }) => {
      // The project's environment has its own uv, at another version than the one the gate was given.
      expect((await run(ownDir, [join(ownDir, '.venv', 'bin', 'uv'), '--version'], env)).stdout).toMatch(/^uv 0\.13\.9\b/);
      expect((await run(ownDir, [UV, '--version'], env)).stdout).toMatch(/^uv 0\.13\.8\b/);
      expect(check(gate.report, 'uv').summary).toBe('uv 0.13.8');
      expect(check(gate.report, 'uv-version').status).toBe('passed');
      // Every uv the gate ran, the custom command's included, is the given one by its path.
      const uvCalls = [...gate.stderr.matchAll(/^--- ([\w-]+): (\S*\buv) /gm)];
      expect(uvCalls.length).toBeGreaterThan(5);
      expect(new Set(uvCalls.map((m) => m[2]))).toEqual(new Set([UV]));
      expect(gate.stderr).toMatch(new RegExp(`--- uv-version: ${UV} --version \\(exit 0\\)\\nuv 0\\.13\\.8`));
    },
  },
  {
    name: 'fidelity-precommit-ruff',
    cov: ['--cov=pinnedfmt'],
    ruff: 'ruff==0.6.9',
    then: async ({ own, ownDir, gate, env }) => {
      expect(own.ruff).toEqual({ found: 1, rules: ['UP007'] });
      expect(check(gate.report, 'ruff-check').findings.map((f) => f.rule)).toEqual(['UP007']);
      const pinned = 'ruff==0.6.9 from .pre-commit-config.yaml (astral-sh/ruff-pre-commit rev v0.6.9)';
      expect(check(gate.report, 'ruff-check').tool).toBe(pinned);
      expect(check(gate.report, 'ruff-format')).toMatchObject({ status: 'passed', tool: pinned });
      // The action's ruff would name the finding otherwise and reformat the f-string.
      const newer = [UV, 'tool', 'run', '--from', PINNED.ruff, 'ruff'];
      expect(own.reformat).toBe(0);
      expect(reformatCount(await run(ownDir, [...newer, 'format', '--check'], env))).toBe(1);
      expect(ruffNumbers(await run(ownDir, [...newer, 'check', '--output-format=concise'], env)).rules).toEqual(['UP045']);
    },
  },
  {
    name: 'fidelity-no-lock',
    cov: ['--cov=nolock'],
    then: ({ own, gate }) => {
      expect(own.sync.code).not.toBe(0);
      expect(own.sync.output).toContain('Unable to find lockfile');
      expect(check(gate.report, 'uv-sync')).toMatchObject({ status: 'failed', summary: 'no uv.lock — run `uv lock` and commit uv.lock' });
      expect(check(gate.report, 'pytest').status).toBe('skipped');
    },
  },
  {
    name: 'fidelity-git-dep',
    cov: ['--cov=gitdep'],
    env: noNetwork,
    ruff: false,
    disable: ['ruff-format', 'ruff-check', 'pytest', 'coverage', 'diff-coverage', 'bandit'],
    then: ({ own, gate }) => {
      expect(own.sync.code).not.toBe(0);
      expect(own.sync.output).toMatch(/git fetch .*github\.com\/nebula-gate-fixtures\/tinylib[\s\S]*(Failed to connect|Could not resolve host)/);
      const sync = check(gate.report, 'uv-sync');
      expect(sync.status).toBe('error');
      expect(sync.summary).toMatch(/^uv sync could not reach the network \(.*tinylib.*\) — the runner's fault, not the project's/);
    },
  },
];

describe('the gate agrees with the project’s own commands', () => {
  test.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_, spec) => {
    const env = (): NodeJS.ProcessEnv => ({ ...SHELL, ...spec.env?.() });
    const ownDir = checkout(spec);
    const gateDir = checkout(spec);
    const ownEnv = env();
    const [own, gate] = await Promise.all([
      ownCommands(ownDir, spec, ownEnv),
      runCli(gateDir, ['--no-color', '--verbose', '--osv-url', osv.url, '--disable', ['types', 'pip-audit', ...(spec.disable ?? [])].join(',')], env()),
    ]);
    const { report } = gate;

    // The checkout: the project's commands change what they change; the gate changes nothing.
    expect(gitStatus(ownDir)).toEqual(spec.ownChanges ?? []);
    expect(gitStatus(gateDir)).toEqual([]);

    expect(check(report, 'uv-sync').status === 'passed').toBe(own.sync.code === 0);
    if (own.tests) {
      expect(report.tests).toMatchObject(own.tests);
      expect(report.coverage).not.toBeNull();
      if (own.coverage !== undefined) expect(Math.abs(report.coverage!.percent - own.coverage)).toBeLessThanOrEqual(0.01);
      const coverage = check(report, 'coverage').summary;
      for (const w of own.coverageWarnings) expect(coverage).toContain(w);
      if (own.coverageWarnings.length === 0) expect(coverage).not.toContain('coverage.py warned');
    } else {
      expect(report.tests).toBeNull();
    }
    if (spec.ruff !== false) {
      expect(check(report, 'ruff-check').findings.length).toBe(own.ruff.found);
      expect(check(report, 'ruff-format').findings.length).toBe(own.reformat);
    }
    if (own.bandit !== undefined) expect(check(report, 'bandit').findings.length).toBe(own.bandit);
    await spec.then?.({ own, ownDir, gate, env: ownEnv });
  });
});
