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
import { parseXmlDocument, xmlAttr, xmlChildren, xmlText, type XmlElement, type XmlParseOptions } from './xml.js';

export interface JunitOptions {
  /**
   * What the `line` attribute counts from. pytest writes the 0-based line of the test's definition; other
   * runners (PHPUnit, …) write 1-based lines. Default: 0 when the report was written by pytest (root
   * <testsuites name="pytest tests"> or a top-level <testsuite name="pytest">), else 1.
   */
  lineBase?: 0 | 1;
  /** Limits for the XML parse (size cap, depth). */
  xml?: Pick<XmlParseOptions, 'maxBytes' | 'maxDepth' | 'maxTextRun' | 'maxElements' | 'maxAttributes' | 'fastPath'>;
}

/** The bulk elements, read by the XML fast path when self-closing (their parents' text is never read). */
const FAST_ELEMENTS = { testcase: ['testsuite', 'testsuites'] };
const ARRAY_TAGS = ['testsuite', 'testcase', 'failure', 'error', 'skipped', 'system-out', 'system-err'];
/** Elements that carry the bulk of a report (tracebacks, captured output): read in one piece. */
const RAW_TEXT_TAGS = [
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

export function parseJunit(content: string, path: string, projectRoot: string, opts: JunitOptions = {}): TestReport {
  const { rootName, root } = parseXmlDocument(content, path, { ...opts.xml, arrayTags: ARRAY_TAGS, fastElements: FAST_ELEMENTS, rawTextTags: RAW_TEXT_TAGS });
  if (rootName !== 'testsuites' && rootName !== 'testsuite') {
    throw new ReportError(path, `not a JUnit report (root element <${clipName(rootName)}>, expected <testsuites> or <testsuite>)`);
  }
  const lineBase = opts.lineBase ?? (isPytestReport(rootName, root) ? 0 : 1);
  const cases: TestCase[] = [];
  collect(root, cases, { path, projectRoot, lineBase });
  return { cases };
}

interface Context {
  path: string;
  projectRoot: string;
  lineBase: 0 | 1;
}

/** Test cases of this element, then those of its nested suites (depth is bounded by the XML parse). */
function collect(el: XmlElement, out: TestCase[], ctx: Context): void {
  for (const tc of xmlChildren(el, 'testcase')) out.push(toCase(tc, out.length, ctx));
  for (const suite of xmlChildren(el, 'testsuite')) collect(suite, out, ctx);
}

function isPytestReport(rootName: string, root: XmlElement): boolean {
  if (rootName === 'testsuites') {
    if (xmlAttr(root, 'name') === 'pytest tests') return true;
    return xmlChildren(root, 'testsuite').some((s) => xmlAttr(s, 'name') === 'pytest');
  }
  return xmlAttr(root, 'name') === 'pytest';
}

function toCase(tc: XmlElement, index: number, ctx: Context): TestCase {
  const name = xmlAttr(tc, 'name');
  if (name === undefined) throw new ReportError(ctx.path, `test case #${index + 1} has no name attribute`);
  const classname = xmlAttr(tc, 'classname') ?? '';
  const fileAttr = xmlAttr(tc, 'file');
  const file = fileAttr === undefined ? null : toProjectPath(fileAttr, ctx.projectRoot);
  const line = file === null ? null : parseLine(xmlAttr(tc, 'line'), ctx.lineBase);

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
    outcome = 'skipped';
    detail = skipped;
  }
  return {
    name,
    classname,
    file,
    line,
    durationSec: parseDuration(xmlAttr(tc, 'time')),
    outcome,
    message: detail ? (xmlAttr(detail, 'message') ?? '') : '',
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

/** A 1-based line from the report's `line` attribute, or null when absent or not a plain integer. */
function parseLine(value: string | undefined, base: 0 | 1): number | null {
  if (value === undefined) return null;
  const s = value.trim();
  if (!/^\d{1,9}$/.test(s)) return null;
  const n = Number(s) + (base === 0 ? 1 : 0);
  return n >= 1 ? n : null;
}

/** Element text without the blank lines and indentation that some writers put around it. */
function tidyDetails(text: string): string {
  return text.replace(/^\s*\n/, '').trimEnd();
}

function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}
