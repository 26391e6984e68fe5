/**
 * JUnit XML → TestReport. Reads pytest's xunit1 (testcase carries file= and a 0-based line=) and xunit2
 * (no file/line), and the generic JUnit of other runners (root <testsuites> or <testsuite>, suites nested to
 * any depth, test cases directly under <testsuites> as Node's runner writes them).
 *
 * Counts are never read from the summary attributes (tests=, failures=, …): the model is built from the
 * <testcase> elements only (SECURITY.md R5.6).
 */
import { ReportError, type TestCase, type TestOutcome, type TestReport } from './model.js';
import { toProjectPath } from './paths.js';
import { parseXmlDocument, type XmlParseOptions } from './xml/parse.js';
import { xmlAttr, xmlAttrReader, xmlChildren, xmlText, type XmlDocument, type XmlElement } from './xml/element.js';

export interface JunitOptions {
  /**
   * What the `line` attribute counts from. pytest writes the 0-based line of the test's definition; other
   * runners (PHPUnit, …) write 1-based lines. Default: 0 when the report was written by pytest (root
   * <testsuites name="pytest tests"> or a top-level <testsuite name="pytest">), else 1.
   */
  lineBase?: 0 | 1;
  /** Limits for the XML parse (size cap, depth). */
  xml?: Pick<XmlParseOptions, 'maxBytes' | 'maxDepth' | 'maxTextRun' | 'maxElements' | 'maxAttributes'>;
}

/** Elements that carry the bulk of a report's text (tracebacks, captured output): exempt from the XML text-run limit. */
export const JUNIT_LONG_TEXT_TAGS: readonly string[] = [
  'failure',
  'error',
  'skipped',
  'system-out',
  'system-err',
  // Surefire's rerun elements: not outcomes, but potentially large.
  'rerunFailure',
  'rerunError',
  'flakyFailure',
  'flakyError',
];

/** The outcome elements, whose text is a case's details: the only text read. */
const DETAIL_TAGS = ['error', 'failure', 'skipped'];

/**
 * Test cases by the element (the root or a suite) they sit directly in, in document order, as read; and those
 * without a name, refused once their place in the report is known.
 */
interface Found {
  bySuite: Map<XmlElement, TestCase[]>;
  nameless: Set<TestCase>;
}

export function parseJunit(content: string, path: string, projectRoot: string, opts: JunitOptions = {}): TestReport {
  const found: Found = { bySuite: new Map(), nameless: new Set() };
  const doc = parseXmlDocument(content, path, {
    ...opts.xml,
    longTextTags: JUNIT_LONG_TEXT_TAGS,
    textTags: DETAIL_TAGS,
    // Test cases are read as they close: only the suites stay in the tree.
    stream: {
      tags: ['testcase'],
      onElement: (tc, ancestors, names) => {
        if (isSuitePath(names)) addCase(found, ancestors[ancestors.length - 1]!, tc, projectRoot);
      },
    },
  });
  return assemble(doc, found, path, opts);
}

/**
 * The test report of a whole parsed JUnit tree (`parseXmlDocument` without a stream, or any other XML reader's in
 * the shape of xml/element.ts): the reference that the streamed reading is tested against, and what the reader
 * race of scripts/xml-race feeds.
 */
export function junitFromDocument(doc: XmlDocument, path: string, projectRoot: string, opts: Pick<JunitOptions, 'lineBase'> = {}): TestReport {
  const found: Found = { bySuite: new Map(), nameless: new Set() };
  const walk = (el: XmlElement): void => {
    for (const tc of xmlChildren(el, 'testcase')) addCase(found, el, tc, projectRoot);
    for (const suite of xmlChildren(el, 'testsuite')) walk(suite);
  };
  if (doc.rootName === 'testsuites' || doc.rootName === 'testsuite') walk(doc.root);
  return assemble(doc, found, path, opts);
}

/** Where test cases are read: directly under the root (<testsuites> or <testsuite>) or a <testsuite> nested in it. */
function isSuitePath(names: readonly string[]): boolean {
  for (let i = names.length - 1; i > 0; i--) if (names[i] !== 'testsuite') return false;
  return names[0] === 'testsuites' || names[0] === 'testsuite';
}

function addCase(found: Found, suite: XmlElement, tc: XmlElement, projectRoot: string): void {
  const name = NAME(tc);
  const c = toCase(tc, name ?? '', projectRoot);
  if (name === undefined) found.nameless.add(c);
  let cases = found.bySuite.get(suite);
  if (cases === undefined) found.bySuite.set(suite, (cases = []));
  cases.push(c);
}

/** The cases in report order (those of an element, then those of its nested suites), their lines 1-based. */
function assemble({ rootName, root }: XmlDocument, found: Found, path: string, opts: Pick<JunitOptions, 'lineBase'>): TestReport {
  if (rootName !== 'testsuites' && rootName !== 'testsuite') {
    throw new ReportError(path, `not a JUnit report (root element <${clipName(rootName)}>, expected <testsuites> or <testsuite>)`);
  }
  const shift = (opts.lineBase ?? (isPytestReport(rootName, root) ? 0 : 1)) === 0 ? 1 : 0;
  const cases: TestCase[] = [];
  const collect = (el: XmlElement): void => {
    for (const c of found.bySuite.get(el) ?? []) {
      if (found.nameless.has(c)) throw new ReportError(path, `test case #${cases.length + 1} has no name attribute`);
      if (c.line !== null) c.line = c.line + shift >= 1 ? c.line + shift : null;
      cases.push(c);
    }
    for (const suite of xmlChildren(el, 'testsuite')) collect(suite);
  };
  collect(root);
  return { cases };
}

function isPytestReport(rootName: string, root: XmlElement): boolean {
  if (rootName === 'testsuites') {
    if (xmlAttr(root, 'name') === 'pytest tests') return true;
    return xmlChildren(root, 'testsuite').some((s) => xmlAttr(s, 'name') === 'pytest');
  }
  return xmlAttr(root, 'name') === 'pytest';
}

const NAME = xmlAttrReader('name');
const CLASSNAME = xmlAttrReader('classname');
const FILE = xmlAttrReader('file');
const LINE = xmlAttrReader('line');
const TIME = xmlAttrReader('time');
const MESSAGE = xmlAttrReader('message');
const TYPE = xmlAttrReader('type');

/** A test case as read, its `line` as written (`assemble` makes it 1-based). */
function toCase(tc: XmlElement, name: string, projectRoot: string): TestCase {
  const fileAttr = FILE(tc);
  const file = fileAttr === undefined ? null : toProjectPath(fileAttr, projectRoot);
  const line = file === null ? null : parseLine(LINE(tc));

  // Outcome priority: error > failure > skipped > passed (a pytest test case can carry several).
  let outcome: TestOutcome = 'passed';
  let detail: XmlElement | undefined;
  const error = xmlChildren(tc, 'error')[0];
  const failure = xmlChildren(tc, 'failure')[0];
  const skipped = xmlChildren(tc, 'skipped')[0];
  if (error) {
    outcome = 'error';
    detail = error;
  } else if (failure) {
    outcome = 'failed';
    detail = failure;
  } else if (skipped) {
    // pytest writes an expected failure as <skipped type="pytest.xfail">: the test ran, and failed as expected.
    outcome = TYPE(skipped) === 'pytest.xfail' ? 'xfailed' : 'skipped';
    detail = skipped;
  }
  return {
    name,
    classname: CLASSNAME(tc) ?? '',
    file,
    line,
    durationSec: parseDuration(TIME(tc)),
    outcome,
    message: detail ? (MESSAGE(detail) ?? '') : '',
    details: detail ? tidyDetails(xmlText(detail)) : '',
  };
}

const DECIMAL = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Seconds: a finite, non-negative decimal, else 0 (missing, NaN, negative, "1,5", "Infinity"). */
export function parseDuration(value: string | undefined): number {
  if (value === undefined) return 0;
  const s = value.trim();
  if (!DECIMAL.test(s)) return 0;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** The report's `line` attribute as written, or null when absent or not a plain integer. */
function parseLine(value: string | undefined): number | null {
  if (value === undefined) return null;
  const s = value.trim();
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

/** Element text without the blank lines and indentation that some writers put around it. */
function tidyDetails(text: string): string {
  return text.replace(/^\s*\n/, '').trimEnd();
}

function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}
