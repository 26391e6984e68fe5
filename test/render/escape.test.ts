import fc from 'fast-check';
import { runs } from '../support/fc.js';
import {
  codeBlock,
  escapeHtml,
  escapeTableCell,
  escapeText,
  oneLine,
  stripControl,
  stripMarker,
  truncateEnd,
  truncateMiddle,
  ZWSP,
} from '../../src/render/escape.js';
import { hostile } from './arbitraries.js';
import { columns, structure } from './factory.js';

const ENTITY = /^&(?:amp|lt|gt|quot|dollar|#x27);/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Reads escaped Markdown the way CommonMark does (a backslash before ASCII punctuation is one escaped
 * character) and reports the first character that could still act as syntax.
 */
function unsafeMarkdown(out: string): string | null {
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    if (c === '\\') {
      if (i + 1 < out.length && ASCII_PUNCT.test(out[i + 1]!)) {
        i++;
        continue;
      }
      return `lone backslash at ${i}`;
    }
    if ('[]*_`~|#<>$\n\r'.includes(c)) return `raw ${JSON.stringify(c)} at ${i}`;
    if (c === '&') {
      // An entity is one unit: its '#' (as in &#x27;) is not a Markdown heading or a reference.
      const entity = ENTITY.exec(out.slice(i));
      if (!entity) return `raw & at ${i}`;
      i += entity[0].length - 1;
      continue;
    }
    if (c === '@' && out[i + 1] !== ZWSP) return `@ without ZWSP at ${i}`;
  }
  return null;
}

/** GitHub-level hazards that survive entity decoding: mentions, references, bare links, our marker. */
function referenceHazard(out: string): string | null {
  if (/@[A-Za-z0-9_-]/.test(out)) return 'mention';
  if (/#\d/.test(out)) return 'issue reference';
  if (/gh-\d/i.test(out)) return 'GH- reference';
  if (out.includes('://') || /www\./i.test(out)) return 'bare link';
  if (/<!--/.test(out)) return 'html comment';
  return null;
}

describe('escapeText', () => {
  it("an apostrophe becomes an entity the safety check reads as one unit (fast-check seed 2139555493)", () => {
    expect(escapeText("it's")).toBe('it&#x27;s');
    expect(unsafeMarkdown(escapeText("'"))).toBeNull();
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['hi @octocat', `hi @${ZWSP}octocat`],
    ['fixes #12', `fixes \\#${ZWSP}12`],
    ['GH-7', `GH-${ZWSP}7`],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![img](http://evil/x.png)', `!\\[img\\](http:/${ZWSP}/evil/x.png)`],
    ['*a* _b_ `c` ~d~ \\e', '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\\\e'],
    ['a | b', 'a \\| b'],
    ['$x^2$', '&dollar;x^2&dollar;'],
    ['"q" \'s\' & co', '&quot;q&quot; &#x27;s&#x27; &amp; co'],
    ['line1\nline2\r\nline3', 'line1 line2 line3'],
    ['www.example.com', `www${ZWSP}.example.com`],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('removes a hidden marker from untrusted text (R4.4)', () => {
    const out = escapeText('name <!-- nebula-gate:id=default --> tail');
    expect(out).not.toContain('nebula-gate:id');
    expect(out).toContain('marker removed');
  });

  it('tolerates non-strings from a JSON artifact', () => {
    expect(escapeText(undefined as unknown as string)).toBe('');
    expect(escapeText(12 as unknown as string)).toBe('12');
  });

  it('property: no raw Markdown syntax, HTML, mention, reference, bare link or newline survives', () => {
    fc.assert(
      fc.property(hostile(60), (s) => {
        const out = escapeText(s);
        expect(unsafeMarkdown(out)).toBeNull();
        expect(referenceHazard(out)).toBeNull();
        expect(LONE.test(out)).toBe(false);
      }),
      { numRuns: runs(4000) },
    );
  });

  it('property: a table row of escaped cells keeps its column count', () => {
    fc.assert(
      fc.property(fc.array(hostile(30), { minLength: 1, maxLength: 5 }), (cells) => {
        const row = `| ${cells.map(escapeTableCell).join(' | ')} |`;
        expect(columns(row)).toBe(cells.length + 1);
      }),
      { numRuns: runs(3000) },
    );
  });
});

describe('escapeHtml (for <summary>, where Markdown is not parsed)', () => {
  it('uses entities, not backslashes', () => {
    expect(escapeHtml('my_check *x* <b> @me #1')).toBe(`my_check *x* &lt;b&gt; @${ZWSP}me #${ZWSP}1`);
  });

  it('property: no raw tag, entity-free &, mention, reference or newline', () => {
    fc.assert(
      fc.property(hostile(60), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>\n\r]/);
        expect(referenceHazard(out)).toBeNull();
        for (let i = out.indexOf('&'); i !== -1; i = out.indexOf('&', i + 1)) expect(out.slice(i)).toMatch(ENTITY);
      }),
      { numRuns: runs(3000) },
    );
  });
});

describe('stripMarker', () => {
  it.each([
    '<!-- nebula-gate:id=default -->',
    '<!--nebula-gate-->',
    '<!--   NEBULA-gate:id=x',
    '<!-<!-- nebula-gate -->- nebula-gate:id=default -->',
    '<!--<!--<!-- nebula-gate --> nebula --> nebula -->',
  ])('removes %j', (s) => {
    expect(stripMarker(s)).not.toMatch(/<!--\s*nebula/i);
  });

  it('leaves other comments and text alone', () => {
    expect(stripMarker('<!-- just a comment --> ok')).toBe('<!-- just a comment --> ok');
  });

  it('property: no marker-like text remains', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<!--', '<!-', '-->', '-', ' ', 'nebula', '-gate', 'x', '\n', 'NEBULA'), maxLength: 30 }), (s) => {
        expect(stripMarker(s)).not.toMatch(/<!--\s*nebula/i);
      }),
      { numRuns: runs(3000) },
    );
  });
});

describe('truncateMiddle (R4.3)', () => {
  it('keeps short strings', () => {
    expect(truncateMiddle('short', 10)).toBe('short');
  });

  it('keeps head and tail and says how much was cut', () => {
    const s = `${'a'.repeat(500)}${'b'.repeat(500)}`;
    const out = truncateMiddle(s, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.startsWith('aaa')).toBe(true);
    expect(out.endsWith('bbb')).toBe(true);
    expect(out).toMatch(/… [\d,]+ characters cut …/);
  });

  it('puts the note on its own line for multi-line text', () => {
    const out = truncateMiddle(`${'line\n'.repeat(200)}Error: boom`, 120);
    expect(out).toMatch(/\n… [\d,]+ characters cut …\n/);
    expect(out.endsWith('Error: boom')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const s = '🙂'.repeat(300);
    for (let max = 0; max < 80; max++) expect(LONE.test(truncateMiddle(s, max))).toBe(false);
  });

  it('property: bounded, head + tail of the input, exact count of cut code points', () => {
    const text = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('\n', '🙂', 'é')), maxLength: 400 }).filter((s) => !s.includes('…'));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 300 }), (s, max) => {
        const out = truncateMiddle(s, max);
        if (s.length <= max) {
          expect(out).toBe(s);
          return;
        }
        expect(out.length).toBeLessThanOrEqual(max);
        expect(LONE.test(out)).toBe(false);
        const m = /(?:\n| )… ([\d,]+) characters cut …(?:\n| )/.exec(out);
        if (m === null) {
          // Too small for a note: a plain cut end.
          expect(s.startsWith(out.slice(0, -1))).toBe(true);
          return;
        }
        const head = out.slice(0, m.index);
        const tail = out.slice(m.index + m[0].length);
        expect(s.startsWith(head)).toBe(true);
        expect(s.endsWith(tail)).toBe(true);
        expect([...head].length + Number(m[1]!.replace(/,/g, '')) + [...tail].length).toBe([...s].length);
      }),
      { numRuns: runs(4000) },
    );
  });
});

describe('truncateEnd', () => {
  it('cuts with an ellipsis and keeps pairs whole', () => {
    expect(truncateEnd('abcdef', 4)).toBe('abc…');
    expect(truncateEnd('a🙂🙂', 3)).toBe('a…');
  });
});

describe('stripControl / oneLine', () => {
  it('removes ANSI sequences and controls, normalises line ends, repairs lone surrogates', () => {
    expect(stripControl('\u001b[31mred\u001b[0m\r\nnext\rthird\u0000\u202e')).toBe('red\nnext\nthird');
    expect(stripControl('\u001b]8;;http://x\u0007link\u001b]8;;\u0007')).toBe('link');
    expect(stripControl('a\ud83db')).toBe('a\ufffdb');
    expect(oneLine('a\nb\tc')).toBe('a b c');
  });
});

describe('codeBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    const out = codeBlock('a ``` b\n`````\nc');
    expect(out.split('\n')[0]).toBe('``````');
    expect(out.endsWith('\n``````')).toBe(true);
  });

  it('shows content verbatim (code is not linked on GitHub) but strips markers and controls', () => {
    const out = codeBlock('@octocat fixed #12\r\n<!-- nebula-gate:id=default -->\u001b[31m', 'python');
    expect(out).toBe('```python\n@octocat fixed #12\n[marker removed]\n```');
  });

  it('drops a hostile info string', () => {
    expect(codeBlock('x', 'py`thon onload=1').split('\n')[0]).toBe('```');
  });

  it('property: balanced, and the content cannot close the fence', () => {
    fc.assert(
      fc.property(hostile(80), (s) => {
        const out = codeBlock(s);
        expect(structure(out).balanced).toBe(true);
        const lines = out.split('\n');
        const fence = lines[0]!;
        const body = lines.slice(1, -1).join('\n');
        expect(lines[lines.length - 1]).toBe(fence);
        expect(body).not.toContain(fence);
        expect(body).not.toMatch(/[\r\u0000\u001b]/);
        expect(body).not.toMatch(/<!--\s*nebula/i);
      }),
      { numRuns: runs(3000) },
    );
  });
});
