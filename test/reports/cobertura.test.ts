import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCobertura } from '../../src/reports/cobertura.js';
import { coverageTotals, type FileCoverage } from '../../src/reports/model.js';
import { toProjectPath } from '../../src/reports/paths.js';
import { coberturaSummary, coverageReportRows, expectReportError, fixtureProjectsWith, projectRootOf, pytestCovTotal, readReport, REPORTS, timed } from './fixtures.js';

const EDGE = join(REPORTS, 'pytest-edge');
const EDGE_ROOT = '/tmp/nebula-gate-fixtures/pytest-edge';
const readEdge = (file: string) => readFileSync(join(EDGE, file), 'utf8');
/** `exists` for the pytest-edge project as it was laid out when the report was written. */
const edgeExists = (p: string) => p.startsWith(`${EDGE_ROOT}/`) && existsSync(join(EDGE, 'project', p.slice(EDGE_ROOT.length + 1)));

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

describe('real coverage.py reports (scripts/regen-fixtures.sh)', () => {
  const projects = fixtureProjectsWith('coverage.xml');

  it('has the shared fixtures', () => {
    expect(projects).toEqual(expect.arrayContaining(['demo', 'fail-test', 'low-coverage']));
  });

  describe.each(projects)('%s', (project) => {
    const xml = readReport(project, 'coverage.xml');
    const root = projectRootOf(project);

    it('totals recomputed from <line> elements equal coverage.py’s, and its percent pytest-cov’s', () => {
      const totals = coverageTotals(parseCobertura(xml, 'coverage.xml', root).files);
      const summary = coberturaSummary(xml);
      expect(totals).toMatchObject({
        linesTotal: summary.linesValid,
        linesCovered: summary.linesCovered,
        branchesTotal: summary.branchesValid,
        branchesCovered: summary.branchesCovered,
      });
      const printed = pytestCovTotal(readReport(project, 'pytest.txt'));
      expect(printed).not.toBeNull();
      expect(round(totals.percent, 2)).toBe(printed);
    });

    it('files are relative to the project root, POSIX, and exist in the project', () => {
      const { files } = parseCobertura(xml, 'coverage.xml', root);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        expect(f.file).toMatch(/^src\/humanunits\/\w+\.py$/);
        expect(existsSync(join(REPORTS, '..', 'projects', project, f.file))).toBe(true);
      }
    });
  });

  it('low-coverage: 52.78% as pytest-cov printed; the uncovered lines and branches', () => {
    const { files } = parseCobertura(readReport('low-coverage', 'coverage.xml'), 'coverage.xml', projectRootOf('low-coverage'));
    const totals = coverageTotals(files);
    expect(totals).toEqual({ linesCovered: 30, linesTotal: 52, branchesCovered: 8, branchesTotal: 20, percent: (38 / 72) * 100 });
    const sizes = files.find((f) => f.file === 'src/humanunits/sizes.py')!;
    expect(sizes.lines.get(16)).toBe(0);
    expect(sizes.lines.get(3)).toBe(1);
    expect(sizes.branchesCovered).toBe(0);
  });
});

describe('real coverage.py reports with exclusions and several sources (test/fixtures/reports/pytest-edge)', () => {
  it('matches `coverage report --precision=4` file by file and in total', () => {
    const { files } = parseCobertura(readEdge('coverage.xml'), 'coverage.xml', EDGE_ROOT);
    expectMatchesCoverageReport(files, readEdge('coverage-report.txt'));
    expect(coverageTotals(files).percent).toBe(56.25);
  });

  it('excluded lines (pragma: no cover, exclude_also) have no <line>, so they do not count', () => {
    const { files } = parseCobertura(readEdge('coverage.xml'), 'coverage.xml', EDGE_ROOT);
    const init = files.find((f) => f.file === 'src/edgepkg/__init__.py')!;
    const source = readFileSync(join(EDGE, 'project', 'src', 'edgepkg', '__init__.py'), 'utf8').split('\n');
    const lineOf = (text: string) => source.findIndex((l) => l.includes(text)) + 1;
    expect(init.lines.has(lineOf('import os'))).toBe(false);
    expect(init.lines.has(lineOf('def unused()'))).toBe(false);
    expect(init.lines.has(lineOf('return 1'))).toBe(false);
    // A partial branch line is hit, with 1 of 2 branches.
    expect(init.lines.get(lineOf('if x > hi:'))).toBe(1);
    expect(init.branchesTotal).toBe(12);
    expect(init.branchesCovered).toBe(6);
  });

  it('two <source> roots: `exists` picks the right one; totals match either way', () => {
    const xml = readEdge('coverage-multi-source.xml');
    const withFs = parseCobertura(xml, 'coverage-multi-source.xml', EDGE_ROOT, { exists: edgeExists }).files;
    expect(withFs.map((f) => f.file)).toEqual([
      'src/edgepkg/__init__.py',
      'src/edgepkg/util.py',
      'tests/sub/__init__.py',
      'tests/sub/test_collect_error.py',
      'tests/test_edge.py',
    ]);
    expectMatchesCoverageReport(withFs, readEdge('coverage-multi-source-report.txt'));
    // Without it the first source under the root wins: right paths need `exists` (the loader passes it).
    const pure = parseCobertura(xml, 'coverage-multi-source.xml', EDGE_ROOT).files;
    expect(pure.map((f) => f.file)).toContain('src/test_edge.py');
    expect(coverageTotals(pure)).toEqual(coverageTotals(withFs));
  });

  it('relative_files = true: relative <source> roots are joined to the project root', () => {
    const files = parseCobertura(readEdge('coverage-relative-files.xml'), 'coverage-relative-files.xml', EDGE_ROOT, { exists: edgeExists }).files;
    expect(files.map((f) => f.file)).toContain('tests/test_edge.py');
    expect(files.map((f) => f.file)).toContain('src/edgepkg/util.py');
    const summary = coberturaSummary(readEdge('coverage-relative-files.xml'));
    expect(coverageTotals(files)).toMatchObject({ linesTotal: summary.linesValid, linesCovered: summary.linesCovered });
  });

  it('the same file in several packages/classes is merged: hits add up, branches are not counted twice', () => {
    // The real report with its <package> repeated (as a merge of two runs would produce).
    const xml = readEdge('coverage.xml');
    const pkg = /<package\b[\s\S]*<\/package>/.exec(xml)![0];
    const doubled = xml.replace(pkg, pkg + pkg);
    const once = parseCobertura(xml, 'coverage.xml', EDGE_ROOT).files;
    const twice = parseCobertura(doubled, 'coverage.xml', EDGE_ROOT).files;
    expect(twice.map((f) => f.file)).toEqual(once.map((f) => f.file));
    expect(coverageTotals(twice)).toEqual(coverageTotals(once));
    const hits = (files: FileCoverage[]) => [...files[0]!.lines.values()];
    expect(hits(twice)).toEqual(hits(once).map((h) => 2 * h));
  });
});

function expectMatchesCoverageReport(files: readonly FileCoverage[], reportText: string): void {
  const rows = coverageReportRows(reportText);
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows) {
    const subset = row.name === 'TOTAL' ? files : files.filter((f) => f.file === row.name);
    expect(subset.length).toBeGreaterThan(0);
    const t = coverageTotals(subset);
    expect([row.name, t.linesTotal, t.linesTotal - t.linesCovered, t.branchesTotal]).toEqual([row.name, row.stmts, row.miss, row.branch]);
    expect(round(t.percent, 4)).toBe(row.cover);
  }
}

describe('hostile and malformed Cobertura', () => {
  const FILE = 'reports/coverage.xml';
  const doc = (lines: string, cls = 'filename="pkg/a.py"', sources = '<sources><source>/project</source></sources>') =>
    `<?xml version="1.0" ?><coverage lines-valid="999" line-rate="1"><!-- summary attributes are lies -->${sources}<packages><package name="pkg"><classes><class name="a.py" ${cls}><methods/><lines>${lines}</lines></class></classes></package></packages></coverage>`;
  const parse = (xml: string, root = '/project') => parseCobertura(xml, FILE, root).files;

  const rejects = (xml: string, reason: RegExp): void => expectReportError(() => parse(xml), FILE, reason);

  it('ignores the summary attributes and counts the <line> elements', () => {
    const files = parse(doc('<line number="1" hits="0"/><line number="2" hits="3" branch="true" condition-coverage="50% (1/2)"/>'));
    expect(coverageTotals(files)).toEqual({ linesCovered: 1, linesTotal: 2, branchesCovered: 1, branchesTotal: 2, percent: 50 });
  });

  it('ignores the duplicate lines Cobertura lists under <methods>', () => {
    const xml = doc('<line number="1" hits="1"/>').replace(
      '<methods/>',
      '<methods><method name="f" signature=""><lines><line number="1" hits="1"/><line number="99" hits="0"/></lines></method></methods>',
    );
    expect([...parse(xml)[0]!.lines.keys()]).toEqual([1]);
  });

  it('lines listed out of order come out in line order; a line listed again keeps the larger branch counts', () => {
    const files = parse(doc(
      '<line number="7" hits="1"/><line number="2" hits="0" branch="true" condition-coverage="0% (0/2)"/>' +
        '<line number="2" hits="4" branch="true" condition-coverage="50% (1/2)"/><line number="7" hits="2" branch="true" condition-coverage="100% (4/4)"/>' +
        '<line number=" 3 " hits=" 0"/>',
    ));
    expect([...files[0]!.lines]).toEqual([[2, 4], [3, 0], [7, 3]]);
    expect(files[0]).toMatchObject({ branchesCovered: 5, branchesTotal: 6 });
  });

  it('an empty report is 100%', () => {
    expect(coverageTotals(parse('<coverage><sources/><packages/></coverage>'))).toMatchObject({ linesTotal: 0, percent: 100 });
  });

  it.each([
    ['NaN hits', '<line number="1" hits="NaN"/>', /invalid hits "NaN"/],
    ['negative hits', '<line number="1" hits="-1"/>', /invalid hits "-1"/],
    ['fractional hits', '<line number="1" hits="1.5"/>', /invalid hits/],
    ['missing hits', '<line number="1"/>', /invalid hits "\(missing\)"/],
    ['huge hits', `<line number="1" hits="${'9'.repeat(400)}"/>`, /invalid hits/],
    ['line 0', '<line number="0" hits="1"/>', /invalid line number "0"/],
    ['negative line', '<line number="-4" hits="1"/>', /invalid line number/],
    ['missing line number', '<line hits="1"/>', /invalid line number/],
    ['Infinity line', '<line number="Infinity" hits="1"/>', /invalid line number/],
    ['garbage condition', '<line number="1" hits="1" branch="true" condition-coverage="lots"/>', /invalid condition-coverage "lots"/],
    ['NaN condition', '<line number="1" hits="1" branch="true" condition-coverage="NaN% (NaN/2)"/>', /invalid condition-coverage/],
    ['more covered than total', '<line number="1" hits="1" branch="true" condition-coverage="150% (3/2)"/>', /covers more branches than exist/],
    ['negative condition', '<line number="1" hits="1" branch="true" condition-coverage="50% (-1/2)"/>', /invalid condition-coverage/],
  ])('%s is a ReportError naming the file', (_label, lines, reason) => {
    rejects(doc(lines), reason);
  });

  it('a class without filename is a ReportError', () => rejects(doc('', 'complexity="0"'), /no filename/));
  it('the wrong root is a ReportError', () => rejects('<testsuites><testcase name="t"/></testsuites>', /not a Cobertura report \(root element <testsuites>/));
  it('truncated XML is a ReportError', () => rejects(doc('<line number="1" hits="1"/>').slice(0, -40), /truncated/));
  it('an entity bomb is a ReportError', () =>
    rejects(`<!DOCTYPE coverage [<!ENTITY a "${'a'.repeat(1000)}">]><coverage><sources><source>&a;&a;&a;</source></sources></coverage>`, /internal subset/));

  it('a branch line without condition-coverage has no branches; branch="false" ignores it', () => {
    const files = parse(doc('<line number="1" hits="1" branch="true"/><line number="2" hits="1" branch="false" condition-coverage="0% (0/2)"/>'));
    expect(files[0]).toMatchObject({ branchesCovered: 0, branchesTotal: 0 });
  });

  it('paths: Windows separators, absolute filenames, files outside the root', () => {
    const win = parseCobertura(doc('<line number="1" hits="1"/>', 'filename="pkg\\a.py"', '<sources><source>C:\\work\\proj\\src</source></sources>'), FILE, 'C:\\work\\proj').files;
    expect(win[0]!.file).toBe('src/pkg/a.py');
    expect(parse(doc('<line number="1" hits="1"/>', 'filename="/project/lib/x.py"'))[0]!.file).toBe('lib/x.py');
    // Outside the root: kept (coverage.py counts it in its total) with its absolute POSIX path.
    expect(parse(doc('<line number="1" hits="1"/>', 'filename="/usr/lib/python3/x.py"'))[0]!.file).toBe('/usr/lib/python3/x.py');
    // No <source>: the filename is taken relative to the project root.
    expect(parse(doc('<line number="1" hits="1"/>', 'filename="./pkg/b.py"', ''))[0]!.file).toBe('pkg/b.py');
  });

  it('20,000 generated lines parse quickly', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `<line number="${i + 1}" hits="${i % 3}" ${i % 10 === 0 ? 'branch="true" condition-coverage="50% (1/2)"' : ''}/>`).join('');
    const { ms, result, error } = timed(() => parse(doc(lines)));
    expect(error).toBeUndefined();
    expect(coverageTotals(result!)).toMatchObject({ linesTotal: 20_000, linesCovered: 13_333, branchesTotal: 4000, branchesCovered: 2000 });
    expect(ms).toBeLessThan(5000);
  });
});

describe('toProjectPath', () => {
  it.each([
    ['src/a.py', '/p', 'src/a.py'],
    ['./src/a.py', '/p', 'src/a.py'],
    ['src/../src/a.py', '/p', 'src/a.py'],
    ['/p/src/a.py', '/p', 'src/a.py'],
    ['/p/src/a.py', '/p/', 'src/a.py'],
    ['src\\win\\a.py', '/p', 'src/win/a.py'],
    ['C:\\p\\src\\a.py', 'c:\\p', 'src/a.py'],
    ['/p2/a.py', '/p', null],
    ['../a.py', '/p', null],
    ['/p', '/p', null],
    ['', '/p', null],
    ['a\0b.py', '/p', null],
  ])('%j under %j → %j', (file, root, expected) => {
    expect(toProjectPath(file, root)).toBe(expected);
  });
});

describe('a report that lost lines fails closed', () => {
  // Real: coverage.py 7.17.5 (pytest-cov 7.1.0), `--cov=a --cov=b` on a flat project where a/__init__.py (2 lines)
  // and b/__init__.py (4 lines, one missed) share their name relative to the two sources: one class is written,
  // 4 lines of the 6 measured. Read from the elements alone it would be 75% of a wrong file set.
  it('fewer line elements than the root says were measured: refused, naming the likely cause', () => {
    const text = readFileSync(join(REPORTS, '..', 'refused', 'source-clash-coverage.xml'), 'utf8');
    expect(() => parseCobertura(text, 'coverage.xml', '/tmp/ms')).toThrow(/coverage.xml: holds 4 lines but measured 6; its 2 sources probably share a file name/);
  });
});
