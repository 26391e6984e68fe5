/**
 * The linear pre-scans that run before the parser (SECURITY.md R5.2): entity declarations and internal DTD
 * subsets are refused, and what the parse would build is bounded (elements, attributes per element, depth, the
 * longest run of text), so that a bomb is refused in one pass without anything being allocated for it.
 */
import { ReportError } from '../model.js';

export interface Limits {
  maxRun: number;
  maxElements: number;
  maxAttributes: number;
  maxDepth: number;
  /** Elements whose text (their whole content) is exempt from `maxRun`: tracebacks, captured output. */
  longTextTags: ReadonlySet<string>;
}

/**
 * One linear pass over `<!` constructs (comments and CDATA are skipped so that a test's captured output
 * mentioning `<!ENTITY` in a CDATA block is not a false positive): any entity declaration, or a DOCTYPE with
 * an internal subset, is rejected before the parser runs.
 */
export function rejectDeclarations(text: string, path: string): void {
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<!', i);
    if (lt < 0) return;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw new ReportError(path, `malformed or truncated XML: unterminated comment (${at(text, lt)})`);
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new ReportError(path, `malformed or truncated XML: unterminated CDATA section (${at(text, lt)})`);
      i = end + 3;
      continue;
    }
    const keyword = text.slice(lt + 2, lt + 9).toUpperCase();
    if (keyword.startsWith('ENTITY')) {
      throw new ReportError(path, `entity declarations (<!ENTITY) are not allowed in reports (${at(text, lt)})`);
    }
    if (keyword === 'DOCTYPE') {
      // Scan to the closing '>' respecting quoted literals; a '[' outside quotes opens an internal subset.
      let quote = '';
      let j = lt + 9;
      for (; j < text.length; j++) {
        const ch = text[j];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") {
          quote = ch;
        } else if (ch === '[') {
          throw new ReportError(path, `a DOCTYPE with an internal subset is not allowed in reports (${at(text, lt)})`);
        } else if (ch === '>') {
          break;
        }
      }
      if (j >= text.length) throw new ReportError(path, `malformed or truncated XML: unterminated DOCTYPE (${at(text, lt)})`);
      i = j + 1;
      continue;
    }
    i = lt + 2;
  }
}

/**
 * Bounds the parse before it runs, in one pass over the markup: the number of elements, the attributes of one
 * element (counted as the `=` signs outside quoted values), the nesting depth, and the longest run of character
 * data outside comments, CDATA, processing instructions and `longTextTags` elements. Linear on any input. It
 * judges costs only: malformed markup is left to the parser, which refuses it.
 */
export function rejectCostlyDocuments(text: string, path: string, limits: Limits): void {
  const { maxRun, maxElements, maxAttributes, maxDepth, longTextTags } = limits;
  let elements = 0;
  let depth = 0;
  /** The depth of the outermost open `longTextTags` element; 0 when none is open. */
  let longTextDepth = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const runEnd = lt < 0 ? text.length : lt;
    if (longTextDepth === 0 && runEnd - i > maxRun) {
      throw new ReportError(path, `a text node of ${runEnd - i} characters exceeds the limit (${maxRun})`);
    }
    if (lt < 0) return;
    const c1 = text.charCodeAt(lt + 1);
    let next: number;
    if (c1 === 0x21 /* ! */ && text.startsWith('<!--', lt)) {
      next = text.indexOf('-->', lt + 4) + 3;
    } else if (c1 === 0x21 && text.startsWith('<![CDATA[', lt)) {
      next = text.indexOf(']]>', lt + 9) + 3;
    } else if (c1 === 0x3f /* ? */) {
      next = text.indexOf('?>', lt + 2) + 2;
    } else {
      // To the '>' that closes this markup, quoted values respected, counting the '=' outside them.
      let quote = 0;
      let equals = 0;
      let gt = lt + 1;
      for (; gt < text.length; gt++) {
        const ch = text.charCodeAt(gt);
        if (quote !== 0) {
          if (ch === quote) quote = 0;
        } else if (ch === 0x22 || ch === 0x27) {
          quote = ch;
        } else if (ch === 0x3e) {
          break;
        } else if (ch === 0x3d) {
          equals++;
        }
      }
      if (gt >= text.length) return; // an unterminated tag: the parser refuses it
      next = gt + 1;
      const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
      if (c1 === 0x2f /* / */) {
        if (depth === longTextDepth) longTextDepth = 0;
        depth--;
      } else if (c1 !== 0x21) {
        if (++elements > maxElements) throw new ReportError(path, `more than ${maxElements} elements`);
        if (equals > maxAttributes) throw new ReportError(path, `an element has more than ${maxAttributes} attributes`);
        if (!selfClosing) {
          if (++depth > maxDepth) throw new ReportError(path, `XML nested deeper than ${maxDepth} elements (${at(text, lt)})`);
          if (longTextDepth === 0 && longTextTags.size > 0 && longTextTags.has(tagName(text, lt + 1, gt))) longTextDepth = depth;
        }
      }
    }
    if (next < 3) return; // an end marker is missing: the parser refuses such text
    i = next;
  }
}

/** "line L, column C" (1-based) of `index`, for a refusal's message. */
function at(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/** The name of the start tag whose name begins at `from` (the tag ends before `gt`). */
function tagName(text: string, from: number, gt: number): string {
  let j = from;
  while (j < gt) {
    const c = text.charCodeAt(j);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x2f) break;
    j++;
  }
  return text.slice(from, j);
}
