import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration, parseJunit } from '../../src/reports/junit.js';
import { ReportError, summarizeTests, type TestCase, type TestTotals } from '../../src/reports/model.js';
import { expectReportError, fixtureProjectsWith, projectRootOf, PROJECTS, pytestSummary, readReport, REPORTS, timed } from './fixtures.js';

const EDGE = join(REPORTS, 'pytest-edge');
const EDGE_ROOT = '/tmp/nebula-gate-fixtures/pytest-edge';
const readEdge = (file: string) => readFileSync(join(EDGE, file), 'utf8');

/** pytest's own terminal counts, in the model's terms: xpassed is a pass (JUnit cannot tell them apart), xfailed is xfailed. */
function expectedTotals(pytestOutput: string): TestTotals {
  const s = pytestSummary(pytestOutput);
  const passed = s.passed + s.xpassed;
  return { total: passed + s.failed + s.errors + s.skipped + s.xfailed, passed, failed: s.failed, errors: s.errors, skipped: s.skipped, xfailed: s.xfailed };
}

/**
 * The source line a case's `line` points at must begin the test's definition (its first decorator or its
 * `def`): this is what proves the conversion from pytest's 0-based line to the model's 1-based one.
 */
function expectLineAtDefinition(c: TestCase, sourceDir: string): void {
  expect(c.file).not.toBeNull();
  expect(c.line).not.toBeNull();
  const lines = readFileSync(join(sourceDir, c.file!), 'utf8').split('\n');
  const at = lines[c.line! - 1] ?? '';
  expect(at).toMatch(/^\s*(@|def |async def )/);
  // It is the first line of the definition, not inside a decorator stack.
  expect(lines[c.line! - 2] ?? '').not.toMatch(/^\s*@/);
  // And the next def from there is this test's.
  const base = c.name.replace(/\[.*$/s, '');
  const nextDef = lines.slice(c.line! - 1).find((l) => /^\s*(async )?def /.test(l));
  expect(nextDef).toMatch(new RegExp(`^\\s*(async )?def ${base}\\(`));
}

describe('real pytest reports (scripts/regen-fixtures.sh)', () => {
  const projects = fixtureProjectsWith('junit.xml');

  it('has the shared fixtures', () => {
    expect(projects).toEqual(expect.arrayContaining(['demo', 'fail-test', 'low-coverage', 'no-tests']));
  });

  describe.each(projects)('%s', (project) => {
    const root = projectRootOf(project);
    const pytestOutput = readReport(project, 'pytest.txt');

    it('xunit1: counts match pytest’s own summary line', () => {
      const { cases } = parseJunit(readReport(project, 'junit.xml'), 'junit.xml', root);
      if (/no tests ran/.test(pytestOutput)) {
        expect(cases).toEqual([]);
      } else {
        expect(summarizeTests(cases)).toEqual(expectedTotals(pytestOutput));
      }
    });

    it('xunit1: every case has its file, and its 1-based line starts the test’s definition', () => {
      const { cases } = parseJunit(readReport(project, 'junit.xml'), 'junit.xml', root);
      for (const c of cases) {
        expect(c.file).toMatch(/^tests\/test_\w+\.py$/);
        expectLineAtDefinition(c, join(PROJECTS, project));
        expect(c.durationSec).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(c.durationSec)).toBe(true);
      }
    });

    if (existsSync(join(REPORTS, project, 'junit-xunit2.xml'))) {
      it('xunit2: the same cases without file and line', () => {
        const x1 = parseJunit(readReport(project, 'junit.xml'), 'junit.xml', root).cases;
        const x2 = parseJunit(readReport(project, 'junit-xunit2.xml'), 'junit-xunit2.xml', root).cases;
        expect(summarizeTests(x2)).toEqual(summarizeTests(x1));
        expect(x2.map((c) => [c.classname, c.name, c.outcome, c.message])).toEqual(x1.map((c) => [c.classname, c.name, c.outcome, c.message]));
        for (const c of x2) {
          expect(c.file).toBeNull();
          expect(c.line).toBeNull();
        }
      });
    }
  });

  it('fail-test: the failure’s message, traceback and location', () => {
    const { cases } = parseJunit(readReport('fail-test', 'junit.xml'), 'junit.xml', projectRootOf('fail-test'));
    const failed = cases.filter((c) => c.outcome === 'failed');
    expect(failed).toHaveLength(1);
    const f = failed[0]!;
    expect(f).toMatchObject({
      name: 'test_format_duration_drops_seconds_past_an_hour',
      classname: 'tests.test_durations',
      file: 'tests/test_durations.py',
    });
    const source = readFileSync(join(PROJECTS, 'fail-test', 'tests', 'test_durations.py'), 'utf8').split('\n');
    expect(source[f.line! - 1]).toBe('def test_format_duration_drops_seconds_past_an_hour() -> None:');
    // &#10; in the message attribute is a newline; -&gt; in the body is "->".
    expect(f.message).toBe("AssertionError: durations past an hour should drop the seconds, got '1h 2m 5s'\nassert '1h 2m 5s' == '1h 2m'\n  \n  - 1h 2m\n  + 1h 2m 5s\n  ?      +++");
    expect(f.details.startsWith('def test_format_duration_drops_seconds_past_an_hour() -> None:\n')).toBe(true);
    expect(f.details.endsWith('tests/test_durations.py:14: AssertionError')).toBe(true);
    const skipped = cases.find((c) => c.outcome === 'skipped')!;
    expect(skipped.message).toBe('ISO 8601 durations (PT1H2M) are not supported yet');
  });
});

describe('real pytest reports with every outcome (test/fixtures/reports/pytest-edge)', () => {
  const xunit1 = () => parseJunit(readEdge('junit.xml'), 'junit.xml', EDGE_ROOT).cases;

  it('counts match pytest’s summary: 2 failed, 5 passed, 2 skipped, 1 xfailed, 1 xpassed, 3 errors', () => {
    const output = readEdge('pytest.txt');
    expect(pytestSummary(output)).toEqual({ passed: 5, failed: 2, errors: 3, skipped: 2, xfailed: 1, xpassed: 1 });
    expect(summarizeTests(xunit1())).toEqual(expectedTotals(output));
    expect(summarizeTests(xunit1())).toEqual({ total: 14, passed: 6, failed: 2, errors: 3, skipped: 2, xfailed: 1 });
  });

  it('every xunit1 line starts the test’s definition (decorator or def): pytest writes 0-based lines', () => {
    for (const c of xunit1().filter((c) => c.line !== null)) expectLineAtDefinition(c, join(EDGE, 'project'));
    const skip = xunit1().find((c) => c.name === 'test_skip')!;
    // pytest wrote line="13" for a decorator on line 14 (1-based) and the def on line 15.
    expect(readEdge('junit.xml')).toContain('name="test_skip" file="tests/test_edge.py" line="13"');
    expect(skip.line).toBe(14);
  });

  it('a collection error is an error case with the module as name and no line', () => {
    const c = xunit1().find((x) => x.name === 'tests.sub.test_collect_error')!;
    expect(c).toMatchObject({ outcome: 'error', classname: '', file: 'tests/sub/test_collect_error.py', line: null, message: 'collection failure' });
    expect(c.details).toContain("E   ModuleNotFoundError: No module named 'nonexistent_module_xyz'");
    expect(c.details).toContain('in <module>');
  });

  it('the gate’s own run stops at the collection error: one error case', () => {
    expect(pytestSummary(readEdge('pytest-collect-error.txt'))).toMatchObject({ errors: 1, passed: 0 });
    const { cases } = parseJunit(readEdge('junit-collect-error.xml'), 'junit-collect-error.xml', EDGE_ROOT);
    expect(summarizeTests(cases)).toEqual({ total: 1, passed: 0, failed: 0, errors: 1, skipped: 0, xfailed: 0 });
  });

  it('a failure followed by a teardown error is two cases, as pytest counts it', () => {
    const both = xunit1().filter((c) => c.name === 'test_fail_and_teardown_error');
    expect(both.map((c) => [c.outcome, c.message])).toEqual([
      ['failed', 'assert False'],
      ['error', 'failed on teardown with "RuntimeError: teardown broke"'],
    ]);
  });

  it('setup errors, xfail and xpass', () => {
    const byName = new Map(xunit1().map((c) => [c.name, c]));
    expect(byName.get('test_error_in_setup')).toMatchObject({ outcome: 'error', message: 'failed on setup with "RuntimeError: fixture broke"' });
    expect(byName.get('test_xfail')).toMatchObject({ outcome: 'xfailed', message: 'known bug', details: '' });
    expect(byName.get('test_xpass')).toMatchObject({ outcome: 'passed', message: '' });
    expect(byName.get('test_skip_inside')).toMatchObject({ outcome: 'skipped', classname: 'tests.test_edge.TestGroup', message: 'dynamic skip' });
    // pytest's skip location in the body is 1-based (unlike the line attribute).
    const src = readFileSync(join(EDGE, 'project', 'tests', 'test_edge.py'), 'utf8').split('\n');
    const skipCall = src.findIndex((l) => l.includes('pytest.skip("dynamic skip")')) + 1;
    expect(byName.get('test_skip_inside')!.details).toBe(`${EDGE_ROOT}/tests/test_edge.py:${skipCall}: dynamic skip`);
  });

  it('entities and astral characters in names and messages', () => {
    const names = xunit1().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['test_param[0]', 'test_param[😀 emoji]', 'test_param[a<b&c]']));
    const fail = xunit1().find((c) => c.name === 'test_fail')!;
    expect(fail.message.startsWith('AssertionError: message with <angle> & "quotes"\n  and newline\n')).toBe(true);
    expect(fail.details).toContain('E       AssertionError: message with <angle> & "quotes"');
  });

  it('xunit2: same outcomes, no file or line (the classname is not turned into a guessed path)', () => {
    const x2 = parseJunit(readEdge('junit-xunit2.xml'), 'junit-xunit2.xml', EDGE_ROOT).cases;
    expect(summarizeTests(x2)).toEqual(expectedTotals(readEdge('pytest-xunit2.txt')));
    expect(x2.map((c) => [c.name, c.outcome])).toEqual(xunit1().map((c) => [c.name, c.outcome]));
    expect(x2.every((c) => c.file === null && c.line === null)).toBe(true);
  });
});

describe('real generic JUnit from another runner (Node’s test runner, test/fixtures/reports/node-junit)', () => {
  const cases = () => parseJunit(readFileSync(join(REPORTS, 'node-junit', 'junit.xml'), 'utf8'), 'junit.xml', '/project').cases;

  it('counts match Node’s summary (pass 2, fail 2, skipped 1, todo 1)', () => {
    expect(summarizeTests(cases())).toEqual({ total: 6, passed: 2, failed: 2, errors: 0, skipped: 2, xfailed: 0 });
  });

  it('finds cases directly under <testsuites> and in nested suites', () => {
    expect(cases().map((c) => c.name)).toEqual([
      'adds numbers',
      'fails on purpose <with> &quot;markup&quot; & 😀',
      'skipped on purpose',
      'todo on purpose',
      'passes inside a suite',
      'throws inside a nested suite',
    ]);
  });

  it('reads messages, details and durations', () => {
    const nested = cases().find((c) => c.name === 'throws inside a nested suite')!;
    expect(nested).toMatchObject({ outcome: 'failed', message: 'boom', classname: 'test', file: null, line: null });
    expect(nested.details).toMatch(/^Error \[ERR_TEST_FAILURE\]: boom\n/);
    expect(nested.details).toContain('TypeError [Error]: boom');
    expect(cases().find((c) => c.name === 'todo on purpose')).toMatchObject({ outcome: 'skipped', message: 'later' });
    for (const c of cases()) expect(c.durationSec).toBeGreaterThan(0);
  });
});

describe('generic JUnit shapes', () => {
  const FILE = 'reports/junit.xml';
  const parse = (xml: string, root = '/project', opts = {}) => parseJunit(xml, FILE, root, opts).cases;

  it('a lone <testsuite> root, nested suites, and outcome priority error > failure > skipped', () => {
    const cases = parse(`<testsuite name="outer">
      <testcase classname="a.B" name="both"><failure message="f">F</failure><error message="e">E</error></testcase>
      <testcase name="fail-and-skip"><skipped/><failure message="f2"/></testcase>
      <testsuite name="inner"><testsuite name="innermost"><testcase name="deep" time="2.5"/></testsuite></testsuite>
      <testcase name="skip"><skipped message="why">body</skipped></testcase>
    </testsuite>`);
    expect(cases.map((c) => [c.name, c.outcome, c.message, c.details])).toEqual([
      ['both', 'error', 'e', 'E'],
      ['fail-and-skip', 'failed', 'f2', ''],
      ['skip', 'skipped', 'why', 'body'],
      ['deep', 'passed', '', ''],
    ]);
    expect(cases.find((c) => c.name === 'deep')!.durationSec).toBe(2.5);
    expect(cases[0]!.classname).toBe('a.B');
    expect(cases[1]!.classname).toBe('');
  });

  it('ignores summary attributes that contradict the elements', () => {
    const cases = parse(`<testsuites tests="100" failures="50" errors="NaN" skipped="-3">
      <testsuite tests="0" failures="0"><testcase name="a"><failure/></testcase><testcase name="b"/></testsuite>
    </testsuites>`);
    expect(summarizeTests(cases)).toEqual({ total: 2, passed: 1, failed: 1, errors: 0, skipped: 0, xfailed: 0 });
  });

  it('an empty report has no cases', () => {
    expect(parse('<testsuites/>')).toEqual([]);
    expect(parse('<testsuite name="pytest" tests="0"/>')).toEqual([]);
  });

  it.each([
    ['NaN', 0],
    ['-1', 0],
    ['-0.5', 0],
    ['Infinity', 0],
    ['1e999', 0],
    ['1,5', 0],
    ['0x10', 0],
    ['', 0],
    ['  ', 0],
    ['abc', 0],
    ['3', 3],
    ['0.125', 0.125],
    [' 1.5 ', 1.5],
    ['1e-3', 0.001],
    ['.5', 0.5],
  ])('time="%s" → %d', (time, expected) => {
    expect(parse(`<testsuite><testcase name="t" time="${time}"/></testsuite>`)[0]!.durationSec).toBe(expected);
    expect(parseDuration(time)).toBe(expected);
  });

  it('a missing time is 0', () => {
    expect(parse('<testsuite><testcase name="t"/></testsuite>')[0]!.durationSec).toBe(0);
  });

  it('lines: pytest’s are 0-based, other runners’ 1-based, override possible; garbage is null', () => {
    const pytest = (line: string) => `<testsuites name="pytest tests"><testsuite name="pytest"><testcase name="t" file="tests/t.py" line="${line}"/></testsuite></testsuites>`;
    expect(parse(pytest('0'))[0]!.line).toBe(1);
    expect(parse(pytest('41'))[0]!.line).toBe(42);
    expect(parse(pytest('-1'))[0]!.line).toBeNull();
    expect(parse(pytest('4.5'))[0]!.line).toBeNull();
    expect(parse(pytest('NaN'))[0]!.line).toBeNull();
    // Older pytest: a <testsuite name="pytest"> root.
    expect(parse('<testsuite name="pytest"><testcase name="t" file="t.py" line="9"/></testsuite>')[0]!.line).toBe(10);
    // A PHPUnit-style report: absolute file under the root, 1-based line.
    const phpunit = '<testsuites><testsuite name="Unit"><testcase name="testX" class="T" classname="T" file="/project/tests/TTest.php" line="12"/></testsuite></testsuites>';
    expect(parse(phpunit)[0]).toMatchObject({ file: 'tests/TTest.php', line: 12 });
    expect(parse(phpunit, '/project', { lineBase: 0 })[0]!.line).toBe(13);
    expect(parse(phpunit.replace('line="12"', 'line="0"'))[0]!.line).toBeNull();
  });

  it('files are made relative to the project root; outside it they are dropped', () => {
    const withFile = (file: string, root = '/project') =>
      parse(`<testsuite><testcase name="t" file="${file}" line="3"/></testsuite>`, root)[0]!;
    expect(withFile('tests/a.py').file).toBe('tests/a.py');
    expect(withFile('./tests/a.py').file).toBe('tests/a.py');
    expect(withFile('tests\\sub\\a.py').file).toBe('tests/sub/a.py');
    expect(withFile('/project/tests/a.py').file).toBe('tests/a.py');
    expect(withFile('C:\\work\\proj\\tests\\a.py', 'C:\\work\\proj').file).toBe('tests/a.py');
    expect(withFile('../elsewhere/a.py')).toMatchObject({ file: null, line: null });
    expect(withFile('/etc/passwd')).toMatchObject({ file: null, line: null });
    expect(withFile('')).toMatchObject({ file: null, line: null });
  });

  it('entities, control characters and astral characters in names and messages', () => {
    const [c] = parse(`<testsuite><testcase classname="m.&#x1F4A9;" name="t[&lt;script&gt;alert(1)&lt;/script&gt;|&#x1F600;|&#9;]">
      <failure message="line1&#10;line2 &amp;&amp; &quot;x&quot; &#x1D11E;"><![CDATA[<raw> & stuff]]></failure></testcase></testsuite>`);
    expect(c!.classname).toBe('m.💩');
    expect(c!.name).toBe('t[<script>alert(1)</script>|😀|\t]');
    expect(c!.message).toBe('line1\nline2 && "x" 𝄞');
    expect(c!.details).toBe('<raw> & stuff');
  });

  it('a test case without a name is a ReportError naming the file', () => {
    expect(() => parse('<testsuite><testcase name="ok"/><testcase classname="x"/></testsuite>')).toThrow(
      new ReportError(FILE, 'test case #2 has no name attribute'),
    );
  });

  it.each([
    ['<coverage/>', /not a JUnit report \(root element <coverage>/],
    ['<html><body/></html>', /not a JUnit report \(root element <html>/],
    ['<TestSuites/>', /not a JUnit report/],
  ])('wrong root %s is a ReportError', (xml, reason) => {
    expectReportError(() => parse(xml), FILE, reason);
  });

  it.each([
    ['empty', ''],
    ['not XML', 'PASSED 3 tests'],
    ['truncated', '<testsuites><testsuite name="pytest"><testcase name="a" time="0.1"><failure message="x">trace'],
    ['billion laughs', '<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><testsuites><testcase name="&b;"/></testsuites>'],
  ])('%s is a ReportError naming the file', (_label, xml) => {
    expect(() => parse(xml)).toThrow(ReportError);
    expect(() => parse(xml)).toThrow(new RegExp(`^${FILE}: `));
  });

  it('12,000 generated test cases: counts from the elements, quickly', () => {
    const outcomes = ['', '<failure message="f">trace &lt;x&gt;</failure>', '<error message="e"/>', '<skipped message="s"/>'];
    const parts: string[] = ['<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" tests="1">'];
    for (let i = 0; i < 12_000; i++) {
      parts.push(`<testcase classname="tests.test_gen" name="test_${i}[&#x1F600;]" file="tests/test_gen.py" line="${i}" time="0.001">${outcomes[i % 4]}</testcase>`);
    }
    parts.push('</testsuite></testsuites>');
    const { ms, result, error } = timed(() => parseJunit(parts.join(''), FILE, '/project'));
    expect(error).toBeUndefined();
    const cases = result!.cases;
    expect(summarizeTests(cases)).toEqual({ total: 12_000, passed: 3000, failed: 3000, errors: 3000, skipped: 3000, xfailed: 0 });
    expect(cases[11_999]).toMatchObject({ name: 'test_11999[😀]', line: 12_000, outcome: 'skipped' });
    expect(cases[1]).toMatchObject({ message: 'f', details: 'trace <x>' });
    expect(ms).toBeLessThan(5000);
  });
});
