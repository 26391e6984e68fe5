/**
 * The hostile report corpus (SECURITY.md R8.1): test/fixtures/hostile/<format>/* plus expected.json, and the
 * generators for the entries too big to commit (100,000 test cases, 10,000 coverage files, bombs of several
 * megabytes, files over the size cap). scripts/gen-hostile-corpus.ts writes the committed files; the corpus test
 * (test/reports/hostile-corpus.test.ts) writes the generated ones to a temporary directory at test time.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './project.js';

export const HOSTILE_DIR = join(REPO_ROOT, 'test', 'fixtures', 'hostile');

export type CorpusFormat = 'junit' | 'cobertura' | 'ruff' | 'mypy' | 'bandit' | 'pip-audit' | 'pyright';

export interface CorpusEntry {
  /** Path under test/fixtures/hostile (committed), or under the test's temporary directory (generated). */
  file: string;
  format: CorpusFormat;
  /** What the issue's list calls it (empty, truncated, billion-laughs, …). */
  covers: string;
  outcome: 'parse' | 'error';
  /** For `error`: a regular expression the ReportError's reason must match. */
  errorMatch?: string;
  /** For `parse`: the counts the parser must find. */
  counts?: Record<string, number>;
  /** For JUnit entries: what a custom check reading it must report (test/integration/hostile-e2e.test.ts). */
  check?: 'passed' | 'failed' | 'error';
  /** Set for entries made at test time by `generate(name)`. */
  generate?: GeneratorName;
  /** A bomb: must be rejected in under a second with bounded memory. */
  bomb?: boolean;
}

export const PROJECT_ROOT = '/tmp/nebula-gate-fixtures/demo';

// ---- generators ---------------------------------------------------------------------------------------

/** A pytest-shaped JUnit report with `n` test cases, one in 100 failing, one in 50 skipped. */
export function junitCases(n: number): string {
  const parts = ['<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" tests="0" failures="0">'];
  for (let i = 0; i < n; i++) {
    const head = `<testcase classname="tests.test_m${i % 100}" name="test_${i}" file="tests/test_m${i % 100}.py" line="${i % 300}" time="0.001"`;
    if (i % 100 === 1) parts.push(`${head}><failure message="assert ${i} == 0">E assert ${i} == 0</failure></testcase>`);
    else if (i % 50 === 3) parts.push(`${head}><skipped message="later">skip</skipped></testcase>`);
    else parts.push(`${head}/>`);
  }
  parts.push('</testsuite></testsuites>');
  return parts.join('\n');
}

/** A coverage.py-shaped Cobertura report with `files` files of 20 lines, 15 of them hit. */
export function coberturaFiles(files: number): string {
  const parts = [`<?xml version="1.0" ?><coverage version="7.17.3" line-rate="1"><sources><source>${PROJECT_ROOT}</source></sources><packages><package name="p"><classes>`];
  for (let f = 0; f < files; f++) {
    parts.push(`<class name="m${f}.py" filename="src/p/m${f}.py"><methods/><lines>`);
    for (let n = 1; n <= 20; n++) parts.push(`<line number="${n}" hits="${n <= 15 ? 1 : 0}"/>`);
    parts.push('</lines></class>');
  }
  parts.push('</classes></package></packages></coverage>');
  return parts.join('');
}

export function billionLaughs(levels = 10): string {
  const decl = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i < levels; i++) decl.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE testsuites [\n${decl.join('\n')}\n]>\n<testsuites><testsuite name="x"><testcase name="&lol${levels - 1};"/></testsuite></testsuites>\n`;
}

export function quadraticBlowup(entityChars: number, refs: number): string {
  return `<?xml version="1.0"?><!DOCTYPE testsuites [<!ENTITY a "${'a'.repeat(entityChars)}">]><testsuites><testsuite name="q"><testcase name="q"><failure message="x">${'&a;'.repeat(refs)}</failure></testcase></testsuite></testsuites>`;
}

export function deepNesting(depth: number, tag = 'testsuite'): string {
  return `<testsuites>${`<${tag}>`.repeat(depth)}${`</${tag}>`.repeat(depth)}</testsuites>`;
}

const generators = {
  'junit-100k': (path: string) => writeFileSync(path, junitCases(100_000)),
  'cobertura-10k-files': (path: string) => writeFileSync(path, coberturaFiles(10_000)),
  'billion-laughs-deep': (path: string) => writeFileSync(path, billionLaughs(30)),
  'quadratic-3mb': (path: string) => writeFileSync(path, quadraticBlowup(100_000, 1_000_000)),
  'deep-1m': (path: string) => writeFileSync(path, deepNesting(1_000_000, 'a')),
  'text-run-9m': (path: string) => writeFileSync(path, `<testsuites>${'x'.repeat(9 * 1024 * 1024)}</testsuites>`),
  'elements-3m': (path: string) => writeFileSync(path, `<testsuites>${'<a/>'.repeat(3_000_000)}</testsuites>`),
  'attributes-100k': (path: string) => writeFileSync(path, `<testsuites><testsuite ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ')}/></testsuites>`),
  // Sparse files: the size is checked before a byte is read, so these cost no disk.
  'over-cap-64mib': (path: string) => sparse(path, 64 * 1024 * 1024 + 1),
  'over-cap-256mib': (path: string) => sparse(path, 256 * 1024 * 1024 + 1),
  directory: (path: string) => mkdirSync(path, { recursive: true }),
  missing: () => undefined,
} satisfies Record<string, (path: string) => void>;

export type GeneratorName = keyof typeof generators;

export function generate(name: GeneratorName, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  generators[name](path);
}

function sparse(path: string, size: number): void {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}
