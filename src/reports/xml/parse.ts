/**
 * The one safe XML entry point for reports (SECURITY.md R5): every XML report goes through `parseXmlDocument`.
 *
 * Order of defences:
 *  1. size cap (before anything else looks at the text);
 *  2. BOM strip, "does it look like XML at all";
 *  3. a linear pre-scan that rejects `<!ENTITY` and a DOCTYPE with an internal subset (entity bombs are
 *     refused here, in one pass, before the parser allocates anything);
 *  4. a linear pre-scan that bounds what the parse would build: elements, attributes per element, depth, the
 *     longest run of text (prescan.ts);
 *  5. saxes, which checks well-formedness (a truncated document is an error, never a partial tree), decodes the
 *     predefined entities and numeric references only, and names the line and column of what it refuses
 *     (build.ts). Characters XML forbids are made U+FFFD first (repair.ts).
 */
import { ReportError } from '../model.js';
import { buildTree, type XmlStream } from './build.js';
import type { XmlDocument } from './element.js';
import { rejectCostlyDocuments, rejectDeclarations } from './prescan.js';
import { replaceForbiddenCharacters } from './repair.js';

/** Default size cap for one XML report: 64 MiB. */
export const DEFAULT_MAX_XML_BYTES = 64 * 1024 * 1024;
/** Default nesting limit. JUnit nests suites a few levels deep; Cobertura is 7 levels. */
export const DEFAULT_MAX_XML_DEPTH = 100;
/** Default limit on one run of character data outside `longTextTags` elements (8 Mi characters). */
export const DEFAULT_MAX_XML_TEXT_RUN = 8 * 1024 * 1024;
/**
 * Default limit on the number of elements (2.5 million): each costs the tree some 100 bytes of heap, and
 * coverage.py's Cobertura for 64 MiB holds under 2 million elements.
 */
export const DEFAULT_MAX_XML_ELEMENTS = 2_500_000;
/** Most attributes on one element. */
export const DEFAULT_MAX_XML_ATTRIBUTES = 1000;

export interface XmlParseOptions {
  /** Reject documents larger than this many UTF-8 bytes (default 64 MiB). */
  maxBytes?: number;
  /** Reject documents nested deeper than this many elements (default 100; self-closing elements do not count). */
  maxDepth?: number;
  /** Longest run of character data accepted outside `longTextTags` elements (default 8 Mi characters). */
  maxTextRun?: number;
  /** Most elements accepted (default 2.5 million). */
  maxElements?: number;
  /** Most attributes on one element (default 1000). */
  maxAttributes?: number;
  /** Elements whose content may hold text runs longer than `maxTextRun`: tracebacks, captured output. */
  longTextTags?: readonly string[];
  /** The bulk elements, handed over one by one as they close rather than kept in the tree. */
  stream?: XmlStream;
  /** The elements whose text is read (default: every element's); any other element's text is left out (''). */
  textTags?: readonly string[];
}

/** Parses one XML report into its root element, or throws a ReportError naming `path` and the reason. */
export function parseXmlDocument(content: string, path: string, opts: XmlParseOptions = {}): XmlDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  // A UTF-8 byte count is at least the UTF-16 length, so the cheap test rejects most oversize input first.
  if (content.length > maxBytes || Buffer.byteLength(content, 'utf8') > maxBytes) {
    throw new ReportError(path, `too large (${Buffer.byteLength(content, 'utf8')} bytes > ${maxBytes})`);
  }
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const firstNonSpace = text.search(/\S/);
  if (firstNonSpace < 0) throw new ReportError(path, 'empty file');
  if (text[firstNonSpace] !== '<') throw new ReportError(path, 'not XML (does not start with "<")');

  rejectDeclarations(text, path);
  rejectCostlyDocuments(text, path, {
    maxRun: opts.maxTextRun ?? DEFAULT_MAX_XML_TEXT_RUN,
    maxElements: opts.maxElements ?? DEFAULT_MAX_XML_ELEMENTS,
    maxAttributes: opts.maxAttributes ?? DEFAULT_MAX_XML_ATTRIBUTES,
    maxDepth: opts.maxDepth ?? DEFAULT_MAX_XML_DEPTH,
    longTextTags: new Set(opts.longTextTags ?? []),
  });
  return buildTree(replaceForbiddenCharacters(text), path, opts);
}
