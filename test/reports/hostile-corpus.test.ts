/**
 * The hostile report corpus (SECURITY.md R8.1, issue 6): every entry of test/fixtures/hostile/expected.json through
 * the real loader and parsers. Each one is either the expected parse (counts recomputed from the elements) or a
 * ReportError naming the file with the expected reason — never another exception; bombs are refused in under a
 * second with bounded memory. What a custom check makes of each JUnit entry end to end is proven in
 * test/integration/hostile-e2e.test.ts.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCobertura, loadJunit, readReportFile } from '../../src/reports/loader.js';
import { coverageTotals, ReportError, summarizeTests } from '../../src/reports/model.js';
import { parseRuffCheckJson } from '../../src/reports/tools/ruff.js';
import { parseMypyJsonLines } from '../../src/reports/tools/mypy.js';
import { parseBanditJson } from '../../src/reports/tools/bandit.js';
import { parsePipAuditJson } from '../../src/reports/tools/pip-audit.js';
import { parsePyrightJson } from '../../src/reports/tools/pyright.js';
import { generate, HOSTILE_DIR, PROJECT_ROOT, type CorpusEntry } from '../support/hostile.js';

const entries = JSON.parse(readFileSync(join(HOSTILE_DIR, 'expected.json'), 'utf8')) as CorpusEntry[];
const genDir = mkdtempSync(join(tmpdir(), 'ng-hostile-'));
afterAll(() => rmSync(genDir, { recursive: true, force: true }));

/** The file an entry names: committed, or generated now into a private directory. */
export function entryPath(e: CorpusEntry, dir = genDir): string {
  if (!e.generate) return join(HOSTILE_DIR, e.file);
  const path = join(dir, e.file);
  generate(e.generate, path);
  return path;
}

/** Loads and parses an entry as the engine would, returning the counts the manifest records. */
async function load(e: CorpusEntry, path: string): Promise<Record<string, number>> {
  switch (e.format) {
    case 'junit': {
      const t = summarizeTests((await loadJunit(path, PROJECT_ROOT)).cases);
      return { total: t.total, passed: t.passed, failed: t.failed, errors: t.errors, skipped: t.skipped };
    }
    case 'cobertura': {
      const { files } = await loadCobertura(path, PROJECT_ROOT);
      const t = coverageTotals(files);
      return { files: files.length, linesTotal: t.linesTotal, linesCovered: t.linesCovered, branchesTotal: t.branchesTotal, branchesCovered: t.branchesCovered };
    }
    case 'ruff':
      return { findings: parseRuffCheckJson(await readReportFile(path), path, PROJECT_ROOT).length };
    case 'mypy':
      return { findings: parseMypyJsonLines(await readReportFile(path), path, PROJECT_ROOT).length };
    case 'bandit':
      return { findings: parseBanditJson(await readReportFile(path), path, PROJECT_ROOT, { severity: 'medium', confidence: 'medium' }).length };
    case 'pip-audit':
      return { vulnerabilities: parsePipAuditJson(await readReportFile(path), path, []).vulnerabilities.length };
    case 'pyright':
      return { findings: parsePyrightJson(await readReportFile(path), path, PROJECT_ROOT).length };
  }
}

const tally = { parsed: 0, refused: 0, bombs: 0, slowestBombMs: 0, largestBombRssMb: 0 };

describe('the hostile corpus (test/fixtures/hostile/expected.json)', () => {
  test('covers every item the issue lists, with at least 40 committed files', () => {
    expect(entries.filter((e) => !e.generate).length).toBeGreaterThanOrEqual(40);
    const covers = entries.map((e) => e.covers).join('\n');
    for (const item of [/^empty/m, /non-XML/, /truncated/, /BOM/, /UTF-16/, /wrong root/, /no test cases/, /NaN/, /negative/, /overflowing/, /contradict/, /entities in messages/, /emoji and astral/, /100,000 test cases/, /hostile Markdown/, /billion laughs/, /quadratic blowup/, /10,000-deep/, /size cap/, /10,000 coverage files/]) {
      expect(covers).toMatch(item);
    }
    for (const e of entries) {
      if (!e.generate) expect(statSync(join(HOSTILE_DIR, e.file)).size).toBeLessThan(1024 * 1024);
    }
  });

  test.each(entries.map((e) => [e.file, e] as const))('%s', async (_name, e) => {
    const path = entryPath(e);
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    let caught: unknown;
    let counts: Record<string, number> | undefined;
    try {
      counts = await load(e, path);
    } catch (err) {
      caught = err;
    }
    const ms = performance.now() - t0;
    const rssMb = (process.memoryUsage().rss - rss0) / 1048576;
    if (caught !== undefined && !(caught instanceof ReportError)) throw caught; // a crash: never acceptable
    if (e.outcome === 'parse') {
      expect(caught).toBeUndefined();
      expect(counts).toEqual(e.counts);
      tally.parsed++;
    } else {
      expect(caught).toBeInstanceOf(ReportError);
      const err = caught as ReportError;
      expect(err.file).toBe(path);
      expect(err.message.startsWith(`${path}: `)).toBe(true);
      expect(err.reason).toMatch(new RegExp(e.errorMatch ?? '.', 'i'));
      expect(err.reason.length).toBeLessThan(400);
      tally.refused++;
    }
    if (e.bomb) {
      // Refused in under a second, and without building what the bomb asks for (the RSS delta includes the
      // file's own text, read before the refusal: up to 2 bytes per character of a 9 MB file).
      expect(ms).toBeLessThan(1000);
      expect(rssMb).toBeLessThan(96);
      tally.bombs++;
      tally.slowestBombMs = Math.max(tally.slowestBombMs, ms);
      tally.largestBombRssMb = Math.max(tally.largestBombRssMb, rssMb);
    }
  });

  test('tally', () => {
    expect(tally.parsed + tally.refused).toBe(entries.length);
    process.stdout.write(`hostile corpus: ${entries.length} entries, ${tally.parsed} parsed as expected, ${tally.refused} refused naming the file; ${tally.bombs} bombs, slowest ${tally.slowestBombMs.toFixed(0)} ms, largest RSS delta ${tally.largestBombRssMb.toFixed(1)} MB\n`);
  });
});
