/**
 * One rule, one place: a coverage total judged by the outcome rules, put in the JSON report and rendered by the
 * terminal, the comment and the job summary reads the same on every surface — one spelling per number.
 */
import { describe, expect, test } from '@jest/globals';
import { decide } from '../../src/gate/gate.js';
import { coverageFigures, judgeCoverage, judgeDiffCoverage } from '../../src/gate/outcomes.js';
import { buildGateReport } from '../../src/gate/report.js';
import type { CheckResult } from '../../src/model/check.js';
import { DEFAULT_PHASES } from '../../src/model/registry.js';
import { diffCoverage } from '../../src/reports/diff.js';
import type { FileCoverage } from '../../src/reports/model.js';
import { renderComment, renderSummary } from '../../src/render/markdown.js';
import { renderTerminal } from '../../src/render/terminal.js';

/** A file with `covered` of `total` lines hit (lines 1..total). */
function file(name: string, covered: number, total: number): FileCoverage {
  return { file: name, lines: new Map(Array.from({ length: total }, (_, i) => [i + 1, i < covered ? 1 : 0])), branchesCovered: 0, branchesTotal: 0 };
}

function reportFor(files: FileCoverage[], floor: number, changed: Map<string, Set<number>>, diffFloor: number) {
  const coverage = coverageFigures(files, floor);
  const total = judgeCoverage(coverage.totals, floor, 'input');
  const d = diffCoverage(changed, files);
  const diff = judgeDiffCoverage(d, diffFloor, '');
  const results: CheckResult[] = [
    { id: 'coverage', phase: 'coverage', status: total.status, summary: total.summary, durationMs: 0, exitCode: null, findings: [], coverage },
    { id: 'diff-coverage', phase: 'coverage', status: diff.status, summary: diff.summary, durationMs: 0, exitCode: null, findings: diff.findings, coverage: coverageFigures(files, floor, { percent: d.percent, floor: diffFloor }) },
  ];
  return buildGateReport(decide([...DEFAULT_PHASES], 4, results), 'security', results);
}

/** Every `N%` / `N.NN%` token of a text. */
const percents = (text: string): string[] => text.match(/(?<![\d.])\d+(?:\.\d+)?%/g) ?? [];

describe('one spelling of each percentage across terminal, JSON, comment and job summary', () => {
  // 2,124 of 2,500 lines: 84.96% against a floor of 85; changed lines 2 of 3: 66.666…% against 80.
  const files = [file('src/app/core.py', 1062, 1250), file('src/app/cli.py', 1062, 1250)];
  const report = reportFor(files, 85, new Map([['src/app/cli.py', new Set([1, 2, 1250])]]), 80);
  const surfaces = {
    json: JSON.stringify(report),
    terminal: renderTerminal(report, { color: false }),
    comment: renderComment(report),
    summary: renderSummary(report),
  };

  test('the JSON report stores the numbers the surfaces show', () => {
    expect(report.coverage?.percent).toBe(84.96);
    expect(report.coverage?.diffPercent).toBe(66.67);
    for (const text of [surfaces.terminal, surfaces.comment, surfaces.summary]) {
      expect(text).toContain('84.96%');
      expect(text).toContain('66.67%');
    }
  });

  test('each number has one spelling on every surface, and 84.96 never reads as the floor 85', () => {
    const spellings = new Map<number, Set<string>>();
    for (const text of [surfaces.terminal, surfaces.comment, surfaces.summary]) {
      for (const p of percents(text)) {
        const n = Number(p.slice(0, -1));
        spellings.set(n, (spellings.get(n) ?? new Set()).add(p));
      }
    }
    for (const [n, s] of spellings) expect([n, [...s]]).toEqual([n, [[...s][0]]]);
    // The measured values have two decimals; the floors are the user's own numbers.
    expect([...spellings.keys()].sort((a, b) => a - b)).toEqual([66.67, 80, 84.96, 85]);
    expect(spellings.get(85)).toEqual(new Set(['85%']));
  });

  test('84.999 against a floor of 85 is 84.99 in the JSON and on every surface, never 85.00', () => {
    // 84,999 of 100,000 lines.
    const r = reportFor([file('src/big.py', 84_999, 100_000)], 85, new Map(), 85);
    expect(r.coverage?.percent).toBe(84.99);
    for (const text of [renderTerminal(r, { color: false }), renderComment(r), renderSummary(r), JSON.stringify(r)]) {
      expect(text).toContain('84.99');
      expect(text.match(/(?<![\d.])85\.0+%/g) ?? []).toEqual([]);
    }
    expect(r.verdict).toBe('fail');
  });
});

describe('nothing measured', () => {
  test('a coverage report with no measurable line is an error, never 100% that passes', () => {
    const judged = judgeCoverage({ linesCovered: 0, linesTotal: 0, branchesCovered: 0, branchesTotal: 0, percent: 100 }, 80, 'default');
    expect(judged.status).toBe('error');
    expect(judged.summary).toMatch(/measures no line at all/);
  });
});
