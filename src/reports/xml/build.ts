/**
 * saxes (a conformant, non-validating streaming XML parser) → the element tree of element.ts. saxes checks
 * well-formedness as it goes: a truncated document, a mismatched or missing end tag, a second root, text outside
 * the root, a bare `&`, a duplicate or unquoted attribute, a `<` in a value are all refused, with their line and
 * column (saxes's wording, its trailing period dropped).
 *
 * Entities: the five predefined ones and numeric references are decoded (by saxes); any other named reference
 * is left as written (XML knows no others without a DTD, and DTD subsets are refused before this runs); a
 * declared entity is therefore never expanded.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReportError } from '../model.js';
import type { XmlDocument, XmlElement } from './element.js';

/** Tag names a report never uses, refused so that no consumer that indexes by tag name can reach Object.prototype. */
const RESERVED_TAGS = new Set(['__proto__', 'constructor', 'prototype']);

/** The children of an element that has none (shared: most elements have none, and the tree is not changed). */
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

/** An element while it is being built. */
interface Building {
  name: string;
  attributes: Readonly<Record<string, string>>;
  text: string;
  children: readonly XmlElement[];
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** An XML Name, loosely (ASCII exactly, every non-ASCII character allowed): what an entity reference may name. */
const ENTITY_NAME = /^[A-Za-z_:\u0080-\uFFFF][\w.:\-\u0080-\uFFFF]*$/;

/**
 * What saxes finds under an entity name (its `ENTITIES` table is the documented extension point): the
 * predefined entities, and any other name as written, so that `&nbsp;` stays `&nbsp;` rather than being an
 * error. A reference that is no name at all (`& chips;`) stays undefined, which saxes refuses.
 */
const ENTITIES_AS_WRITTEN: ProxyHandler<Record<string, string>> = {
  get: (_target, name) => (typeof name !== 'string' ? undefined : (PREDEFINED[name] ?? (ENTITY_NAME.test(name) ? `&${name};` : undefined))),
};

/** saxes's wording, in ours where a reader of the error needs to know which of several things went wrong. */
function reword(message: string, rootClosed: boolean): string {
  if (message === 'documents may contain only one root') return 'more than one root element';
  if (message === 'text data outside of root node') return rootClosed ? 'text after the root element' : 'text before the root element';
  return message;
}

/**
 * The bulk elements of a report (test cases, coverage lines), read as they close rather than kept: the tree then
 * holds the rest of the document only, and memory stays near the size of the model being built.
 */
export interface XmlStream {
  /** Tag names of the bulk elements. Each is built with its subtree, handed to `onElement`, and left out of the tree. */
  tags: readonly string[];
  /**
   * A bulk element, just closed. `ancestors` are the open elements from the root down to its parent, `names`
   * their tag names: both are the parser's own stacks, valid during the call only. What it throws is thrown once
   * the whole document is known to be well-formed (a malformed document is refused as malformed, whatever its
   * content), and no further element is handed over.
   */
  onElement(el: XmlElement, ancestors: readonly XmlElement[], names: readonly string[]): void;
}

export interface TreeOptions {
  stream?: XmlStream;
  /**
   * The elements whose text is read (default: every element's). The text of any other element is left out ('')
   * and never even collected, which spares a report's indentation between a million elements.
   */
  textTags?: readonly string[];
}

/** Builds the tree of a document that passed the pre-scans; throws a ReportError naming `path` and the position. */
export function buildTree(text: string, path: string, { stream, textTags }: TreeOptions = {}): XmlDocument {
  const streamed = new Set(stream?.tags ?? []);
  const withText = textTags === undefined ? undefined : new Set(textTags);
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  parser.ENTITIES = new Proxy({}, ENTITIES_AS_WRITTEN);
  const stack: Building[] = [];
  const names: string[] = [];
  let root: Building | undefined;
  let refusal: { err: unknown } | undefined;
  /** Open elements of `withText`: text is collected (saxes hands it over) only while there is one. */
  let textDepth = 0;

  parser.on('error', (err) => {
    const message = err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    throw new ReportError(path, `malformed XML: ${clip(reword(message, root !== undefined && stack.length === 0))} (line ${parser.line}, column ${parser.column})`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    if (RESERVED_TAGS.has(name)) throw new ReportError(path, `malformed XML: reserved element name <${name}> (line ${parser.line})`);
    // saxes's own attribute object (no prototype) is kept as it is.
    const el: Building = { name, attributes: tag.attributes, text: '', children: NO_CHILDREN };
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      root = el;
    } else if (!streamed.has(name)) {
      if (parent.children === NO_CHILDREN) parent.children = [el];
      else (parent.children as XmlElement[]).push(el);
    } // else: handed over when it closes, not kept under its parent
    stack.push(el);
    names.push(name);
    if (withText?.has(name) === true && textDepth++ === 0) parser.on('text', addText);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const el = stack.pop();
    names.pop();
    if (withText?.has(tag.name) === true && --textDepth === 0) parser.off('text');
    if (el === undefined || stack.length === 0 || !streamed.has(tag.name) || refusal !== undefined) return;
    try {
      stream?.onElement(el, stack, names);
    } catch (err) {
      refusal = { err };
    }
  });
  function addText(t: string): void {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += t;
  }
  if (withText === undefined) parser.on('text', addText);
  parser.on('cdata', (t) => {
    if (withText === undefined || textDepth > 0) addText(t);
  });

  parser.write(text);
  if (names.length > 0) {
    const open = names.slice(0, 20).map((n) => `<${n}>`).join(', ');
    throw new ReportError(path, `malformed or truncated XML: unclosed elements ${clip(open)} (at the end, line ${parser.line}, column ${parser.column})`);
  }
  parser.close();
  if (root === undefined) throw new ReportError(path, 'malformed XML: no root element');
  if (refusal !== undefined) throw refusal.err;
  return { rootName: root.name, root };
}

/** Parser messages may quote names from the document: keep them short. */
function clip(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
