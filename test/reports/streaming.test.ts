/**
 * The streamed reading of the bulk elements (parseJunit and parseCobertura hand `<testcase>` and `<line>` over as
 * they close, src/reports/xml/build.ts) must give exactly what reading the whole tree gives (junitFromDocument and
 * coberturaFromDocument over parseXmlDocument): the same model for every report it accepts, the same refusal
 * (reason and all) for every report it refuses. Checked over every real report under test/fixtures (reports,
 * shards, golden), the whole hostile corpus (whose expectations are asserted again on the streamed reading),
 * hand-made edge cases, and random documents.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coberturaFromDocument, parseCobertura } from '../../src/reports/cobertura.js';
import { JUNIT_LONG_TEXT_TAGS, junitFromDocument, parseJunit } from '../../src/reports/junit.js';
import { readReportFile } from '../../src/reports/loader.js';
import { coverageTotals, ReportError, summarizeTests } from '../../src/reports/model.js';
import { xmlChildren, type XmlElement } from '../../src/reports/xml/element.js';
import { parseXmlDocument } from '../../src/reports/xml/parse.js';
import { generate, HOSTILE_DIR, PROJECT_ROOT, type CorpusEntry } from '../support/hostile.js';
import { REPO_ROOT } from './fixtures.js';

type Format = 'junit' | 'cobertura';

/** The model (or the refusal) of one document, streamed or from the whole tree. */
function outcome(format: Format, text: string, path: string, streamed: boolean): unknown {
  try {
    if (streamed) return format === 'junit' ? parseJunit(text, path, PROJECT_ROOT) : parseCobertura(text, path, PROJECT_ROOT);
    return format === 'junit'
      ? junitFromDocument(parseXmlDocument(text, path, { longTextTags: JUNIT_LONG_TEXT_TAGS }), path, PROJECT_ROOT)
      : coberturaFromDocument(parseXmlDocument(text, path), path, PROJECT_ROOT);
  } catch (err) {
    if (err instanceof ReportError) return { refused: err.message };
    throw err;
  }
}

function expectSame(format: Format, text: string, path = 'report.xml'): unknown {
  const streamed = outcome(format, text, path, true);
  expect(streamed).toEqual(outcome(format, text, path, false));
  return streamed;
}

/** How many bulk elements a streamed parse hands over, and how many it leaves in the tree. */
function streamedCount(format: Format, text: string): { handed: number; kept: number } {
  const tag = format === 'junit' ? 'testcase' : 'line';
  let handed = 0;
  const { root } = parseXmlDocument(text, 'r.xml', { stream: { tags: [tag], onElement: () => void handed++ } });
  const count = (el: XmlElement): number => xmlChildren(el, tag).length + el.children.reduce((n, c) => n + count(c), 0);
  return { handed, kept: count(root) };
}

function xmlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...xmlFilesUnder(p));
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

const realReports = ['reports', 'shards', 'golden'].flatMap((d) => {
  const dir = join(REPO_ROOT, 'test', 'fixtures', d);
  try {
    return xmlFilesUnder(dir);
  } catch {
    return [];
  }
});

describe('streamed = whole tree: real reports', () => {
  test('there are real reports to compare', () => {
    expect(realReports.length).toBeGreaterThanOrEqual(20);
  });
  test.each(realReports.map((p) => [p.slice(REPO_ROOT.length + 1), p]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const format: Format = /<coverage[\s>]/.test(text) ? 'cobertura' : 'junit';
    const result = expectSame(format, text, path);
    expect(result).not.toHaveProperty('refused');
    // Every bulk element is handed over as it closes; none stays in the tree.
    const { handed, kept } = streamedCount(format, text);
    expect(kept).toBe(0);
    expect(handed).toBe((text.match(new RegExp(`<${format === 'junit' ? 'testcase' : 'line'}[\\s/>]`, 'g')) ?? []).length);
  });
});

const entries = (JSON.parse(readFileSync(join(HOSTILE_DIR, 'expected.json'), 'utf8')) as CorpusEntry[]).filter(
  (e): e is CorpusEntry & { format: Format } => e.format === 'junit' || e.format === 'cobertura',
);
const genDir = mkdtempSync(join(tmpdir(), 'ng-streaming-'));
afterAll(() => rmSync(genDir, { recursive: true, force: true }));

function counts(format: Format, model: unknown): Record<string, number> {
  if (format === 'junit') {
    const t = summarizeTests((model as ReturnType<typeof parseJunit>).cases);
    return { total: t.total, passed: t.passed, failed: t.failed, errors: t.errors, skipped: t.skipped };
  }
  const { files } = model as ReturnType<typeof parseCobertura>;
  const t = coverageTotals(files);
  return { files: files.length, linesTotal: t.linesTotal, linesCovered: t.linesCovered, branchesTotal: t.branchesTotal, branchesCovered: t.branchesCovered };
}

describe('streamed = whole tree: the hostile corpus', () => {
  test.each(entries.map((e) => [e.file, e] as const))('%s', async (_name, e) => {
    let path = join(HOSTILE_DIR, e.file);
    if (e.generate) {
      path = join(genDir, e.file);
      generate(e.generate, path);
    }
    let text: string;
    try {
      text = await readReportFile(path);
    } catch (err) {
      expect(err).toBeInstanceOf(ReportError);
      expect(e.outcome).toBe('error');
      return; // refused before any XML parsing: nothing to compare
    }
    const t0 = performance.now();
    const result = outcome(e.format, text, path, true);
    const ms = performance.now() - t0;
    expect(result).toEqual(outcome(e.format, text, path, false));
    if (e.outcome === 'parse') {
      expect(counts(e.format, result)).toEqual(e.counts);
    } else {
      const reason = (result as { refused: string }).refused;
      expect(reason.startsWith(`${path}: `)).toBe(true);
      expect(reason.slice(path.length + 2)).toMatch(new RegExp(e.errorMatch ?? '.', 'i'));
    }
    if (e.bomb) expect(ms).toBeLessThan(1000);
  });
});

const J = (body: string): string => `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="pytest tests"><testsuite name="pytest">${body}</testsuite></testsuites>`;
const C = (lines: string): string =>
  `<?xml version="1.0" ?><coverage><sources><source>/tmp/nebula-gate-fixtures/demo/src</source></sources><packages><package name="p"><classes><class name="a.py" filename="a.py"><methods/><lines>${lines}</lines></class></classes></package></packages></coverage>`;
const tc = (n: number, extra = ''): string => `<testcase classname="t" name="test_${n}" file="tests/t.py" line="${n}" time="0.1"${extra}/>`;

describe('streamed = whole tree: edge cases', () => {
  const junitCases: Array<[string, string]> = [
    ['plain run', J(`\n  ${tc(1)}\n  ${tc(2)}\n  ${tc(3)}\n`)],
    ['runs split by a failing case', J(`${tc(1)}<testcase classname="t" name="f" time="1"><failure message="m &amp; &lt;x&gt;">tb &lt;here&gt;</failure></testcase>${tc(2)} ${tc(3)}`)],
    ['runs split by text', J(`${tc(1)}junk${tc(2)}`)],
    ['entities in attributes', J(`<testcase classname="a&amp;b" name="t&#10;&#x1F600;&quot;&apos;&lt;&gt;&amp;lt;" time="1"/>`)],
    ['single quotes and > in values', J(`<testcase classname='a"b' name="x>y" time='2'/>`)],
    ['unknown entity (left as written)', J(`<testcase name="a &nbsp; b"/>${tc(1)}`)],
    ['bare ampersand', J(`<testcase name="a & b"/>`)],
    ['invalid character reference', J(`<testcase name="&#0;&#xD800;&#99999999;"/>`)],
    ['duplicate attribute', J(`${tc(1)}<testcase name="a" name="b"/>`)],
    ['attributes without whitespace', J(`<testcase name="a"time="1"/>`)],
    ['unquoted attribute', J(`<testcase name=a/>`)],
    ['boolean attribute', J(`<testcase name="a" flaky/>`)],
    ['< in a value', J(`<testcase name="a<b"/>`)],
    ['newline and tab in a value', J(`<testcase name="a\n\tb"/>`)],
    ['NUL in a value', J(`<testcase name="a\u0000b"/>`)],
    ['__proto__ attribute', J(`<testcase name="a" __proto__="x" constructor="y"/>`)],
    ['test cases in a nested suite between others', J(`${tc(1)}<testsuite name="inner">${tc(2)}<testsuite>${tc(3)}</testsuite>${tc(4)}</testsuite>${tc(5)}`)],
    ['a nameless case in a nested suite', J(`${tc(1)}<testsuite name="inner"><testcase classname="x"/></testsuite>${tc(2)}`)],
    ['test case in an attribute of another element', `<testsuites><testsuite name="x" data="<testcase name='a'/>">${tc(1)}</testsuite></testsuites>`],
    ['test cases directly under testsuites', `<testsuites>${tc(1)}${tc(2)}<testsuite>${tc(3)}</testsuite>${tc(4)}</testsuites>`],
    ['test case as root', tc(1)],
    ['two test cases as roots', `${tc(1)}\n${tc(2)}`],
    ['test case after the root', `<testsuite>${tc(1)}</testsuite>${tc(2)}`],
    ['test case inside a failure body', J(`<testcase name="f"><failure message="m">x ${tc(1)} ${tc(2)} y</failure></testcase>`)],
    ['nested failure in a failure body', J(`<testcase name="f"><failure>a<failure>b</failure>${tc(1)} ${tc(2)}c</failure></testcase>${tc(3)}`)],
    ['failure close tag look-alike', J(`<testcase name="f"><failure>a</failurex>${tc(1)}</failure></testcase>`)],
    ['test case nested in a test case', J(`<testcase name="outer">${tc(1)} ${tc(2)}</testcase>`)],
    ['test case under another parent', J(`<properties>${tc(1)}${tc(2)}</properties>${tc(3)}`)],
    ['truncated', J(`${tc(1)}${tc(2)}`).slice(0, -30)],
    ['truncated inside a test case', J(`${tc(1)}${tc(2)}`).slice(0, 150)],
    ['mismatched close', `<testsuites><testsuite>${tc(1)}</testsuites></testsuite>`],
    ['unclosed root', `<testsuites><testsuite>${tc(1)}</testsuite>`],
    ['stray close tag', `<testsuites></x><testsuite>${tc(1)}</testsuite></testsuites>`],
    ['comment between cases', J(`${tc(1)}<!-- c -->${tc(2)}`)],
    ['CDATA', J(`${tc(1)}<testcase name="f"><failure><![CDATA[<testcase name="z"/>]]></failure></testcase>`)],
    ['comment in a failure body', J(`<testcase name="f"><failure>a<!-- </failure> -->b</failure></testcase>${tc(1)}${tc(2)}`)],
    ['comment before the root', `<?xml version="1.0"?>\n<!-- x -->\n<testsuite>${tc(1)}<!--y-->${tc(2)}</testsuite>`],
    ['unterminated comment', J(`${tc(1)}<!-- x ${tc(2)}`)],
    ['DOCTYPE', `<!DOCTYPE testsuites SYSTEM "x.dtd">${J(tc(1)).replace(/^<\?xml[^>]*>\n/, '')}`],
    ['processing instruction', J(`${tc(1)}<?pi x?>${tc(2)}`)],
    ['declaration not first', `\n<?xml version="1.0"?><testsuite>${tc(1)}</testsuite>`],
    ['no declaration', `<testsuite name="pytest">${tc(1)}${tc(2)}</testsuite>`],
    ['test case with a space before />', J(`<testcase name="a" />${tc(1)}`)],
    ['test case with no attributes', J(`<testcase/>${tc(1)}`)],
    ['namespaced test case', J(`<x:testcase name="a"/>${tc(1)}`)],
    ['text after a run, then close', J(`${tc(1)}${tc(2)}tail`)],
    ['empty attribute values', J(`<testcase name="" classname="" file="" line="" time=""/>`)],
    ['deep nesting', `<testsuites>${'<testsuite>'.repeat(99)}${tc(1)}${'</testsuite>'.repeat(99)}</testsuites>`],
    ['too deep', `<testsuites>${'<testsuite>'.repeat(100)}${tc(1)}${'</testsuite>'.repeat(100)}</testsuites>`],
  ];
  test.each(junitCases)('JUnit: %s', (_name, text) => {
    expectSame('junit', text);
  });

  const line = (n: number, extra = ''): string => `<line number="${n}" hits="${n % 2}"${extra}/>`;
  const coberturaCases: Array<[string, string]> = [
    ['plain lines', C(`\n\t\t${line(1)}\n\t\t${line(2)}\n\t\t${line(3, ' branch="true" condition-coverage="50% (1/2)" missing-branches="4"')}\n`)],
    ['bad hits', C(`${line(1)}<line number="2" hits="x"/>`)],
    ['missing number', C(`${line(1)}<line hits="1"/>`)],
    ['line outside <lines>', C(line(1)).replace('<methods/>', `<methods>${line(7)}${line(8)}</methods>`)],
    ['line not self-closing', C(`${line(1)}<line number="2" hits="1"></line>${line(3)}`)],
    ['repeated line numbers', C(`${line(1)}${line(1)}${line(2)}`)],
    ['entities in values', C(`<line number="&#49;" hits="&#x30;"/>`)],
    ['truncated', C(`${line(1)}${line(2)}`).slice(0, -40)],
    ['a file listed in two classes', C(`${line(3)}${line(1)}`).replace('</classes>', `<class name="b" filename="a.py"><lines>${line(2)}${line(1, ' branch="true" condition-coverage="50% (1/2)"')}</lines></class></classes>`)],
    ['sources after the packages', C(line(1)).replace(/(<sources>.*<\/sources>)(.*)(<\/coverage>)/, '$2$1$3')],
    ['a class without filename', C(line(1)).replace(' filename="a.py"', '')],
    ['lines under an unexpected parent', C(line(1)).replace('<lines>', '<lines><extra>').replace('</lines>', '</extra></lines>')],
  ];
  test.each(coberturaCases)('Cobertura: %s', (_name, text) => {
    expectSame('cobertura', text);
  });
});

describe('streamed = whole tree: random documents (property)', () => {
  const attrValue = fc.constantFrom('a', '', 'x y', '&amp;', '&lt;b&gt;', '&#10;', '&#x1F600;', '&bogus;', '&', '<', '>', '"', "'", '\t', '&#0;', '1', '-1', 'NaN', '0.5');
  const attr = fc.tuple(fc.constantFrom('name', 'classname', 'file', 'line', 'time', 'number', 'hits', 'name', 'x:y', '1a', '__proto__'), attrValue, fc.constantFrom('"', "'"), fc.constantFrom(' ', '\n', ''))
    .map(([n, v, q, sp]) => `${sp}${n}=${q}${v}${q}`);
  const selfClosing = (tag: string) => fc.tuple(fc.array(attr, { maxLength: 4 }), fc.constantFrom('/>', ' />', '>', '/ >', '')).map(([as, end]) => `<${tag}${as.join('')}${end}`);
  const junitToken = fc.oneof(
    { weight: 6, arbitrary: selfClosing('testcase') },
    { weight: 1, arbitrary: fc.constantFrom('<testsuite name="pytest">', '</testsuite>', '<testcase name="f">', '</testcase>', '<failure message="m">', '</failure>', '<skipped/>', '<system-out>', '</system-out>', '<properties>', '</properties>') },
    { weight: 2, arbitrary: fc.constantFrom(' ', '\n  ', 'text', '&amp;', '&', '<!-- c -->', '<![CDATA[x]]>', '>', '<') },
  );
  test('JUnit: same model or same refusal', () => {
    fc.assert(
      fc.property(fc.array(junitToken, { maxLength: 30 }), fc.boolean(), (tokens, decl) => {
        const text = `${decl ? '<?xml version="1.0"?>\n' : ''}<testsuites><testsuite name="pytest">${tokens.join('')}</testsuite></testsuites>`;
        expect(outcome('junit', text, 'r.xml', true)).toEqual(outcome('junit', text, 'r.xml', false));
      }),
      { numRuns: runs(3000) },
    );
  });
  const coberturaToken = fc.oneof(
    { weight: 6, arbitrary: selfClosing('line') },
    { weight: 1, arbitrary: fc.constantFrom('<lines>', '</lines>', '<line number="5" hits="1">', '</line>', '<methods>', '</methods>') },
    { weight: 2, arbitrary: fc.constantFrom(' ', '\n\t\t', 'text', '&amp;', '<!-- c -->') },
  );
  test('Cobertura: same model or same refusal', () => {
    fc.assert(
      fc.property(fc.array(coberturaToken, { maxLength: 30 }), (tokens) => {
        const text = C(tokens.join(''));
        expect(outcome('cobertura', text, 'c.xml', true)).toEqual(outcome('cobertura', text, 'c.xml', false));
      }),
      { numRuns: runs(3000) },
    );
  });
});
