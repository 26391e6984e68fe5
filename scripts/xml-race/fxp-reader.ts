/**
 * Contender (a) of the reader race (`npm run bench -- --reports`): fast-xml-parser alone, with the safe options
 * SECURITY.md R5.3 asks for and the fastest of them (no path strings built per tag, text of the long-text
 * elements sliced whole as stop nodes), behind the same size cap and pre-scans as src/reports/xml. It builds the
 * whole tree, in the shape of src/reports/xml/element.ts that the model code reads. For measurement only:
 * the product reads reports with src/reports/xml.
 */
import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { ReportError } from '../../src/reports/model.js';
import type { XmlDocument, XmlElement } from '../../src/reports/xml/element.js';
import { rejectCostlyDocuments, rejectDeclarations } from '../../src/reports/xml/prescan.js';
import { DEFAULT_MAX_XML_ATTRIBUTES, DEFAULT_MAX_XML_BYTES, DEFAULT_MAX_XML_DEPTH, DEFAULT_MAX_XML_ELEMENTS, DEFAULT_MAX_XML_TEXT_RUN } from '../../src/reports/xml/parse.js';

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and numeric references, in one pass; anything else as written. */
function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#x([0-9A-Fa-f]{1,8})|#([0-9]{1,10})|(lt|gt|amp|quot|apos));/g, (_m, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return PREDEFINED[name] ?? '';
    const cp = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10);
    return cp <= 0x10ffff && cp >= 0x20 ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

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

/** A stop node's raw body as text: entities decoded, CDATA literal, comments, PIs and child elements dropped. */
function decodeRawContent(raw: string): string {
  if (!raw.includes('<')) return decodeXmlEntities(raw);
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<[^>]*>)/)
    .map((part, i) => (i % 2 === 0 ? decodeXmlEntities(part) : part.startsWith('<![CDATA[') ? part.slice(9, -3) : ''))
    .join('');
}

type FxpNode = Record<string, unknown>;

/**
 * fast-xml-parser's ordered output (`preserveOrder`) in the shape of src/reports/xml/element.ts: one walk, timed
 * with the rest (the model code reads that shape).
 */
function toElement(node: FxpNode, long: ReadonlySet<string>): XmlElement {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const attributes = (node[':@'] as Record<string, string> | undefined) ?? {};
  let text = '';
  const children: XmlElement[] = [];
  for (const child of node[name] as FxpNode[]) {
    const t = child['#text'];
    if (typeof t === 'string') text += t;
    else children.push(toElement(child, long));
  }
  return { name, attributes, text: long.has(name) ? decodeRawContent(text) : text, children };
}

export function parseWithFxp(content: string, path: string, longTextTags: readonly string[] = []): XmlDocument {
  if (content.length > DEFAULT_MAX_XML_BYTES || Buffer.byteLength(content, 'utf8') > DEFAULT_MAX_XML_BYTES) throw new ReportError(path, 'too large');
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (!/^\s*</.test(text)) throw new ReportError(path, 'not XML');
  const long = new Set(longTextTags);
  rejectDeclarations(text, path);
  rejectCostlyDocuments(text, path, {
    maxRun: DEFAULT_MAX_XML_TEXT_RUN,
    maxElements: DEFAULT_MAX_XML_ELEMENTS,
    maxAttributes: DEFAULT_MAX_XML_ATTRIBUTES,
    maxDepth: DEFAULT_MAX_XML_DEPTH,
    longTextTags: long,
  });
  // The parser is lenient (a truncated document gives a partial tree): well-formedness is the validator's.
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) throw new ReportError(path, `malformed XML: ${validation.err.msg} (line ${validation.err.line})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: false,
    commentPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    stopNodes: [...long].map((tag) => `..${tag}`),
    processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxExpansionDepth: 1, maxTotalExpansions: 1, maxExpandedLength: 1 },
    htmlEntities: false,
    entityDecoder: XML_ENTITY_DECODER,
    jPath: false,
    maxNestedTags: DEFAULT_MAX_XML_DEPTH,
    strictReservedNames: true,
  });
  let parsed: FxpNode[];
  try {
    parsed = parser.parse(text) as FxpNode[];
  } catch (err) {
    throw new ReportError(path, `malformed XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const roots = parsed.filter((n) => typeof n['#text'] !== 'string');
  if (roots.length !== 1) throw new ReportError(path, 'malformed XML: not one root element');
  const root = toElement(roots[0]!, long);
  return { rootName: root.name, root };
}
