/**
 * Which distributions the project's environment holds, read from its site-packages (`<name>-<version>.dist-info`),
 * the way the interpreter itself finds them. A companion such as pytest-cov has no executable to look for.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathKind } from '../fs-kind.js';

/** PEP 503 name normalisation, then the dist-info form (`-`, `_` and `.` runs to `_`), lower case. */
const distInfoName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '_');

function sitePackages(venv: string): string[] {
  const windows = join(venv, 'Lib', 'site-packages');
  if (pathKind(windows) === 'directory') return [windows];
  const lib = join(venv, 'lib');
  if (pathKind(lib) !== 'directory') return [];
  return readdirSync(lib).filter((d) => /^(python|pypy)\d/.test(d)).map((d) => join(lib, d, 'site-packages')).filter((d) => pathKind(d) === 'directory');
}

/** The installed version of a distribution (from its `<name>-<version>.dist-info`), or null; read afresh each call. */
export function installedVersions(venv: string): (name: string) => string | null {
  return (name) => {
    const wanted = distInfoName(name);
    for (const dir of sitePackages(venv)) {
      for (const entry of readdirSync(dir)) {
        if (!entry.endsWith('.dist-info')) continue;
        const stem = entry.slice(0, -'.dist-info'.length);
        const dash = stem.indexOf('-');
        if (distInfoName(dash < 0 ? stem : stem.slice(0, dash)) === wanted) return dash < 0 ? '' : stem.slice(dash + 1);
      }
    }
    return null;
  };
}

/** A lookup of installed distributions (the environment changes with `uv sync`, so each call reads afresh). */
export function installedDistributions(venv: string): (name: string) => boolean {
  const version = installedVersions(venv);
  return (name) => version(name) !== null;
}
