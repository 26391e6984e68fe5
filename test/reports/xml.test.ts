import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportError } from '../../src/reports/model.js';
import { readReportFile } from '../../src/reports/loader.js';
import { decodeReportBytes } from '../../src/reports/xml/decode.js';
import { xmlAttr, xmlChildren, xmlText, type XmlElement } from '../../src/reports/xml/element.js';
import { parseXmlDocument } from '../../src/reports/xml/parse.js';
import { readReport, reportErrorOf, timed } from './fixtures.js';

const FILE = 'reports/hostile.xml';

/** Runs fn and returns the ReportError it must throw (naming FILE unless told otherwise). */
const reportError = (fn: () => unknown, file = FILE): ReportError => reportErrorOf(fn, file);

const parse = (xml: string, opts = {}) => parseXmlDocument(xml, FILE, opts);

describe('parseXmlDocument: entities', () => {
  it('decodes the five predefined entities and numeric references in attributes and text', () => {
    const { root } = parse(
      '<r a="x &lt; y &gt; z &amp; &quot;q&quot; &apos;s&apos; &#10;nl &#x1F600; &#65;&#x42;">&lt;b&gt; &#10; &#x1F600; &#128512; &quot;</r>',
    );
    expect(xmlAttr(root, 'a')).toBe('x < y > z & "q" \'s\' \nnl 😀 AB');
    expect(xmlText(root)).toBe('<b> \n 😀 😀 "');
  });

  it('decodes in one pass: &amp;lt; is the text "&lt;", not "<"', () => {
    const { root } = parse('<r a="&amp;lt;&amp;#10;">&amp;amp;</r>');
    expect(xmlAttr(root, 'a')).toBe('&lt;&#10;');
    expect(xmlText(root)).toBe('&amp;');
  });

  it('leaves HTML-only and unknown named references as written (XML knows only five)', () => {
    expect(xmlText(parse('<r>a&nbsp;b &copy; &foo;</r>').root)).toBe('a&nbsp;b &copy; &foo;');
  });

  it('turns references to characters XML forbids into U+FFFD', () => {
    expect(xmlText(parse('<r>[&#0;][&#xD800;][&#xFFFE;][&#1114112;][&#x9;]</r>').root)).toBe('[\uFFFD][\uFFFD][\uFFFD][\uFFFD][\t]');
  });

  it('turns characters XML forbids, written as they are, into U+FFFD; references in CDATA stay text', () => {
    const { root } = parse('<r a="x\u0000y\u000b">\u001b[31mred\u001b[0m<![CDATA[&#0;\u0001]]><!-- &#0; --></r>');
    expect(xmlAttr(root, 'a')).toBe('x\uFFFDy\uFFFD');
    expect(xmlText(root)).toBe('\uFFFD[31mred\uFFFD[0m&#0;\uFFFD');
    expect(xmlText(parse('<r>&#x1B;&#27;&#xFFFE;</r>').root)).toBe('\uFFFD\uFFFD\uFFFD');
  });

  it('keeps CDATA literally and merges it with the text', () => {
    expect(xmlText(parse('<r>a &lt; <![CDATA[<b>&lt;</b>]]> c</r>').root)).toBe('a < <b>&lt;</b> c');
  });

  it('decodes the messages pytest writes (real fail-test report)', () => {
    const { root } = parseXmlDocument(readReport('fail-test', 'junit.xml'), 'junit.xml');
    const failing = xmlChildren(xmlChildren(root, 'testsuite')[0]!, 'testcase').find((c) => xmlChildren(c, 'failure').length > 0)!;
    const failure = xmlChildren(failing, 'failure')[0]!;
    expect(xmlAttr(failure, 'message')).toContain("got '1h 2m 5s'\nassert '1h 2m 5s' == '1h 2m'\n");
    expect(xmlText(failure)).toContain('def test_format_duration_drops_seconds_past_an_hour() -> None:');
    expect(xmlText(failure)).toContain('>       assert got == "1h 2m"');
  });

  it('decodes long values with many references, in attributes and text', () => {
    const unit = 'ab&lt;&#x1F600;&amp;&#10;';
    const decoded = 'ab<😀&\n';
    const n = 30_000; // some 750 KB of references
    const { root } = parse(`<r a="${unit.repeat(n)}">${unit.repeat(n)}</r>`);
    expect(xmlAttr(root, 'a')).toBe(decoded.repeat(n));
    expect(xmlText(root)).toBe(decoded.repeat(n));
    // A reference at any offset of a long value.
    for (let pad = 0; pad < 16; pad++) {
      const s = 'x'.repeat(64 * 1024 - pad);
      expect(xmlText(parse(`<r>${s}${'&#x1F600;'.repeat(3)}</r>`).root)).toBe(`${s}😀😀😀`);
    }
  });
});

describe('parseXmlDocument: escaping round-trips (property)', () => {
  const xmlChar = (cp: number) =>
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
  const xmlString = fc
    .string({ unit: 'binary', maxLength: 40 })
    .map((s) => [...s].filter((ch) => xmlChar(ch.codePointAt(0)!)).join(''));
  /** Escapes as a writer would, choosing per character between the named, decimal and hex forms. */
  const escape = (s: string, choices: number[], attr: boolean) =>
    [...s]
      .map((ch, i) => {
        const cp = ch.codePointAt(0)!;
        const pick = choices[i % choices.length]!;
        const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
        const mustEscape = ch in named || ch === '\r' || (attr && (ch === '\n' || ch === '\t'));
        if (!mustEscape && pick < 2) return ch;
        if (ch in named && pick % 3 === 0) return named[ch];
        return pick % 2 === 0 ? `&#${cp};` : `&#x${cp.toString(16)};`;
      })
      .join('');

  it('any XML string survives escaping in an attribute and in text', () => {
    fc.assert(
      fc.property(xmlString, fc.array(fc.nat(5), { minLength: 1, maxLength: 8 }), (s, choices) => {
        const { root } = parse(`<r a="${escape(s, choices, true)}">${escape(s, choices, false)}</r>`);
        expect(xmlAttr(root, 'a')).toBe(s);
        expect(xmlText(root)).toBe(s);
      }),
      { numRuns: runs(500) },
    );
  });

  it('the same inside a long-text element', () => {
    fc.assert(
      fc.property(xmlString, fc.array(fc.nat(5), { minLength: 1, maxLength: 8 }), (s, choices) => {
        const { root } = parse(`<r><f m="${escape(s, choices, true)}">${escape(s, choices, false)}</f></r>`, { longTextTags: ['f'] });
        const f = xmlChildren(root, 'f')[0]!;
        expect(xmlAttr(f, 'm')).toBe(s);
        expect(xmlText(f)).toBe(s);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('parseXmlDocument: shape', () => {
  it('returns the single root, attributes as strings (never numbers), text always present', () => {
    const { rootName, root } = parse('<?xml version="1.0"?><!-- c --><r n="007" x="1e3"><c>42</c><c/><d k="v"/></r>');
    expect(rootName).toBe('r');
    expect(xmlAttr(root, 'n')).toBe('007');
    expect(xmlAttr(root, 'x')).toBe('1e3');
    const cs = xmlChildren(root, 'c');
    expect(cs.map(xmlText)).toEqual(['42', '']);
    expect(xmlChildren(root, 'd').map((d) => xmlAttr(d, 'k'))).toEqual(['v']);
    expect(xmlChildren(root, 'missing')).toEqual([]);
    expect(xmlAttr(root, 'missing')).toBeUndefined();
  });

  it('keeps text exactly (no trimming) and normalises line ends (XML §2.11)', () => {
    const { root } = parse('<r a=" x ">  l1\r\nl2\rl3&#13;  </r>');
    expect(xmlAttr(root, 'a')).toBe(' x ');
    expect(xmlText(root)).toBe('  l1\nl2\nl3\r  ');
  });

  it('strips a UTF-8 BOM', () => {
    expect(parse('\uFEFF<?xml version="1.0"?><r/>').rootName).toBe('r');
  });

  it('does not let attribute names pollute prototypes', () => {
    const { root } = parse('<r __proto__="x" constructor="y" prototype="z"><c/></r>');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(root.attributes)).toBeNull();
    expect([xmlAttr(root, '__proto__'), xmlAttr(root, 'constructor'), xmlAttr(root, 'prototype'), xmlAttr(root, 'toString')]).toEqual(['x', 'y', 'z', undefined]);
    expect(xmlChildren(root, 'c')).toHaveLength(1);
  });

  it('rejects a tag named __proto__ or constructor as a ReportError', () => {
    reportError(() => parse('<r><__proto__/></r>'));
    reportError(() => parse('<r><constructor/></r>'));
  });

  it('reads long-text elements like any other: own text decoded, CDATA literal, children apart', () => {
    const xml = '<r><f m="&lt;">a &lt;<![CDATA[<x>&amp;]]><!-- no --><child>dropped<g/></child>b&#10;</f><f/><o>&lt;</o></r>';
    const plain = parse(xml).root;
    const long = parse(xml, { longTextTags: ['f'] }).root;
    expect(xmlChildren(long, 'f').map(xmlText)).toEqual(['a <<x>&amp;b\n', '']);
    expect(xmlChildren(long, 'f').map(xmlText)).toEqual(xmlChildren(plain, 'f').map(xmlText));
    expect(xmlAttr(xmlChildren(long, 'f')[0]!, 'm')).toBe('<');
    expect(xmlText(xmlChildren(xmlChildren(long, 'f')[0]!, 'child')[0]!)).toBe('dropped');
    expect(xmlText(xmlChildren(long, 'o')[0]!)).toBe('<');
  });

  it('an element\'s text leaves out comments, processing instructions and the text of its children', () => {
    expect(xmlText(parse('<r>a<?pi x?>b<!--c-->d<e x=">">E<f/>F</e>g<![CDATA[]]>h</r>').root)).toBe('abdgh');
  });
});

describe('parseXmlDocument: malformed input is a ReportError naming the file', () => {
  it.each([
    ['empty', '', /empty file/],
    ['whitespace only', ' \n\t ', /empty file/],
    ['BOM only', '\uFEFF', /empty file/],
    ['plain text', 'hello world', /not XML/],
    ['JSON', '{"tests": 3}', /not XML/],
    ['declaration only', '<?xml version="1.0"?>', /malformed/],
    ['truncated', '<testsuites><testsuite><testcase name="a">', /unclosed elements <testsuites>, <testsuite>, <testcase>/],
    ['truncated inside a tag', '<testsuites><testcase name="a', /malformed/],
    ['truncated inside a comment', '<r><!-- c', /unterminated comment/],
    ['truncated inside CDATA', '<r><![CDATA[ c', /unterminated CDATA/],
    ['mismatched close', '<a></b>', /malformed/],
    ['two roots', '<a/><b/>', /more than one root/],
    ['repeated root', '<a/><a/>', /more than one root/],
    ['text after the root', '<a/>trailing', /malformed/],
    ['text after a closed root', '<a></a>trailing', /malformed/],
    ['text before the root', '<?xml version="1.0"?>junk<a/>', /malformed/],
    ['text between the root and a comment', '<a/>junk<!-- c -->', /text after the root/],
    ['text after a comment after the root', '<a/><!-- c -->junk', /text after the root/],
    ['bare ampersand', '<a>fish & chips</a>', /malformed/],
    ['unquoted attribute', '<a x=1/>', /malformed/],
    ['duplicate attribute', '<a x="1" x="2"/>', /malformed/],
    ['bad tag name', '<1a/>', /malformed/],
  ])('%s', (_label, xml, reason) => {
    expect(reportError(() => parse(xml)).reason).toMatch(reason);
  });

  it('names the line and column of what it refuses', () => {
    expect(reportError(() => parse('<r>\n  <a x="1" x="2"/>\n</r>')).reason).toMatch(/^malformed XML: duplicate attribute: x \(line 2, column \d+\)$/);
    expect(reportError(() => parse('<r>\n<a>\n</b></r>')).reason).toMatch(/\(line 3, column \d+\)$/);
    expect(reportError(() => parse('<r>\n<a>')).reason).toMatch(/^malformed or truncated XML: unclosed elements <r>, <a> \(at the end, line 2, column 3\)$/);
  });

  it('every truncation of a real report is an error, never a partial parse', () => {
    const xml = readReport('fail-test', 'junit.xml').trimEnd();
    for (let i = 1; i < 40; i++) {
      const cut = Math.floor((xml.length * i) / 40);
      reportError(() => parse(xml.slice(0, cut)));
    }
  });

  it('keeps parser messages short even when they quote a huge name', () => {
    const err = reportError(() => parse(`<${'a'.repeat(100_000)}>`));
    expect(err.message.length).toBeLessThan(400);
  });
});

describe('parseXmlDocument: hostile input', () => {
  const billionLaughs = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE lolz [',
    ' <!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
    ']>',
    '<lolz>&lol9;</lolz>',
  ].join('\n');

  const quadratic = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${'x'.repeat(100_000)}">]><r>${'&a;'.repeat(100_000)}</r>`;

  function rejectedFast(xml: string, reason: RegExp): void {
    const heapBefore = process.memoryUsage().heapUsed;
    const { ms, error } = timed(() => parse(xml));
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).file).toBe(FILE);
    expect((error as ReportError).reason).toMatch(reason);
    expect(ms).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }

  it('rejects billion laughs in under a second', () => rejectedFast(billionLaughs, /internal subset/));
  it('rejects quadratic blowup in under a second', () => rejectedFast(quadratic, /internal subset/));
  it('rejects an external entity (XXE)', () =>
    rejectedFast('<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>', /internal subset/));
  it('rejects parameter entities', () => rejectedFast('<!DOCTYPE r [<!ENTITY % p "x"> %p;]><r/>', /internal subset/));
  it('rejects a lowercase doctype with a subset', () => rejectedFast('<!doctype r [<!ENTITY a "b">]><r/>', /internal subset/));
  it('rejects an internal subset hidden behind a quoted ">"', () =>
    rejectedFast('<!DOCTYPE r SYSTEM "a>b" [<!ELEMENT r ANY>]><r/>', /internal subset|entity/));
  it('rejects a stray <!ENTITY outside any DOCTYPE', () => rejectedFast('<r><!ENTITY a "b"></r>', /entity declarations/));
  it('rejects a declaration smuggled past the pre-scan (the parser refuses the markup)', () => {
    // The pre-scan takes the `<!--` inside the attribute for a comment; the parser does not.
    const xml = '<a b="<!--"><!DOCTYPE x [<!ENTITY e "zz">]><c d="-->">&e;</c></a>';
    expect(() => parse(xml)).toThrow(ReportError);
  });

  it('accepts a DOCTYPE without an internal subset and never fetches or expands anything', () => {
    const { root } = parse('<!DOCTYPE coverage SYSTEM "http://127.0.0.1:9/coverage-04.dtd"><coverage>&xxe;</coverage>');
    expect(xmlText(root)).toBe('&xxe;');
  });

  it('does not mistake <!ENTITY inside CDATA or a comment (captured output) for a declaration', () => {
    const { root } = parse('<r><!-- <!ENTITY a "b"> --><![CDATA[<!DOCTYPE x [<!ENTITY y "z">]>]]></r>');
    expect(xmlText(root)).toBe('<!DOCTYPE x [<!ENTITY y "z">]>');
  });

  it('rejects 10,000-deep nesting quickly', () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    const { ms, error } = timed(() => parse(deep));
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).reason).toMatch(/nested deeper than 100/);
    expect(ms).toBeLessThan(1000);
  });

  it('has a configurable depth limit', () => {
    const nest = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(() => parse(nest(50), { maxDepth: 60 })).not.toThrow();
    expect(reportError(() => parse(nest(70), { maxDepth: 60 })).reason).toMatch(/nested deeper than 60/);
  });

  it('refuses a huge text node quickly', () => {
    const xml = `<testsuites>${'x'.repeat(40 * 1024 * 1024)}</testsuites>`;
    const { ms, error } = timed(() => parse(xml));
    expect((error as ReportError).reason).toBe(`a text node of ${40 * 1024 * 1024} characters exceeds the limit (8388608)`);
    expect(ms).toBeLessThan(2000);
  });

  it('limits text runs outside long-text elements only, comments and CDATA aside', () => {
    const body = 'y'.repeat(2000);
    const opts = { maxTextRun: 1000, longTextTags: ['failure'] };
    expect(reportError(() => parse(`<r><a>${body}</a></r>`, opts)).reason).toMatch(/text node of 2000 characters/);
    expect(reportError(() => parse(`<r>${body}<failure/></r>`, opts)).reason).toMatch(/text node of 2000 characters/);
    expect(xmlText(xmlChildren(parse(`<r><failure m="1">${body}&lt;${body}</failure></r>`, opts).root, 'failure')[0]!)).toBe(`${body}<${body}`);
    expect(() => parse(`<r><!--${body}--><![CDATA[${body}]]><?pi ${body}?></r>`, opts)).not.toThrow();
    // A fake end tag inside CDATA does not end the long-text element, for the limit as for the parser.
    expect(xmlText(xmlChildren(parse(`<r><failure><![CDATA[</failure>]]>${body}</failure></r>`, opts).root, 'failure')[0]!)).toBe(`</failure>${body}`);
    expect(reportError(() => parse(`<r><failure/>${body}</r>`, opts)).reason).toMatch(/text node of 2000 characters/);
  });

  it('refuses millions of tiny elements quickly (each would cost the tree heap)', () => {
    const xml = `<testsuites>${'<a/>'.repeat(2_600_000)}</testsuites>`;
    const { ms, error } = timed(() => parse(xml));
    expect((error as ReportError).reason).toBe('more than 2500000 elements');
    expect(ms).toBeLessThan(2000);
    expect(reportError(() => parse('<r><a/><a/><a/></r>', { maxElements: 3 })).reason).toBe('more than 3 elements');
    expect(() => parse('<r><a/><a/></r>', { maxElements: 3 })).not.toThrow();
  });

  it('refuses an element with a million attributes quickly', () => {
    const attrs = Array.from({ length: 1_000_000 }, (_, i) => `a${i}="v=${i}"`).join(' ');
    const { ms, error } = timed(() => parse(`<r><t ${attrs}/></r>`));
    expect((error as ReportError).reason).toBe('an element has more than 1000 attributes');
    expect(ms).toBeLessThan(2000);
    const some = Array.from({ length: 5 }, (_, i) => `a${i}="x=y&#61;z"`).join(' ');
    expect(() => parse(`<r><t ${some}/></r>`, { maxAttributes: 5 })).not.toThrow();
    expect(reportError(() => parse(`<r><t ${some} b="1"/></r>`, { maxAttributes: 5 })).reason).toMatch(/more than 5 attributes/);
  });

  it('applies the size cap (in UTF-8 bytes) before parsing', () => {
    const xml = `<r>${'é'.repeat(600)}</r>`; // 1,207 UTF-8 bytes, 607 UTF-16 units
    expect(reportError(() => parse(xml, { maxBytes: 1000 })).reason).toBe('too large (1207 bytes > 1000)');
    expect(() => parse(xml, { maxBytes: 1207 })).not.toThrow();
  });

  it('rejects a default-cap-sized document without parsing it', () => {
    const big = 'x'.repeat(64 * 1024 * 1024 + 1);
    const { ms, error } = timed(() => parse(big));
    expect((error as ReportError).reason).toMatch(/^too large \(67108865 bytes > 67108864\)$/);
    expect(ms).toBeLessThan(1000);
  });
});

describe('decodeReportBytes', () => {
  const xml = '<?xml version="1.0"?><r n="😀 é &lt;"/>';
  const utf16le = (s: string) => Buffer.from(s, 'utf16le');
  const utf16be = (s: string) => {
    const b = Buffer.from(s, 'utf16le');
    b.swap16();
    return b;
  };

  it.each([
    ['UTF-8', Buffer.from(xml, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(xml)])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(xml)])],
    ['UTF-16 LE without BOM', utf16le(xml)],
    ['UTF-16 BE without BOM', utf16be(xml)],
  ])('decodes %s', (_label, buf) => {
    const text = decodeReportBytes(buf, FILE);
    expect(text).toBe(xml);
    expect(xmlAttr(parse(text).root, 'n')).toBe('😀 é <');
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0x3c, 0x72, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x72, 0x3e]), /not valid UTF-8/],
    ['Latin-1 bytes', Buffer.from('<r>caf\xe9</r>', 'latin1'), /not valid UTF-8/],
    ['odd-length UTF-16', Buffer.from([0xff, 0xfe, 0x3c, 0x00, 0x72]), /odd number of bytes/],
    ['a lone surrogate in UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('<r>'), Buffer.from([0x00, 0xd8]), utf16le('</r>')]), /not valid UTF-16LE/],
    ['UTF-32 LE', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x3c, 0, 0, 0]), /UTF-32/],
    ['UTF-32 BE', Buffer.from([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x3c]), /UTF-32/],
  ])('rejects %s', (_label, buf, reason) => {
    expect(reportError(() => decodeReportBytes(buf, FILE)).reason).toMatch(reason);
  });

  it('returns "" for an empty file (the XML parse then says "empty file")', () => {
    const text = decodeReportBytes(Buffer.alloc(0), FILE);
    expect(text).toBe('');
    expect(reportError(() => parse(text)).reason).toBe('empty file');
  });
});

describe('readReportFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ng-reports-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function loadError(path: string, opts = {}): Promise<ReportError> {
    const err = await readReportFile(path, opts).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReportError);
    expect((err as ReportError).file).toBe(path);
    return err as ReportError;
  }

  it('reads and decodes a UTF-16 file with BOM', async () => {
    const p = join(dir, 'utf16.xml');
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<r>😀</r>', 'utf16le')]));
    await expect(readReportFile(p)).resolves.toBe('<r>😀</r>');
  });

  it('reads a file exactly at the cap', async () => {
    const p = join(dir, 'exact.xml');
    writeFileSync(p, '<r/>');
    await expect(readReportFile(p, { maxBytes: 4 })).resolves.toBe('<r/>');
  });

  it('names a missing file "not found"', async () => {
    expect((await loadError(join(dir, 'missing.xml'))).reason).toBe('not found');
    expect((await loadError(join(dir, 'missing-dir', 'x.xml'))).reason).toBe('not found');
  });

  it('refuses a file over the cap before reading it', async () => {
    const p = join(dir, 'big.xml');
    writeFileSync(p, `<r>${'x'.repeat(100)}</r>`);
    expect((await loadError(p, { maxBytes: 50 })).reason).toBe('too large (107 bytes > 50)');
  });

  it('refuses a directory', async () => {
    const p = join(dir, 'a-directory.xml');
    mkdirSync(p);
    expect((await loadError(p)).reason).toMatch(/^unreadable/);
  });

  it('refuses a FIFO without hanging', async () => {
    if (process.platform === 'win32') return;
    const p = join(dir, 'fifo.xml');
    execFileSync('mkfifo', [p]);
    expect((await loadError(p)).reason).toMatch(/^unreadable \(not a regular file\)/);
  });

  it('refuses invalid UTF-8 naming the file', async () => {
    const p = join(dir, 'latin1.xml');
    writeFileSync(p, Buffer.from('<r>caf\xe9</r>', 'latin1'));
    expect((await loadError(p)).reason).toMatch(/not valid UTF-8/);
  });
});

// Type-level check that the accessors accept what parseXmlDocument returns.
const _typecheck: (el: XmlElement) => string = xmlText;
void _typecheck;
