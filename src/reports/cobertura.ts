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
import { parseXmlDocument, xmlAttr, xmlChildren, xmlText, type XmlElement, type XmlParseOptions } from './xml.js';

export interface CoberturaOptions {
  /**
   * Whether a path exists (absolute, POSIX separators). With several <source> roots a relative class filename
   * is ambiguous: the first source under which it exists wins. Without it, the first source whose join lies
   * under the project root wins — right whenever there is a single source, as when coverage.py measures one
   * package or directory.
   */
  exists?: (path: string) => boolean;
  /** Limits for the XML parse (size cap, depth). */
  xml?: Pick<XmlParseOptions, 'maxBytes' | 'maxDepth' | 'maxTextRun' | 'maxElements' | 'maxAttributes' | 'fastPath'>;
}

/** The bulk elements, read by the XML fast path when self-closing (their parents' text is never read). */
const FAST_ELEMENTS = { line: ['lines'] };
const ARRAY_TAGS = ['source', 'package', 'class', 'line', 'method'];

interface LineData {
  hits: number;
  branchesCovered: number;
  branchesTotal: number;
}

export function parseCobertura(content: string, path: string, projectRoot: string, opts: CoberturaOptions = {}): CoverageReport {
  const { rootName, root } = parseXmlDocument(content, path, { ...opts.xml, arrayTags: ARRAY_TAGS, fastElements: FAST_ELEMENTS });
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

  const byFile = new Map<string, Map<number, LineData>>();
  for (const packagesEl of xmlChildren(root, 'packages')) {
    for (const pkg of xmlChildren(packagesEl, 'package')) {
      for (const classesEl of xmlChildren(pkg, 'classes')) {
        for (const cls of xmlChildren(classesEl, 'class')) {
          const filename = xmlAttr(cls, 'filename');
          if (filename === undefined || filename.trim() === '') {
            throw new ReportError(path, 'a <class> element has no filename attribute');
          }
          const file = resolveFile(filename, sources, root_, opts.exists);
          let lines = byFile.get(file);
          if (!lines) {
            lines = new Map();
            byFile.set(file, lines);
          }
          for (const linesEl of xmlChildren(cls, 'lines')) {
            for (const lineEl of xmlChildren(linesEl, 'line')) addLine(lines, lineEl, path, file);
          }
        }
      }
    }
  }

  const files: FileCoverage[] = [];
  for (const [file, lines] of byFile) {
    const hitsByLine = new Map<number, number>();
    let branchesCovered = 0;
    let branchesTotal = 0;
    for (const number of [...lines.keys()].sort((a, b) => a - b)) {
      const d = lines.get(number)!;
      hitsByLine.set(number, d.hits);
      branchesCovered += d.branchesCovered;
      branchesTotal += d.branchesTotal;
    }
    files.push({ file, lines: hitsByLine, branchesCovered, branchesTotal });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files };
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

const INT = /^\d{1,15}$/;
const CONDITION = /^\s*\d+(?:\.\d+)?\s*%\s*\(\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*\)\s*$/;

function addLine(lines: Map<number, LineData>, el: XmlElement, path: string, file: string): void {
  const numberAttr = xmlAttr(el, 'number')?.trim();
  if (numberAttr === undefined || !INT.test(numberAttr) || Number(numberAttr) < 1) {
    throw new ReportError(path, `${file}: invalid line number ${JSON.stringify(clip(numberAttr ?? '(missing)'))}`);
  }
  const number = Number(numberAttr);
  const hitsAttr = xmlAttr(el, 'hits')?.trim();
  if (hitsAttr === undefined || !INT.test(hitsAttr)) {
    throw new ReportError(path, `${file}:${number}: invalid hits ${JSON.stringify(clip(hitsAttr ?? '(missing)'))}`);
  }
  const hits = Number(hitsAttr);
  let covered = 0;
  let total = 0;
  const condition = xmlAttr(el, 'condition-coverage');
  if (xmlAttr(el, 'branch')?.trim() === 'true' && condition !== undefined) {
    const m = CONDITION.exec(condition);
    if (!m) throw new ReportError(path, `${file}:${number}: invalid condition-coverage ${JSON.stringify(clip(condition))}`);
    covered = Number(m[1]);
    total = Number(m[2]);
    if (covered > total) {
      throw new ReportError(path, `${file}:${number}: condition-coverage covers more branches than exist (${covered}/${total})`);
    }
  }
  const prev = lines.get(number);
  if (!prev) {
    lines.set(number, { hits, branchesCovered: covered, branchesTotal: total });
  } else {
    // The same line listed again (the file appears in several classes/packages): hits add up; its branches
    // are the same branches measured again, so the larger counts win rather than being counted twice.
    prev.hits = Math.min(prev.hits + hits, Number.MAX_SAFE_INTEGER);
    prev.branchesTotal = Math.max(prev.branchesTotal, total);
    prev.branchesCovered = Math.min(Math.max(prev.branchesCovered, covered), prev.branchesTotal);
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
