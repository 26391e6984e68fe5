/**
 * How pytest runs under coverage, chosen by what the project's environment holds, so that the tests run as the
 * project's own CI runs them — with the project's interpreter as `sys.executable`:
 * - pytest-cov installed: `pytest --cov …` (what such projects run).
 * - coverage.py installed, pytest-cov not: `coverage run -m pytest …`, then `coverage xml` (what such projects run:
 *   dirty-equals, starlette, pydantic-settings, python-sdk).
 * - neither: coverage.py is installed into a directory of the gate's own and *appended* to `sys.path` of the
 *   project's interpreter, which then runs `coverage run -m pytest`. Layering it on with `uv run --with` instead
 *   would make `sys.executable` an overlay interpreter, and code that finds tools beside `sys.executable` (ruff's
 *   `find_ruff_bin`, as pytest-examples calls it) fails: 61 of dirty-equals' tests failed that way.
 * - pytest itself not installed: pytest and pytest-cov are layered on with `uv run --with` (the project cannot run
 *   its tests without the gate's help, so there is no interpreter of its own to keep).
 * The gate judges the floor itself, so the tools' own `fail_under` is switched off in the commands it runs.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { commandFor, errorText } from './common.js';
import { processFailure, type CheckContext } from './context.js';
import { PINNED_TOOLS } from './tools.js';

export interface MeasuredPytest {
  /** The command up to pytest; pytest's arguments follow, then `pytestCovArgs`. */
  argv: string[];
  pytestCovArgs: string[];
  /** What is measured, for the report ("[tool.coverage.run]", "src"). */
  measured: string;
  /** After pytest: writes the Cobertura report when pytest itself did not; returns why it could not, or null. */
  writeReport(): Promise<string | null>;
  /** Why coverage cannot be measured at all (its install failed); pytest then runs without it. */
  unavailable: string | null;
}

const noReport = async (): Promise<null> => null;

/** `coverage <args>` run by the project's interpreter from `dir`, appended to its `sys.path` (see above). */
const appendedCoverage = (uv: string, dir: string): string[] => [uv, 'run', '--no-sync', 'python', '-c', `import sys; sys.path.append(${JSON.stringify(dir)}); from coverage.cmdline import main; sys.exit(main())`];

/** Where the coverage reports go: Cobertura (for shards, custom consumers) and coverage.py's JSON (what the gate reads). */
export interface CoverageOutputs {
  cobertura: string;
  json: string;
}

export async function measuredPytest(ctx: CheckContext, out: CoverageOutputs, timeoutSec: number): Promise<MeasuredPytest> {
  const { cobertura, json } = out;
  const { coverage } = ctx;
  const measured = coverage.pytestAddopts ?? coverage.config ?? ctx.sources.join(', ');
  const hasPytest = ctx.installedInProject('pytest');
  if (ctx.installedInProject('pytest-cov') || !hasPytest) {
    // The project's addopts already carry --cov, or its coverage.py configuration names the source (then a bare
    // --cov lets coverage.py read it); only when neither does the gate name the detected sources.
    const source = coverage.pytestAddopts !== null ? [] : coverage.config !== null ? ['--cov'] : ctx.sources.map((s) => `--cov=${s}`);
    return {
      argv: commandFor(ctx, 'pytest', 'pytest', 'import-project', ['pytest-cov']),
      pytestCovArgs: [...source, `--cov-report=xml:${cobertura}`, `--cov-report=json:${json}`, '--cov-fail-under=0'],
      measured,
      writeReport: noReport,
      unavailable: null,
    };
  }
  let coverageCmd: string[];
  if (ctx.installedInProject('coverage')) {
    coverageCmd = [ctx.uv, 'run', '--no-sync', 'coverage'];
    const version = ctx.versionInProject('coverage');
    ctx.facts.set('tool:coverage', `coverage.py${version ? ` ${version}` : ''} from the project's environment (\`coverage run -m pytest\`: the project has no pytest-cov)`);
  } else {
    const dir = join(ctx.outDir, 'coverage-py');
    // "At most the pin": the newest coverage.py the project's interpreter supports (7.17 needs Python 3.10+).
    const requirement = `coverage[toml]<=${PINNED_TOOLS.coverage}`;
    const install = await ctx.exec('pytest', [ctx.uv, 'pip', 'install', '--quiet', '--target', dir, '--python', ctx.facts.get('venv-python')!, requirement], { timeoutSec: Math.min(timeoutSec, 300) });
    if (install.exitCode !== 0) {
      const why = processFailure(install, Math.min(timeoutSec, 300)) ?? errorText(install.output);
      return { argv: commandFor(ctx, 'pytest', 'pytest', 'import-project'), pytestCovArgs: [], measured, writeReport: noReport, unavailable: `coverage.py (${requirement}) could not be installed for the tests' interpreter: ${why} — add coverage or pytest-cov to the project's dev group` };
    }
    coverageCmd = appendedCoverage(ctx.uv, dir);
    ctx.facts.set('tool:coverage', `coverage.py ${requirement} beside the project's environment (the project installs neither coverage nor pytest-cov)`);
  }
  const pytestVersion = ctx.versionInProject('pytest');
  ctx.facts.set('tool:pytest', `pytest${pytestVersion ? ` ${pytestVersion}` : ''} from the project's environment, under \`coverage run -m pytest\``);
  const dataFile = join(ctx.outDir, '.coverage');
  // The project's coverage.py configuration names what to measure; when it does not, the detected sources.
  const source = coverage.config !== null ? [] : [`--source=${ctx.sources.join(',')}`];
  return {
    argv: [...coverageCmd, 'run', `--data-file=${dataFile}`, ...source, '-m', 'pytest'],
    pytestCovArgs: [],
    measured,
    unavailable: null,
    async writeReport() {
      // `parallel = true` in the project's [run] leaves one data file per process, to be combined first.
      const parts = readdirSync(dirname(dataFile)).filter((f) => f.startsWith(`${basename(dataFile)}.`));
      if (parts.length > 0) {
        const combined = await ctx.exec('pytest', [...coverageCmd, 'combine', `--data-file=${dataFile}`], { timeoutSec: 120 });
        if (combined.exitCode !== 0) return `coverage combine failed: ${processFailure(combined, 120) ?? errorText(combined.output)}`;
      }
      // Exit 2 is coverage.py's fail_under, which the gate judges itself; the report is written either way.
      // -i: a measured file that is not Python after all (jinja's test templates) is skipped with a warning, as
      // pytest-cov's report does, instead of failing the whole report.
      const xml = await ctx.exec('pytest', [...coverageCmd, 'xml', `--data-file=${dataFile}`, '-o', cobertura, '--fail-under=0', '-i'], { timeoutSec: 120 });
      if (xml.exitCode !== 0) return `coverage xml failed: ${processFailure(xml, 120) ?? errorText(xml.output)}`;
      const asJson = await ctx.exec('pytest', [...coverageCmd, 'json', `--data-file=${dataFile}`, '-o', json, '--fail-under=0', '-i'], { timeoutSec: 120 });
      return asJson.exitCode === 0 ? null : `coverage json failed: ${processFailure(asJson, 120) ?? errorText(asJson.output)}`;
    },
  };
}
