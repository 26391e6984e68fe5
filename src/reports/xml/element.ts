/**
 * The parsed XML element and the accessors every report parser reads it with.
 */

/**
 * A parsed element: its tag name; its attributes (entity-decoded strings, never auto-parsed, in an object without
 * a prototype, so that no attribute name can reach Object.prototype); its own text (character data and CDATA,
 * not the text of its children); its child elements in document order. The tree is not to be changed.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlElement[];
}

export interface XmlDocument {
  /** Name of the single root element. */
  rootName: string;
  root: XmlElement;
}

/** Attribute value, or undefined when the attribute is absent. */
export function xmlAttr(el: XmlElement, name: string): string | undefined {
  return el.attributes[name];
}

/** A reader of one attribute, for code that reads the same attribute of many elements. */
export function xmlAttrReader(name: string): (el: XmlElement) => string | undefined {
  return (el) => el.attributes[name];
}

/** Text content ('' when none). CDATA sections are merged into the text. */
export function xmlText(el: XmlElement): string {
  return el.text;
}

/** Child elements with the given tag name, in document order ([] when none). */
export function xmlChildren(el: XmlElement, tag: string): XmlElement[] {
  return el.children.filter((c) => c.name === tag);
}
