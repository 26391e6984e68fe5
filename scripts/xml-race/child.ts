/**
 * One measurement of the reader race, in a fresh process: `child.ts CONTENDER junit|cobertura FILE [BASELINE_DIR]`
 * reads FILE (not timed), then parses it into the model (JUnit cases / Cobertura per-file line maps, counts
 * recomputed from the elements) and prints one JSON line: the time, the peak RSS of the process, the counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coberturaFromDocument, parseCobertura } from '../../src/reports/cobertura.js';
import { JUNIT_LONG_TEXT_TAGS, junitFromDocument, parseJunit } from '../../src/reports/junit.js';
import { coverageTotals, summarizeTests, type CoverageReport, type TestReport } from '../../src/reports/model.js';
import { parseXmlDocument } from '../../src/reports/xml/parse.js';

export type Kind = 'junit' | 'cobertura';

interface Reader {
  junit(text: string, path: string): TestReport;
  cobertura(text: string, path: string): CoverageReport;
}

const ROOT = '/project';

/** The contenders by name. `baseline` is src/reports as of a commit, copied out by race.ts. */
export const CONTENDERS: Record<string, string> = {
  baseline: 'src/reports at the baseline commit (fast-xml-parser + its hand-written fast path)',
  src: 'src/reports now (saxes, bulk elements streamed)',
  'saxes-tree': 'saxes, the whole tree built, then the model',
  fxp: 'fast-xml-parser alone, the whole tree, then the model',
};

async function reader(name: string, baselineDir: string | undefined): Promise<Reader> {
  switch (name) {
    case 'src':
      return { junit: (t, p) => parseJunit(t, p, ROOT), cobertura: (t, p) => parseCobertura(t, p, ROOT) };
    case 'saxes-tree':
      return {
        junit: (t, p) => junitFromDocument(parseXmlDocument(t, p, { longTextTags: JUNIT_LONG_TEXT_TAGS }), p, ROOT),
        cobertura: (t, p) => coberturaFromDocument(parseXmlDocument(t, p), p, ROOT),
      };
    case 'fxp': {
      const { parseWithFxp } = await import('./fxp-reader.js');
      return {
        junit: (t, p) => junitFromDocument(parseWithFxp(t, p, JUNIT_LONG_TEXT_TAGS), p, ROOT),
        cobertura: (t, p) => coberturaFromDocument(parseWithFxp(t, p), p, ROOT),
      };
    }
    case 'baseline': {
      if (baselineDir === undefined) throw new Error('the baseline contender needs its directory');
      const junit = (await import(pathToFileURL(join(baselineDir, 'junit.ts')).href)) as { parseJunit: typeof parseJunit };
      const cobertura = (await import(pathToFileURL(join(baselineDir, 'cobertura.ts')).href)) as { parseCobertura: typeof parseCobertura };
      return { junit: (t, p) => junit.parseJunit(t, p, ROOT), cobertura: (t, p) => cobertura.parseCobertura(t, p, ROOT) };
    }
    default:
      throw new Error(`unknown contender ${name}`);
  }
}

async function main(): Promise<void> {
  const [name, kind, file, baselineDir] = process.argv.slice(2) as [string, Kind, string, string | undefined];
  const read = await reader(name, baselineDir);
  const text = readFileSync(file, 'utf8');
  global.gc?.();
  const t0 = performance.now();
  let counts: Record<string, number>;
  if (kind === 'junit') {
    counts = { ...summarizeTests(read.junit(text, file).cases) };
  } else {
    const { files } = read.cobertura(text, file);
    counts = { files: files.length, ...coverageTotals(files) };
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, peakRssMB: (process.resourceUsage().maxRSS * 1024) / 2 ** 20, counts }));
}

if (process.argv[1]?.endsWith('child.ts')) await main();
