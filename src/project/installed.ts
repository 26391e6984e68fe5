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

/** A lookup of installed distributions; read afresh each call (the environment changes with `uv sync`). */
export function installedDistributions(venv: string): (name: string) => boolean {
  return (name) => {
    const wanted = distInfoName(name);
    return sitePackages(venv).some((dir) =>
      readdirSync(dir).some((entry) => entry.endsWith('.dist-info') && distInfoName(entry.slice(0, entry.indexOf('-') < 0 ? undefined : entry.indexOf('-'))) === wanted),
    );
  };
}
