/**
 * The one safe XML entry point for reports (SECURITY.md R5). Every XML report goes through
 * `parseXmlDocument`; nothing else in the project constructs an XMLParser.
 *
 * Order of defences:
 *  1. size cap (before anything else looks at the text);
 *  2. BOM strip, line-end normalisation, "does it look like XML at all";
 *  3. a linear pre-scan that rejects `<!ENTITY` and a DOCTYPE with an internal subset (entity bombs are
 *     rejected here, in one pass, before the parser allocates anything);
 *  4. a linear pre-scan that bounds what the parser would allocate or how long it would run: the longest
 *     text run it collects character by character, the number of elements, attributes per element, depth;
 *  5. fast-xml-parser's validator (the parser itself is lenient: it would return a partial tree for a
 *     truncated document, so well-formedness is checked separately), plus the two gaps it leaves (text or a
 *     second element after a self-closing root);
 *  6. the parser with explicit options, a nesting limit, and our own entity decoder that knows only the five
 *     predefined entities and numeric character references (it never expands a declared entity — defence
 *     in depth should a declaration slip past step 3).
 */
import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { ReportError } from './model.js';

/** Default size cap for one XML report: 64 MiB. */
export const DEFAULT_MAX_XML_BYTES = 64 * 1024 * 1024;
/** Default nesting limit. JUnit nests suites a few levels deep; Cobertura is 7 levels. */
export const DEFAULT_MAX_XML_DEPTH = 100;
/**
 * Default limit on one run of character data outside `rawTextTags` elements (8 Mi characters). fast-xml-parser
 * collects such text one character at a time, which costs some 35 bytes of heap per character until the run
 * ends: an unbounded run in a 64 MiB document would need over 2 GB.
 */
export const DEFAULT_MAX_XML_TEXT_RUN = 8 * 1024 * 1024;
/**
 * Default limit on the number of elements (2.5 million). Each costs the parser some 200 bytes of heap, so a
 * 64 MiB document of `<a/>` (16 million elements) would need over 3 GB; coverage.py's Cobertura for 64 MiB
 * holds under 2 million elements.
 */
export const DEFAULT_MAX_XML_ELEMENTS = 2_500_000;
/** Most attributes on one element. The validator and parser slow down more than linearly with this number. */
export const DEFAULT_MAX_XML_ATTRIBUTES = 1000;

/** Attribute keys carry this prefix in parsed elements. */
export const ATTR_PREFIX = '@_';
/** Text content of an element (always present, possibly ''). */
export const TEXT_KEY = '#text';

export interface XmlParseOptions {
  /** Reject documents larger than this many UTF-8 bytes (default 64 MiB). */
  maxBytes?: number;
  /** Reject documents nested deeper than this many elements (default 100). */
  maxDepth?: number;
  /** Longest run of character data accepted outside `rawTextTags` elements (default 8 Mi characters). */
  maxTextRun?: number;
  /** Most elements accepted, not counting those inside `rawTextTags` elements (default 2.5 million). */
  maxElements?: number;
  /** Most attributes on one element (default 1000). */
  maxAttributes?: number;
  /** Tag names that are always parsed as arrays (repeated children such as testcase, line). */
  arrayTags?: readonly string[];
  /**
   * Tag names whose text is read in one piece rather than character by character (fast-xml-parser's stop
   * nodes), then decoded here: CDATA kept literally, entities decoded, comments and child elements dropped.
   * Use it for the elements that carry the bulk of a report (tracebacks, captured output): it keeps parsing
   * linear and memory near the document size. The elements' attributes are parsed as usual.
   */
  rawTextTags?: readonly string[];
  /**
   * The bulk elements of a report that may be read by the fast path (see `extractFastElements`): tag name →
   * the parent tags under which they may be. Each tag must also be in `arrayTags`. The parents' own text (the
   * whitespace between these children) is not kept exactly: list only parents whose text nobody reads.
   */
  fastElements?: Readonly<Record<string, readonly string[]>>;
  /** Set to false to parse the whole document with fast-xml-parser (the differential tests compare both). */
  fastPath?: boolean;
}

/**
 * A parsed element: attributes under `@_name` (strings, entity-decoded, never auto-parsed), text under
 * `#text` (always present), children under their tag name (an object, or an array when repeated or listed
 * in `arrayTags`). Use the accessors below rather than indexing directly.
 */
export type XmlElement = { readonly [key: string]: unknown };

export interface XmlDocument {
  /** Name of the single root element. */
  rootName: string;
  root: XmlElement;
}

/** Attribute value, or undefined when the attribute is absent. */
export function xmlAttr(el: XmlElement, name: string): string | undefined {
  const v = el[attrKey(name)];
  return typeof v === 'string' ? v : undefined;
}

/**
 * A reader of one attribute, for code that reads the same attribute of a million elements: the `@_name` key is
 * built once rather than looked up on every call.
 */
export function xmlAttrReader(name: string): (el: XmlElement) => string | undefined {
  const key = ATTR_PREFIX + name;
  return (el) => {
    const v = el[key];
    return typeof v === 'string' ? v : undefined;
  };
}

const ATTR_KEYS = new Map<string, string>();

/**
 * `@_name`, the same string each time for the names seen most (a property key built afresh by concatenation
 * must be hashed and looked up before every use; on a million elements that is a good part of the work).
 */
function attrKey(name: string): string {
  let key = ATTR_KEYS.get(name);
  if (key === undefined) {
    key = ATTR_PREFIX + name;
    if (ATTR_KEYS.size < 1000) ATTR_KEYS.set(name, key);
  }
  return key;
}

/** Text content ('' when none). CDATA sections are merged into the text. */
export function xmlText(el: XmlElement): string {
  const v = el[TEXT_KEY];
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').join('');
  return '';
}

/** Child elements with the given tag name, in document order ([] when none). */
export function xmlChildren(el: XmlElement, tag: string): XmlElement[] {
  if (tag.startsWith(ATTR_PREFIX) || tag === TEXT_KEY) return [];
  const v = el[tag];
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.filter(isElement);
  return isElement(v) ? [v] : [];
}

function isElement(v: unknown): v is XmlElement {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Decodes the raw bytes of a report: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one when
 * the document starts with `<?`/`<` as the XML spec's autodetection allows). Invalid byte sequences are
 * rejected, not replaced. The returned string has no BOM.
 */
export function decodeReportBytes(buf: Uint8Array, path: string): string {
  const b0 = buf[0];
  const b1 = buf[1];
  if (buf.length >= 4 && b0 === 0xff && b1 === 0xfe && buf[2] === 0 && buf[3] === 0) {
    throw new ReportError(path, 'UTF-32 encoding is not supported (use UTF-8)');
  }
  if (buf.length >= 4 && b0 === 0 && b1 === 0 && buf[2] === 0xfe && buf[3] === 0xff) {
    throw new ReportError(path, 'UTF-32 encoding is not supported (use UTF-8)');
  }
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let start = 0;
  if (b0 === 0xef && b1 === 0xbb && buf[2] === 0xbf) {
    start = 3;
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  } else if (b0 === 0x3c && b1 === 0x00 && buf.length >= 4 && buf[3] === 0x00) {
    encoding = 'utf-16le';
  } else if (b0 === 0x00 && b1 === 0x3c && buf.length >= 4 && buf[2] === 0x00) {
    encoding = 'utf-16be';
  }
  const body = buf.subarray(start);
  if (encoding !== 'utf-8' && body.length % 2 !== 0) {
    throw new ReportError(path, `invalid ${encoding.toUpperCase()}: odd number of bytes`);
  }
  try {
    if (encoding === 'utf-16be') {
      // Swap to little-endian: every Node build decodes utf-16le; utf-16be needs full ICU.
      const swapped = Buffer.from(body);
      swapped.swap16();
      return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(swapped);
    }
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new ReportError(path, `not valid ${encoding.toUpperCase()} text`);
  }
}

/** Parses one XML report into its root element, or throws a ReportError naming `path` and the reason. */
export function parseXmlDocument(content: string, path: string, opts: XmlParseOptions = {}): XmlDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_XML_DEPTH;
  // A UTF-8 byte count is at least the UTF-16 length, so the cheap test rejects most oversize input first.
  if (content.length > maxBytes || Buffer.byteLength(content, 'utf8') > maxBytes) {
    throw new ReportError(path, `too large (${Buffer.byteLength(content, 'utf8')} bytes > ${maxBytes})`);
  }
  let text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  // XML 1.0 §2.11 end-of-line handling: CRLF and lone CR become LF (character references are unaffected).
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');

  const firstNonSpace = text.search(/\S/);
  if (firstNonSpace < 0) throw new ReportError(path, 'empty file');
  if (text[firstNonSpace] !== '<') throw new ReportError(path, 'not XML (does not start with "<")');

  rejectDeclarations(text, path);
  const rawTextTags = new Set(opts.rawTextTags ?? []);
  rejectCostlyDocuments(text, path, rawTextTags, {
    maxRun: opts.maxTextRun ?? DEFAULT_MAX_XML_TEXT_RUN,
    maxElements: opts.maxElements ?? DEFAULT_MAX_XML_ELEMENTS,
    maxAttributes: opts.maxAttributes ?? DEFAULT_MAX_XML_ATTRIBUTES,
    maxDepth,
  });

  const arrayTags = new Set(opts.arrayTags ?? []);
  const fast = opts.fastPath === false ? null : fastTagsOf(opts.fastElements, arrayTags);
  if (fast !== null) {
    const extracted = extractFastElements(text, fast, rawTextTags);
    if (extracted !== null) {
      try {
        const doc = parseWholeDocument(extracted.skeleton, path, maxDepth, arrayTags, rawTextTags);
        expandRuns(doc.root, fast, extracted.runs);
        return doc;
      } catch (err) {
        if (!(err instanceof ReportError)) throw err;
        // Fall through: the full path gives the refusal exactly as it would have (line numbers included).
      }
    }
  }
  return parseWholeDocument(text, path, maxDepth, arrayTags, rawTextTags);
}

/** Steps 5 and 6 over text that passed the pre-scans: validation, the parser, the single root. */
function parseWholeDocument(text: string, path: string, maxDepth: number, arrayTags: ReadonlySet<string>, rawTextTags: ReadonlySet<string>): XmlDocument {
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    throw new ReportError(path, `malformed or truncated XML: ${describeValidationError(validation.err)}`);
  }

  // The validator misses text after a self-closing root (`<r/>junk`), and the parser drops it silently.
  const selfClosingRootEnd = selfClosingRoot(text);
  if (selfClosingRootEnd >= 0) {
    const epilog = text.slice(selfClosingRootEnd).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '');
    if (epilog.includes('<')) throw new ReportError(path, 'malformed XML: more than one root element');
    if (/\S/.test(epilog)) throw new ReportError(path, 'malformed XML: text after the root element');
  }

  const options: X2jOptions = {
    preserveOrder: false,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR_PREFIX,
    attributesGroupName: false,
    textNodeName: TEXT_KEY,
    alwaysCreateTextNode: true,
    removeNSPrefix: false,
    allowBooleanAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: false,
    commentPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    unpairedTags: [],
    stopNodes: [...rawTextTags].map((tag) => `..${tag}`),
    // Entities on, decoded by our own XML-only decoder. The limits below only bound fast-xml-parser's DOCTYPE
    // reader, which never sees a declaration anyway (rejected by the pre-scan, refused by the decoder).
    processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxExpansionDepth: 1, maxTotalExpansions: 1, maxExpandedLength: 1 },
    htmlEntities: false,
    entityDecoder: XML_ENTITY_DECODER,
    // Callbacks get the path matcher rather than a jPath string built for every tag (we do not use it).
    jPath: false,
    maxNestedTags: maxDepth,
    strictReservedNames: true,
    isArray: (tagName: string, _jPath: unknown, _isLeaf: boolean, isAttribute: boolean) =>
      !isAttribute && arrayTags.has(tagName),
  };

  let parsed: unknown;
  try {
    parsed = new XMLParser(options).parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/Maximum nested tags exceeded/i.test(msg)) {
      throw new ReportError(path, `XML nested deeper than ${maxDepth} elements`);
    }
    throw new ReportError(path, `malformed XML: ${clip(msg)}`);
  }
  if (!isElement(parsed)) throw new ReportError(path, 'malformed XML: no root element');

  const roots: Array<[string, XmlElement]> = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key === TEXT_KEY || key.startsWith('?') || key.startsWith(ATTR_PREFIX)) continue;
    const elements = Array.isArray(value) ? value : [value];
    for (const el of elements) if (isElement(el)) roots.push([key, el]);
  }
  if (roots.length !== 1) {
    throw new ReportError(path, roots.length === 0 ? 'malformed XML: no root element' : 'malformed XML: more than one root element');
  }
  const [rootName, root] = roots[0] as [string, XmlElement];
  if (rawTextTags.size > 0) decodeRawText(rootName, root, rawTextTags);
  return { rootName, root };
}

// ---- fast path for the bulk elements -------------------------------------------------------------------

/**
 * Attribute name of the placeholders that stand for a run of extracted elements. A document that contains
 * this string anywhere is parsed by the full path, so a placeholder can never be confused with the document's
 * own markup.
 */
const RUN_MARKER = 'nebula-gate-fast-run';
const RUN_MARKER_KEY = ATTR_PREFIX + RUN_MARKER;

export type FastTags = ReadonlyMap<string, ReadonlySet<string>>;

export function fastTagsOf(spec: XmlParseOptions['fastElements'], arrayTags: ReadonlySet<string>): FastTags | null {
  if (spec === undefined) return null;
  const tags = new Map<string, ReadonlySet<string>>();
  for (const [tag, parents] of Object.entries(spec)) if (arrayTags.has(tag)) tags.set(tag, new Set(parents));
  return tags.size > 0 ? tags : null;
}

const RESERVED_ATTR = new Set(['__proto__', 'constructor', 'prototype']);
/** What an attribute value may hold on the fast path: no markup, no control characters, no `&` but references. */
const FAST_VALUE = /^(?:[^<&\u0000-\u001f]|&(?:#x[0-9A-Fa-f]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);)*$/;

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2e || c === 0x2d;
}

function isSpaceOnly(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09;
}

/**
 * The fast path (linear, one pass): every element listed in `fast` that is self-closing, carries attributes
 * only, in the strictest form (a valid name, whitespace before each attribute, quoted values with no `<`, no
 * control character and no `&` other than a well-formed reference; no attribute twice), and sits directly under
 * one of its listed parents, is read here into the same element fast-xml-parser would build. Each run of such
 * elements (separated by whitespace only) is replaced in the text by one placeholder element, so that the
 * remaining skeleton — every other tag, every other character, in the same order — is small, and is validated
 * and parsed exactly as a whole document would be; the runs are put back in place of their placeholders.
 *
 * Returns null (the full path then runs) for a document with CDATA, a DOCTYPE, a processing instruction
 * other than the XML declaration, the placeholder marker, a raw-text element that nests its own tag or holds a
 * comment, or no element read here. Comments elsewhere are kept in the skeleton as written (and end a run). An element that fails the strict form is simply left in the skeleton, where
 * the validator judges it. Runs on text that passed the pre-scans (size cap, declarations, limits).
 */
export function extractFastElements(text: string, fast: FastTags, rawTextTags: ReadonlySet<string>): { skeleton: string; runs: XmlElement[][] } | null {
  let i = 0;
  if (text.startsWith('<?')) {
    if (!/^<\?xml[ \t\n]/.test(text)) return null;
    const end = text.indexOf('?>', 2);
    if (end < 0) return null;
    i = end + 2;
  }
  if (text.includes('<?', i) || text.includes(RUN_MARKER)) return null;

  const parts: string[] = [];
  const runs: XmlElement[][] = [];
  const stack: string[] = [];
  let copied = 0; // text[copied..] is not yet in parts
  let run: XmlElement[] | null = null;
  let runTag = '';
  let runStart = 0;
  let runEnd = 0;
  const closeRun = (): void => {
    if (run === null) return;
    parts.push(text.slice(copied, runStart), `<${runTag} ${RUN_MARKER}="${runs.length}"/>`);
    runs.push(run);
    copied = runEnd;
    run = null;
  };

  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (run !== null && !isSpaceOnly(text, i, lt)) closeRun();
    if (text.charCodeAt(lt + 1) === 0x21 /* ! */) {
      // A comment (coverage.py writes two) stays in the skeleton as written; CDATA or a DOCTYPE: full path.
      if (!text.startsWith('<!--', lt)) return null;
      closeRun();
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return null;
      i = end + 3;
      continue;
    }
    if (text.charCodeAt(lt + 1) === 0x2f /* / */) {
      closeRun();
      const gt = text.indexOf('>', lt);
      if (gt < 0) return null;
      stack.pop();
      i = gt + 1;
      continue;
    }
    const parent = stack[stack.length - 1];
    if (parent !== undefined) {
      const tag = fastTagAt(text, lt, fast, parent);
      const element = tag === undefined ? null : readFastElement(text, lt + 1 + tag.length);
      if (tag !== undefined && element !== null) {
        if (run !== null && runTag !== tag) closeRun();
        if (run === null) {
          run = [];
          runTag = tag;
          runStart = lt;
        }
        run.push(element);
        runEnd = fastElementEnd;
        i = fastElementEnd;
        continue;
      }
    }
    closeRun();
    let j = lt + 1;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (isSpace(c) || c === 0x2f || c === 0x3e) break;
    }
    const name = text.slice(lt + 1, j);
    const gt = tagEnd(text, lt);
    if (gt < 0) return null;
    i = gt + 1;
    if (text.charCodeAt(gt - 1) === 0x2f) continue; // self-closing
    stack.push(name);
    if (rawTextTags.has(name)) {
      // The parser reads the body in one piece up to the matching close tag; with no comment or CDATA about,
      // that is the first `</name` unless the body opens another `<name`, which we leave to the full path.
      const close = text.indexOf(`</${name}`, i);
      if (close < 0) return null;
      const after = text.charCodeAt(close + 2 + name.length);
      if (!(after === 0x3e || isSpace(after))) return null;
      const body = text.slice(i, close);
      if (body.includes(`<${name}`) || body.includes('<!')) return null;
      i = close;
    }
  }
  closeRun();
  if (runs.length === 0) return null;
  parts.push(text.slice(copied));
  return { skeleton: parts.join(''), runs };
}

/** The fast tag whose start tag begins at `lt` (its name then whitespace or `/`), when `parent` may hold it. */
function fastTagAt(text: string, lt: number, fast: FastTags, parent: string): string | undefined {
  for (const [tag, parents] of fast) {
    if (!text.startsWith(tag, lt + 1)) continue;
    const c = text.charCodeAt(lt + 1 + tag.length);
    if ((isSpace(c) || c === 0x2f) && parents.has(parent)) return tag;
  }
  return undefined;
}

/** Where the element `readFastElement` read last ends (the index after its `/>`): one pair object less per element. */
let fastElementEnd = 0;

/**
 * The strict form of a self-closing, attribute-only element whose name ends at `j`: the element (attributes
 * decoded, `#text` ''), its end in `fastElementEnd`; or null when anything is not in that form.
 */
function readFastElement(text: string, j: number): XmlElement | null {
  const el: Record<string, unknown> = { '#text': '' }; // TEXT_KEY
  const end = text.length;
  for (;;) {
    let k = j;
    while (isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x2f) {
      if (text.charCodeAt(k + 1) !== 0x3e) return null;
      fastElementEnd = k + 2;
      return el;
    }
    if (k === j) return null; // no whitespace before an attribute
    const first = text.charCodeAt(k);
    if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || first === 0x5f)) return null;
    // The name by hand, up to '=' (an indexOf could search far past the tag, again for every element).
    let eq = k + 1;
    while (eq < end && eq - k <= 200 && isNameChar(text.charCodeAt(eq))) eq++;
    if (text.charCodeAt(eq) !== 0x3d /* = */) return null;
    const key = recentAttrKey(text, k, eq);
    if (key === null) return null;
    const q = text.charCodeAt(eq + 1);
    if (q !== 0x22 && q !== 0x27) return null;
    // The value up to its closing quote, in the same pass that refuses markup and control characters.
    let amp = false;
    let close = eq + 2;
    for (; close < end; close++) {
      const c = text.charCodeAt(close);
      if (c === q) break;
      if (c < 0x20 || c === 0x3c) return null;
      if (c === 0x26) amp = true;
    }
    if (close >= end) return null;
    if (el[key] !== undefined) return null;
    if (amp) {
      const raw = text.slice(eq + 2, close);
      if (!FAST_VALUE.test(raw)) return null;
      el[key] = decodeXmlEntities(raw);
    } else {
      el[key] = smallNumberAt(text, eq + 2, close) ?? text.slice(eq + 2, close);
    }
    j = close + 1;
  }
}

/** The strings "0" to "9999", made when first met: line numbers and hit counts repeat them a million times. */
const SMALL_NUMBERS: Array<string | undefined> = [];

/** text[from..to) when it is a decimal number below 10,000 without a leading zero, as a shared string; else undefined. */
function smallNumberAt(text: string, from: number, to: number): string | undefined {
  const length = to - from;
  if (length < 1 || length > 4) return undefined;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = text.charCodeAt(k) - 0x30;
    if (d < 0 || d > 9 || (d === 0 && k === from && length > 1)) return undefined;
    n = n * 10 + d;
  }
  return (SMALL_NUMBERS[n] ??= String(n));
}

/** Names and keys of the attributes the fast path met last (a report repeats the same few names). */
const RECENT_ATTRS: Array<{ name: string; key: string }> = [];

/** The `@_name` key of the attribute name text[from..to), or null for a reserved name. Allocates nothing when seen recently. */
function recentAttrKey(text: string, from: number, to: number): string | null {
  const length = to - from;
  for (const a of RECENT_ATTRS) if (a.name.length === length && text.startsWith(a.name, from)) return a.key;
  const name = text.slice(from, to);
  if (RESERVED_ATTR.has(name)) return null;
  const key = attrKey(name);
  if (RECENT_ATTRS.length >= 16) RECENT_ATTRS.pop();
  RECENT_ATTRS.unshift({ name, key });
  return key;
}

/** Puts each run of fast-path elements back in place of its placeholder, throughout the (small) tree. */
function expandRuns(el: XmlElement, fast: FastTags, runs: readonly XmlElement[][]): void {
  const node = el as Record<string, unknown>;
  for (const [key, value] of Object.entries(node)) {
    if (key === TEXT_KEY || key.startsWith(ATTR_PREFIX)) continue;
    const items = Array.isArray(value) ? value : [value];
    if (fast.has(key) && items.some((x) => isElement(x) && typeof x[RUN_MARKER_KEY] === 'string')) {
      const out: unknown[] = [];
      for (const x of items) {
        const id = isElement(x) ? x[RUN_MARKER_KEY] : undefined;
        if (typeof id === 'string') {
          for (const e of runs[Number(id)] ?? []) out.push(e);
        } else {
          out.push(x);
        }
      }
      node[key] = out;
    }
    for (const x of items) if (isElement(x) && x[RUN_MARKER_KEY] === undefined) expandRuns(x, fast, runs);
  }
}

function describeValidationError(err: { code: string; msg: string; line: unknown }): string {
  const unclosed = /^Invalid '(\[.*\])' found\.$/s.exec(err.msg);
  if (unclosed?.[1] !== undefined) {
    try {
      const tags = JSON.parse(unclosed[1]) as unknown;
      if (Array.isArray(tags)) return clip(`unclosed elements ${tags.map((t) => `<${String(t)}>`).join(', ')}`);
    } catch {
      // fall through to the raw message
    }
  }
  const line = typeof err.line === 'number' ? ` (line ${err.line})` : '';
  return clip(err.msg) + line;
}

/** Parser messages may quote names from the document: keep them short. */
function clip(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** When the root element is self-closing, the index just after its `/>`; else -1. Runs on validated text. */
function selfClosingRoot(text: string): number {
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return -1;
    if (text.startsWith('<?', lt) || text.startsWith('<!--', lt)) {
      const pi = text.startsWith('<?', lt);
      const close = pi ? '?>' : '-->';
      const end = text.indexOf(close, lt + (pi ? 2 : 4));
      if (end < 0) return -1;
      i = end + close.length;
    } else {
      const gt = tagEnd(text, lt);
      if (gt < 0) return -1;
      if (text[lt + 1] !== '!') return text[gt - 1] === '/' ? gt + 1 : -1;
      i = gt + 1; // DOCTYPE (without an internal subset: those are rejected earlier)
    }
  }
  return -1;
}

/**
 * Bounds the parser's memory before it runs, in one pass over the markup:
 *  - the longest run of character data it would collect character by character (outside comments, CDATA,
 *    processing instructions and the raw-text elements, which it slices in one piece) must not exceed
 *    `maxRun`;
 *  - the number of elements must not exceed `maxElements`, nor the attributes of one `maxAttributes`;
 *  - the nesting must not exceed `maxDepth` (the parser checks it too, but only after the validator has
 *    walked the whole document).
 * Linear on any input (it runs before the validator, so that such documents are refused fast).
 */
function rejectCostlyDocuments(
  text: string,
  path: string,
  rawTextTags: ReadonlySet<string>,
  { maxRun, maxElements, maxAttributes, maxDepth }: { maxRun: number; maxElements: number; maxAttributes: number; maxDepth: number },
): void {
  let elements = 0;
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const runEnd = lt < 0 ? text.length : lt;
    if (runEnd - i > maxRun) {
      throw new ReportError(path, `a text node of ${runEnd - i} characters exceeds the limit (${maxRun})`);
    }
    if (lt < 0) return;
    let next: number;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 0x21 /* ! */ && text.startsWith('<!--', lt)) {
      next = text.indexOf('-->', lt + 4) + 3;
    } else if (c1 === 0x21 && text.startsWith('<![CDATA[', lt)) {
      next = text.indexOf(']]>', lt + 9) + 3;
    } else if (c1 === 0x3f /* ? */) {
      next = text.indexOf('?>', lt + 2) + 2;
    } else {
      const gt = tagEnd(text, lt);
      if (gt < 0) return;
      next = gt + 1;
      const equals = tagEndEquals; // the '=' signs tagEnd passed outside quoted values
      const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
      if (c1 === 0x2f /* / */) {
        depth--;
      } else if (c1 !== 0x21) {
        if (++elements > maxElements) throw new ReportError(path, `more than ${maxElements} elements`);
        if (!selfClosing && ++depth > maxDepth) throw new ReportError(path, `XML nested deeper than ${maxDepth} elements`);
        if (equals > maxAttributes) {
          throw new ReportError(path, `an element has more than ${maxAttributes} attributes`);
        }
        if (rawTextTags.size > 0 && !selfClosing) {
          const name = /^[^\s/>]+/.exec(text.slice(lt + 1, Math.min(gt, lt + 101)))?.[0];
          if (name !== undefined && rawTextTags.has(name)) {
            // The parser slices the element's content in one piece. Jumping to the first `</name` can only
            // stop earlier than the parser does (it skips CDATA and comments), so the remainder is still checked.
            const close = text.indexOf(`</${name}`, next);
            if (close < 0) throw new ReportError(path, `malformed or truncated XML: <${clip(name, 60)}> is never closed`);
            next = close;
          }
        }
      }
    }
    if (next < 3) return; // an end marker is missing: the validator refuses such text
    i = next;
  }
}

/**
 * After `tagEnd`: the '=' signs it passed outside quoted values — an upper bound on the attributes of a start
 * tag (counted in the same pass rather than a second one over every tag).
 */
let tagEndEquals = 0;

/** Index of the '>' closing the markup that starts at `lt`, quoted literals respected; -1 if none. */
function tagEnd(text: string, lt: number): number {
  let quote = 0;
  let equals = 0;
  for (let j = lt + 1; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) {
      quote = ch;
    } else if (ch === 0x3e) {
      tagEndEquals = equals;
      return j;
    } else if (ch === 0x3d) {
      equals++;
    }
  }
  tagEndEquals = equals;
  return -1;
}

/**
 * One linear pass over `<!` constructs (comments and CDATA are skipped so that a test's captured output
 * mentioning `<!ENTITY` in a CDATA block is not a false positive): any entity declaration, or a DOCTYPE with
 * an internal subset, is rejected before the parser runs.
 */
function rejectDeclarations(text: string, path: string): void {
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<!', i);
    if (lt < 0) return;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw new ReportError(path, 'malformed or truncated XML: unterminated comment');
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new ReportError(path, 'malformed or truncated XML: unterminated CDATA section');
      i = end + 3;
      continue;
    }
    const keyword = text.slice(lt + 2, lt + 9).toUpperCase();
    if (keyword.startsWith('ENTITY')) {
      throw new ReportError(path, 'entity declarations (<!ENTITY) are not allowed in reports');
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
          throw new ReportError(path, 'a DOCTYPE with an internal subset is not allowed in reports');
        } else if (ch === '>') {
          break;
        }
      }
      if (j >= text.length) throw new ReportError(path, 'malformed or truncated XML: unterminated DOCTYPE');
      i = j + 1;
      continue;
    }
    i = lt + 2;
  }
}

/** Replaces the raw text of stop nodes (see `rawTextTags`) with its decoded value, throughout the tree. */
function decodeRawText(name: string, el: XmlElement, tags: ReadonlySet<string>): void {
  if (tags.has(name)) {
    const raw = el[TEXT_KEY];
    if (typeof raw === 'string') (el as Record<string, unknown>)[TEXT_KEY] = decodeRawContent(raw);
    return;
  }
  for (const [key, value] of Object.entries(el)) {
    if (key === TEXT_KEY || key.startsWith(ATTR_PREFIX)) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isElement(child)) decodeRawText(key, child, tags);
    }
  }
}

/**
 * The text of a well-formed (already validated) element body: character data entity-decoded, CDATA sections
 * literal, comments, processing instructions and child elements (with their text) dropped — the same text
 * the parser would have collected for the element itself.
 */
export function decodeRawContent(raw: string): string {
  let out = '';
  let i = 0;
  let depth = 0;
  while (i < raw.length) {
    const lt = raw.indexOf('<', i);
    if (lt < 0) {
      if (depth === 0) out += decodeXmlEntities(raw.slice(i));
      break;
    }
    if (depth === 0 && lt > i) out += decodeXmlEntities(raw.slice(i, lt));
    if (raw.startsWith('<![CDATA[', lt)) {
      const end = raw.indexOf(']]>', lt + 9);
      if (depth === 0) out += raw.slice(lt + 9, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end + 3;
    } else if (raw.startsWith('<!--', lt)) {
      const end = raw.indexOf('-->', lt + 4);
      i = end < 0 ? raw.length : end + 3;
    } else if (raw.startsWith('<?', lt)) {
      const end = raw.indexOf('?>', lt + 2);
      i = end < 0 ? raw.length : end + 2;
    } else {
      // A child element's tag: skip to its '>' (quotes respected), tracking depth so its text is dropped.
      let j = tagEnd(raw, lt);
      if (j < 0) j = raw.length;
      if (raw[lt + 1] === '/') depth = Math.max(0, depth - 1);
      else if (raw[j - 1] !== '/') depth++;
      i = j + 1;
    }
  }
  return out;
}

// ---- entity decoding -------------------------------------------------------------------------------------

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY_REF = /&(?:#x([0-9A-Fa-f]{1,8})|#([0-9]{1,10})|(lt|gt|amp|quot|apos));/g;

/** XML 1.0 `Char`: the code points a character reference may denote. Others become U+FFFD. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Decodes the five predefined entities and numeric references in one pass (so `&amp;lt;` → `&lt;`).
 * Long values are decoded in blocks so the regex engine never holds more than one block's matches at once
 * (a single replace over millions of references would first collect them all).
 */
export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  if (value.length <= DECODE_BLOCK) return value.replace(ENTITY_REF, replaceRef);
  const parts: string[] = [];
  let start = 0;
  while (start < value.length) {
    let end = Math.min(start + DECODE_BLOCK, value.length);
    if (end < value.length) {
      // Do not split a reference: a reference is at most 13 characters (&#x + 8 hex digits + ;).
      const amp = value.lastIndexOf('&', end - 1);
      if (amp >= start && end - amp < 14 && amp > start) end = amp;
    }
    parts.push(value.slice(start, end).replace(ENTITY_REF, replaceRef));
    start = end;
  }
  return parts.join('');
}

const DECODE_BLOCK = 64 * 1024;

function replaceRef(_m: string, hex: string | undefined, dec: string | undefined, name: string | undefined): string {
  if (name !== undefined) return PREDEFINED[name] ?? '';
  const cp = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10);
  return isXmlChar(cp) ? String.fromCodePoint(cp) : '\uFFFD';
}

/**
 * fast-xml-parser's own decoder only decodes numeric references when `htmlEntities` is on, which would also
 * turn on the HTML named entities (`&nbsp;` …) that are not XML. This decoder is exactly XML's: five named
 * entities plus numeric references; unknown named references are left as written. It refuses declared
 * entities outright.
 */
const XML_ENTITY_DECODER: NonNullable<X2jOptions['entityDecoder']> = {
  setExternalEntities: (entities: Record<string, string>) => {
    if (Object.keys(entities).length > 0) throw new Error('external entities are not allowed');
  },
  addInputEntities: (entities: Record<string, string>) => {
    if (entities && Object.keys(entities).length > 0) throw new Error('entity declarations are not allowed');
  },
  reset: () => {},
  decode: decodeXmlEntities,
  setXmlVersion: () => {},
};
