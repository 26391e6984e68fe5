/** The setup phase: uv answers, a Python matches the project, the environment installs from uv.lock. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GateConfig } from '../config/resolve.js';
import { brokenProcess, defineCheck, environmentFault, errorText, lastLine, needs } from './common.js';
import { STATIC_CHECKS } from '../model/registry.js';
import { outcome, tail, type CheckContext, type CheckDefinition, type PartialResult } from './context.js';

export const uvCheck = (c: GateConfig): CheckDefinition =>
  defineCheck(c, 'uv', { after: [], requires: [] }, async (ctx) => {
    if (ctx.uvUnavailable) return outcome('error', `uv could not be installed: ${ctx.uvUnavailable}`);
    const r = await ctx.exec('uv', [ctx.uv, '--version'], { timeoutSec: 60 });
    const broken = brokenProcess(r, 60, 'uv');
    if (broken) return { ...broken, summary: `${broken.summary} — install uv (https://docs.astral.sh/uv/) or put it on PATH` };
    const m = /uv (\d+\.\d+\.\d+\S*)/.exec(r.output);
    if (r.exitCode !== 0 || !m) return outcome('error', `uv --version failed: ${lastLine(r.output)}`, { exitCode: r.exitCode });
    ctx.facts.set('uv-version', m[1]!);
    return outcome('passed', `uv ${m[1]}`, { exitCode: 0 });
  }, 60);

export const pythonCheck = (c: GateConfig): CheckDefinition =>
  defineCheck(c, 'python', needs('uv'), async (ctx, timeoutSec) => {
    const request = c.pythonVersion ? [c.pythonVersion] : [];
    let find = await ctx.exec('python', [ctx.uv, 'python', 'find', ...request], { timeoutSec: 60 });
    if (find.exitCode !== 0 && !find.spawnError && process.env.UV_PYTHON_DOWNLOADS !== 'never') {
      // Not installed yet: let uv fetch a managed build (it honours UV_PYTHON_DOWNLOADS itself).
      await ctx.exec('python', [ctx.uv, 'python', 'install', ...request], { timeoutSec });
      find = await ctx.exec('python', [ctx.uv, 'python', 'find', ...request], { timeoutSec: 60 });
    }
    const broken = brokenProcess(find, 60, 'uv python find');
    if (broken) return broken;
    const path = lastLine(find.output);
    if (find.exitCode !== 0 || path === '') {
      // No such interpreter on this runner is the environment's fault, not the project's: an error. A request uv
      // refuses (a version it does not support, a malformed one) is the configuration's: failed.
      const wanted = c.pythonVersion ?? 'the project (requires-python / .python-version)';
      const said = errorText(find.output);
      if (environmentFault(find.output) === 'interpreter') {
        return outcome('error', `no Python matches ${wanted} on this runner: ${said} — install it (actions/setup-python, or let uv download it) or name another with python-version`, { exitCode: find.exitCode, outputTail: tail(find.output) });
      }
      return outcome('failed', `uv cannot use the Python request ${wanted}: ${said}`, { exitCode: find.exitCode, outputTail: tail(find.output) });
    }
    const v = await ctx.exec('python', [path, '-c', 'import platform; print(platform.python_version())'], { timeoutSec: 60 });
    const version = /^(\d+\.\d+\.\d+\S*)$/m.exec(v.output)?.[1];
    if (v.exitCode !== 0 || !version) return outcome('error', `the interpreter ${path} did not run: ${lastLine(v.output)}`, { exitCode: v.exitCode });
    ctx.facts.set('python-path', path);
    ctx.facts.set('python-version', version);
    return outcome('passed', `Python ${version}`, { exitCode: 0 });
  });

/**
 * `uv sync` of the whole project. In strict order it waits for every static check to finish (R9): it builds the
 * project, which runs the PR's code (setup.py, a build backend's hooks), and from then on nothing the PR's code
 * could touch is trusted.
 */
export const syncCheck = (c: GateConfig): CheckDefinition =>
  defineCheck(c, 'uv-sync', c.order === 'strict' ? { after: ['uv-sync-deps', ...STATIC_CHECKS], requires: ['uv-sync-deps'] } : needs('python'), (ctx, timeoutSec) =>
    runSync(ctx, c, timeoutSec, 'project'),
  );

/**
 * Strict order's first sync: the locked third-party dependencies only. `--frozen` installs from uv.lock without
 * resolving the project (a dynamic-metadata project would be built to be resolved); `--no-install-project`,
 * `--no-install-workspace` and `--no-install-local` leave out every package whose code is in the checkout. Whether
 * the lock matches pyproject.toml is the full sync's to say (`--locked`).
 */
export const depsSyncCheck = (c: GateConfig): CheckDefinition =>
  defineCheck(c, 'uv-sync-deps', needs('python'), (ctx, timeoutSec) => runSync(ctx, c, timeoutSec, 'dependencies'));

async function runSync(ctx: CheckContext, c: GateConfig, timeoutSec: number, what: 'project' | 'dependencies'): Promise<PartialResult> {
  const id = what === 'project' ? 'uv-sync' : 'uv-sync-deps';
  // The action restores a cached environment before the first sync and saves it after the full one; the sync runs
  // either way, a no-op when the cache was good.
  const started = performance.now();
  const hookExec = (argv: string[]) => ctx.exec(id, argv, { timeoutSec: 120 });
  const first = what === 'dependencies' || c.order !== 'strict';
  const cacheNote = ctx.venvCache && first ? await ctx.venvCache.restore(ctx.facts, hookExec) : null;
  // The interpreter the python check resolved, named on the command: nothing the gate needs reaches the tests' environment.
  const python = ['--python', ctx.facts.get('python-path')!];
  const args = c.checks['uv-sync'].args;
  const members = ctx.allPackages && !args.includes('--all-packages') ? ['--all-packages'] : [];
  const mode = what === 'project' ? ['--locked'] : ['--frozen', '--no-install-project', '--no-install-workspace', '--no-install-local'];
  const r = await ctx.exec(id, [ctx.uv, 'sync', ...mode, ...members, ...python, ...args], { timeoutSec });
  const broken = brokenProcess(r, timeoutSec, 'uv sync');
  if (broken) return broken;
  if (r.exitCode === 0) {
    if (what === 'project') await ctx.venvCache?.save(hookExec);
    const setup = cacheNote === null ? '' : ` · setup ${((performance.now() - started) / 1000).toFixed(1)} s (${cacheNote})`;
    const said = what === 'project' ? 'environment in sync with uv.lock' : "the locked dependencies, without the project's own packages (the static checks run on them before any project code)";
    return outcome('passed', `${said}${setup}`, { exitCode: 0 });
  }
  const failed = (summary: string) => outcome('failed', summary, { exitCode: r.exitCode, outputTail: tail(r.output) });
  if (!existsSync(join(c.projectDir, 'uv.lock'))) return failed('no uv.lock — run `uv lock` and commit uv.lock');
  const fault = environmentFault(r.output);
  if (fault === 'network') {
    return outcome('error', `uv sync could not reach the network (${errorText(r.output)}) — the runner's fault, not the project's: retry, or check the index, proxy or a git dependency's host`, { exitCode: r.exitCode, outputTail: tail(r.output) });
  }
  if (/lockfile .* needs to be updated|The lockfile at `uv\.lock` needs to be updated/i.test(r.output)) return failed('uv.lock is out of date with pyproject.toml — run `uv lock` and commit uv.lock');
  return failed(`uv sync ${mode[0]} failed: ${errorText(r.output)}`);
}
