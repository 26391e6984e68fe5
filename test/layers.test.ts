/**
 * The shape of src/: layers point one way, files stay small enough to have one owner, inputs are read in one
 * place. Read from the sources themselves, so a change that breaks the shape fails here.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { REPO_ROOT } from './support/project.js';

const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const rel = (file: string): string => relative(SRC, file).split('\\').join('/');

/** Every import of a file, as a src-relative module path (`process/run.ts`) or a bare package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s[^'"]*?from\s+'([^']+)'/gm)].map((m) => {
    const spec = m[1]!;
    if (!spec.startsWith('.')) return spec;
    return posix.normalize(posix.join(posix.dirname(rel(file)), spec)).replace(/\.js$/, '.ts');
  });
}

/** Pure layers: parsers, decisions, rendering, the merge core, the configuration resolver and the shared model. */
const PURE = (f: string): boolean =>
  (/^(reports|gate|render|text|model)\//.test(f) && f !== 'reports/loader.ts') || ['merge/merge.ts', 'merge/split.ts', 'merge/bundle.ts', 'config/values.ts', 'config/options.ts', 'config/pyproject.ts', 'config/resolve.ts', 'config/errors.ts'].includes(f);
const FORBIDDEN = /^(process\/|action\/|checks\/|setup\/|cache\/|github\/|engine\.ts|main\.ts|cli\.ts|@actions\/|node:fs|node:child_process|node:os)/;

describe('the shape of src/', () => {
  const files = sourceFiles().map((f) => ({ path: f, name: rel(f) }));

  test('pure layers import no process runner, action input, GitHub, cache or filesystem module', () => {
    const offences = files.filter((f) => PURE(f.name)).flatMap((f) => importsOf(f.path).filter((i) => FORBIDDEN.test(i)).map((i) => `${f.name} → ${i}`));
    expect(offences).toEqual([]);
  });

  test('no file in src/ is over 400 lines', () => {
    const long = files.map((f) => ({ name: f.name, lines: readFileSync(f.path, 'utf8').split('\n').length })).filter((f) => f.lines > 400);
    expect(long).toEqual([]);
  });

  test('main.ts is the only caller of core.getInput', () => {
    const callers = files.filter((f) => /\bcore\.getInput\(|\bgetInput as\b/.test(readFileSync(f.path, 'utf8'))).map((f) => f.name);
    expect(callers).toEqual(['main.ts']);
  });
});
