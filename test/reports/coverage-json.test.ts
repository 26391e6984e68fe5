/** coverage.py's JSON report, as pytest-cov 7.1.0 / coverage.py 7.17.5 wrote it for the demo fixture (scripts/regen-fixtures.sh). */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCobertura } from '../../src/reports/cobertura.js';
import { parseCoverageJson } from '../../src/reports/coverage-json.js';
import { coverageTotals } from '../../src/reports/model.js';
import { REPO_ROOT } from '../support/project.js';
import { expectReportError } from './fixtures.js';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'reports', 'demo');
const ROOT = '/tmp/nebula-gate-fixtures/demo';
const real = readFileSync(join(DIR, 'coverage.json'), 'utf8');

describe('parseCoverageJson', () => {
  test('the real report: every file by its project path, and coverage.py’s own total, to the last digit', () => {
    const { files } = parseCoverageJson(real, 'coverage.json', ROOT);
    expect(files.map((f) => f.file)).toEqual(['src/humanunits/__init__.py', 'src/humanunits/durations.py', 'src/humanunits/sizes.py']);
    const doc = JSON.parse(real) as { totals: { percent_covered: number; num_statements: number; covered_lines: number; num_branches: number; covered_branches: number } };
    const totals = coverageTotals(files);
    expect(totals).toMatchObject({ linesTotal: doc.totals.num_statements, linesCovered: doc.totals.covered_lines, branchesTotal: doc.totals.num_branches, branchesCovered: doc.totals.covered_branches });
    expect(totals.percent).toBeCloseTo(doc.totals.percent_covered, 10);
  });

  test('the same run as Cobertura reads the same (a single source root is unambiguous either way)', () => {
    const xml = coverageTotals(parseCobertura(readFileSync(join(DIR, 'coverage.xml'), 'utf8'), 'coverage.xml', ROOT).files);
    const json = coverageTotals(parseCoverageJson(real, 'coverage.json', ROOT).files);
    expect(json.percent).toBeCloseTo(xml.percent, 10);
  });

  test.each([
    ['not JSON', '{"meta": ', /not JSON/],
    ['not coverage.py’s', '{"files": {}}', /not a coverage\.py JSON report/],
    ['a file entry without lines', '{"meta": {}, "files": {"a.py": {"summary": {}}}}', /"a\.py": not a coverage\.py file entry/],
    ['a negative line number', '{"meta": {}, "files": {"a.py": {"executed_lines": [-1], "missing_lines": [], "summary": {}}}}', /not a coverage\.py file entry/],
    ['a file outside the project', '{"meta": {}, "files": {"/etc/passwd": {"executed_lines": [1], "missing_lines": [], "summary": {}}}}', /outside the project/],
    ['more branches covered than there are', '{"meta": {}, "files": {"a.py": {"executed_lines": [1], "missing_lines": [], "summary": {"covered_branches": 3, "num_branches": 2}}}}', /branch counts 3\/2 are not counts/],
  ])('%s: a ReportError naming the file', (_, content, reason) => {
    expectReportError(() => parseCoverageJson(content, 'coverage.json', ROOT), 'coverage.json', reason);
  });
});
