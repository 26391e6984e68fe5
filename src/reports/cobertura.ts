/**
 * Cobertura XML (as coverage.py writes it) → CoverageReport.
 *
 * Each <class filename> is joined to one of the <source> roots and made relative to the project root.
 * Lines come from the class's own <lines> (Cobertura's <methods> repeat them and are ignored); excluded lines
 * are simply absent, as coverage.py omits them. Branches come from `condition-coverage="50% (1/2)"`.
 * Totals are computed by `coverageTotals` from these elements only; the report's own line-rate,
 * lines-valid, … attributes are never read (SECURITY.md R5.6).
 */
import { ReportError, type CoverageReport, type FileCoverage } from './model.js';
import { isAbsolutePath, isUnder, joinPosix, toPosix, toProjectPath } from './paths.js';
import { parseXmlDocument, type XmlParseOptions } from './xml/parse.js';
import { xmlAttr, xmlAttrReader, xmlChildren, xmlText, type XmlDocument, type XmlElement } from './xml/element.js';

export interface CoberturaOptions {
  /**
   * Whether a path exists (absolute, POSIX separators). With several <source> roots a relative class filename
   * is ambiguous: the first source under which it exists wins. Without it, the first source whose join lies
   * under the project root wins — right whenever there is a single source, as when coverage.py measures one
   * package or directory.
   */
  exists?: (path: string) => boolean;
  /** Limits for the XML parse (size cap, depth). */
  xml?: Pick<XmlParseOptions, 'maxBytes' | 'maxDepth' | 'maxTextRun' | 'maxElements' | 'maxAttributes'>;
}

/**
 * What <line> elements add up to while reading (one class's, then one file's). Hits are kept in the Map the model
 * uses, filled in document order; branch counts only for lines that have branches (a tenth of them in
 * coverage.py's output), so a report of a million lines costs one Map entry per line and no object per line.
 */
interface FileLines {
  hits: Map<number, number>;
  /** Line → covered/total branches, for lines with branch data only. */
  branches: Map<number, { covered: number; total: number }>;
  /** The last line number read; lines arrive in increasing order unless a file is listed twice. */
  last: number;
  inOrder: boolean;
}

const FILENAME = xmlAttrReader('filename');
const NUMBER = xmlAttrReader('number');
const HITS = xmlAttrReader('hits');
const BRANCH = xmlAttrReader('branch');
const CONDITION_COVERAGE = xmlAttrReader('condition-coverage');

/** Where <line> elements count: coverage/packages/package/classes/class/lines (not under <methods>, which repeat them). */
const LINE_PATH = ['coverage', 'packages', 'package', 'classes', 'class', 'lines'];

export function parseCobertura(content: string, path: string, projectRoot: string, opts: CoberturaOptions = {}): CoverageReport {
  const byClass = new Map<XmlElement, FileLines>();
  let cls: XmlElement | undefined;
  let lines = newLines();
  const doc = parseXmlDocument(content, path, {
    ...opts.xml,
    textTags: ['source'],
    // Lines are read as they close: the tree keeps the rest (sources, packages, classes and their containers).
    stream: {
      tags: ['line'],
      onElement: (line, ancestors, names) => {
        if (!isLinePath(names)) return;
        const owner = ancestors[4]!;
        if (owner !== cls) {
          cls = owner;
          lines = byClass.get(owner) ?? newLines();
          byClass.set(owner, lines);
        }
        addLine(lines, line, path, owner);
      },
    },
  });
  return assemble(doc, byClass, path, projectRoot, opts);
}

/**
 * The coverage report of a whole parsed Cobertura tree (`parseXmlDocument` without a stream, or any other XML
 * reader's in the shape of xml/element.ts): the reference that the streamed reading is tested against, and what
 * the reader race of scripts/xml-race feeds.
 */
export function coberturaFromDocument(doc: XmlDocument, path: string, projectRoot: string, opts: Pick<CoberturaOptions, 'exists'> = {}): CoverageReport {
  const byClass = new Map<XmlElement, FileLines>();
  if (doc.rootName === 'coverage') {
    for (const cls of classesOf(doc.root)) {
      const lines = newLines();
      byClass.set(cls, lines);
      for (const linesEl of xmlChildren(cls, 'lines')) for (const line of xmlChildren(linesEl, 'line')) addLine(lines, line, path, cls);
    }
  }
  return assemble(doc, byClass, path, projectRoot, opts);
}

function isLinePath(names: readonly string[]): boolean {
  if (names.length !== LINE_PATH.length) return false;
  for (let i = 0; i < names.length; i++) if (names[i] !== LINE_PATH[i]) return false;
  return true;
}

function newLines(): FileLines {
  return { hits: new Map(), branches: new Map(), last: 0, inOrder: true };
}

/** The <class> elements of the report, in document order. */
function* classesOf(root: XmlElement): Generator<XmlElement> {
  for (const packagesEl of xmlChildren(root, 'packages')) {
    for (const pkg of xmlChildren(packagesEl, 'package')) {
      for (const classesEl of xmlChildren(pkg, 'classes')) yield* xmlChildren(classesEl, 'class');
    }
  }
}

/** Each class's lines under its file (class filename joined to a <source>), files listed twice merged. */
function assemble({ rootName, root }: XmlDocument, byClass: ReadonlyMap<XmlElement, FileLines>, path: string, projectRoot: string, opts: Pick<CoberturaOptions, 'exists'>): CoverageReport {
  if (rootName !== 'coverage') {
    const shown = rootName.length > 60 ? `${rootName.slice(0, 60)}…` : rootName;
    throw new ReportError(path, `not a Cobertura report (root element <${shown}>, expected <coverage>)`);
  }
  const root_ = toPosix(projectRoot);
  const sources: string[] = [];
  for (const sourcesEl of xmlChildren(root, 'sources')) {
    for (const s of xmlChildren(sourcesEl, 'source')) {
      const text = xmlText(s).trim();
      if (text !== '') sources.push(isAbsolutePath(text) ? joinPosix('/', text) : joinPosix(root_, text));
    }
  }

  const byFile = new Map<string, FileLines>();
  for (const cls of classesOf(root)) {
    const file = resolveFile(filenameOf(cls, path), sources, root_, opts.exists);
    const lines = byClass.get(cls) ?? newLines();
    const known = byFile.get(file);
    if (known === undefined) byFile.set(file, lines);
    else for (const [number, hits] of lines.hits) addCounts(known, number, hits, lines.branches.get(number));
  }

  const files: FileCoverage[] = [];
  for (const [file, { hits, branches, inOrder }] of byFile) {
    let branchesCovered = 0;
    let branchesTotal = 0;
    for (const b of branches.values()) {
      branchesCovered += b.covered;
      branchesTotal += b.total;
    }
    const lines = inOrder ? hits : new Map([...hits].sort((a, b) => a[0] - b[0]));
    files.push({ file, lines, branchesCovered, branchesTotal });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  refuseLostLines(root, files, sources, path);
  return { files };
}

/**
 * The totals come from the elements (R5.6); the root's own count is used only to see that none are missing.
 * coverage.py measuring two source directories that hold a file of the same relative name (`a/__init__.py`,
 * `b/__init__.py`) writes one class for both: the elements then hold fewer lines than the report measured, and a
 * total read from them could pass where the project does not. Such a report fails closed.
 */
function refuseLostLines(root: XmlElement, files: readonly FileCoverage[], sources: readonly string[], path: string): void {
  // Only where the loss can happen: a lying total on a one-source report stays ignored, as every other summary is.
  const declared = count(xmlAttr(root, 'lines-valid'));
  if (declared === undefined || sources.length < 2) return;
  const found = files.reduce((n, f) => n + f.lines.size, 0);
  if (found >= declared) return;
  throw new ReportError(path, `holds ${found} lines but measured ${declared}; its ${sources.length} sources probably share a file name, which coverage.py's XML keeps once — measure one source root (e.g. [tool.coverage.run] source = ["."] with omit, or a src/ layout)`);
}

function filenameOf(cls: XmlElement, path: string): string {
  const filename = FILENAME(cls);
  if (filename === undefined || filename.trim() === '') throw new ReportError(path, 'a <class> element has no filename attribute');
  return filename;
}

/**
 * The class filename joined to its source root, relative to the project root (POSIX). A file outside the
 * project root keeps its absolute POSIX path, so that the totals still match coverage.py's own.
 */
function resolveFile(filename: string, sources: readonly string[], projectRoot: string, exists?: (p: string) => boolean): string {
  let abs: string;
  if (isAbsolutePath(filename)) {
    abs = joinPosix('/', filename);
  } else {
    const candidates = sources.map((s) => joinPosix(s, filename));
    abs =
      (exists ? candidates.find((c) => exists(c)) : undefined) ??
      candidates.find((c) => isUnder(c, projectRoot)) ??
      joinPosix(projectRoot, filename);
  }
  return toProjectPath(abs, projectRoot) ?? abs;
}

const CONDITION = /^\s*\d+(?:\.\d+)?\s*%\s*\(\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*\)\s*$/;

const INT = /^\d{1,15}$/;

/**
 * A count of 1 to 15 decimal digits, surrounding whitespace allowed; else undefined. Plain digits (what every
 * tool writes) are read without a regex or a trimmed copy, as this runs once per line of the report.
 */
function count(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const length = value.length;
  if (length > 0 && length <= 15) {
    let n = 0;
    let k = 0;
    for (; k < length; k++) {
      const d = value.charCodeAt(k) - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (k === length) return n;
  }
  const trimmed = value.trim();
  return INT.test(trimmed) ? Number(trimmed) : undefined;
}

function addLine(lines: FileLines, el: XmlElement, path: string, cls: XmlElement): void {
  const number = count(NUMBER(el));
  if (number === undefined || number < 1) {
    throw new ReportError(path, `${filenameOf(cls, path)}: invalid line number ${JSON.stringify(clip(NUMBER(el)?.trim() ?? '(missing)'))}`);
  }
  const hits = count(HITS(el));
  if (hits === undefined) {
    throw new ReportError(path, `${filenameOf(cls, path)}:${number}: invalid hits ${JSON.stringify(clip(HITS(el)?.trim() ?? '(missing)'))}`);
  }
  const condition = CONDITION_COVERAGE(el);
  if (condition === undefined || BRANCH(el)?.trim() !== 'true') {
    addCounts(lines, number, hits, undefined);
    return;
  }
  const m = CONDITION.exec(condition);
  if (!m) throw new ReportError(path, `${filenameOf(cls, path)}:${number}: invalid condition-coverage ${JSON.stringify(clip(condition))}`);
  const covered = Number(m[1]);
  const total = Number(m[2]);
  if (covered > total) {
    throw new ReportError(path, `${filenameOf(cls, path)}:${number}: condition-coverage covers more branches than exist (${covered}/${total})`);
  }
  addCounts(lines, number, hits, { covered, total });
}

/**
 * One line's counts added to what is known. The same line listed again (the file appears in several classes or
 * packages): hits add up; its branches are the same branches measured again, so the larger counts win rather
 * than being counted twice.
 */
function addCounts(lines: FileLines, number: number, hits: number, branch: { covered: number; total: number } | undefined): void {
  const prevHits = lines.hits.get(number);
  if (prevHits === undefined) {
    lines.hits.set(number, hits);
    if (branch !== undefined && branch.total > 0) lines.branches.set(number, branch);
    if (number < lines.last) lines.inOrder = false;
    lines.last = number;
    return;
  }
  lines.hits.set(number, Math.min(prevHits + hits, Number.MAX_SAFE_INTEGER));
  const prev = lines.branches.get(number) ?? { covered: 0, total: 0 };
  const total = Math.max(prev.total, branch?.total ?? 0);
  const merged = { covered: Math.min(Math.max(prev.covered, branch?.covered ?? 0), total), total };
  if (merged.total > 0) lines.branches.set(number, merged);
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
