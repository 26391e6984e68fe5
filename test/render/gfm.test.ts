/**
 * The comment as GitHub would see it (SECURITY.md R4, R8.2; issue 6): every rendered comment is parsed by a real
 * GFM implementation (marked, gfm on) rather than by our own line checks (those are in markdown.test.ts). For
 * reports with hostile strings everywhere a tool or a test can put text:
 *  - no HTML element but our own (the marker comment, <details>, <summary>), and those balanced;
 *  - no link but the file links the action builds (no autolinked URL, no Markdown link from the input);
 *  - no mention and no cross-reference in the rendered text outside code;
 *  - every table row has exactly the header's columns (checked with marked's own cell splitting).
 * And (R2.4): a log written the way the action writes it — tool output through emitFenced, everything else through
 * neutraliseCommands — holds no workflow command outside a fence but the fences and groups themselves.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { Lexer, marked, type Token, type Tokens } from 'marked';
import { renderComment } from '../../src/render/markdown.js';
import { emitFenced } from '../../src/process/fence.js';
import { neutraliseCommands } from '../../src/text/commands.js';
import { commandsOutsideFences } from '../support/action.js';
import { hostile, HOSTILE, reportArb } from './arbitraries.js';

const MARKER = '<!-- nebula-gate:id=gfm -->';
const LINK = { serverUrl: 'https://github.com', repo: 'acme/widgets', sha: '0123456789abcdef0123456789abcdef01234567' };
const OUR_LINKS = `${LINK.serverUrl}/${LINK.repo}/blob/${LINK.sha}/`;
const OPTIONS = { gfm: true, breaks: false, async: false } as const;

/** Our own tags, as the renderer writes them; anything else that parses as HTML is an injection. */
const OUR_TAGS = /<details>|<\/details>|<summary>|<\/summary>/g;

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const children = (t as { tokens?: Token[] }).tokens;
    if (children) walk(children, visit);
    if (t.type === 'table') {
      const table = t as Tokens.Table;
      for (const cell of table.header) walk(cell.tokens, visit);
      for (const row of table.rows) for (const cell of row) walk(cell.tokens, visit);
    }
    if (t.type === 'list') for (const item of (t as Tokens.List).items) walk(item.tokens, visit);
  }
}

/** The problems a real GFM parse finds in `md`, or [] when none. */
function gfmHazards(md: string): string[] {
  const problems: string[] = [];
  const tokens = new Lexer(OPTIONS).lex(md);
  let opened = 0;
  let closed = 0;
  walk(tokens, (t) => {
    if (t.type === 'html') {
      const raw = (t as Tokens.HTML).raw.trim();
      if (raw === MARKER) return;
      const rest = raw.replace(OUR_TAGS, '');
      opened += (raw.match(/<details>/g) ?? []).length;
      closed += (raw.match(/<\/details>/g) ?? []).length;
      // What remains is the escaped <summary> text: it must not hold a tag, a comment or a declaration.
      if (/<[A-Za-z/!?]/.test(rest)) problems.push(`HTML element: ${raw.slice(0, 120)}`);
    } else if (t.type === 'tag') {
      problems.push(`inline HTML: ${(t as Tokens.Tag).raw.slice(0, 120)}`);
    } else if (t.type === 'link' || t.type === 'image') {
      const href = (t as Tokens.Link).href;
      if (t.type === 'image' || !href.startsWith(OUR_LINKS)) problems.push(`${t.type} not built by the action: ${href.slice(0, 120)}`);
    } else if (t.type === 'table') {
      const table = t as Tokens.Table;
      const n = table.header.length;
      // Re-read every row as the header of a table of n columns: GFM makes it a table only when the row splits into
      // exactly n cells (an unescaped | would add one, and marked would otherwise silently drop the excess).
      const lines = table.raw.split('\n').filter((l) => l.trim() !== '');
      for (const line of [lines[0]!, ...lines.slice(2)]) {
        const probe = new Lexer(OPTIONS).lex(`${line}\n${'|---'.repeat(n)}|\n`);
        const head = probe[0];
        if (head?.type !== 'table' || (head as Tokens.Table).header.length !== n) problems.push(`row without ${n} columns: ${line.slice(0, 120)}`);
      }
    }
  });
  if (opened !== closed) problems.push(`<details> opened ${opened}, closed ${closed}`);
  // The rendered text, outside code: no mention, no cross-reference.
  const html = marked.parse(md, OPTIONS) as string;
  const text = html
    .replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(quot|amp|lt|gt|#39);/g, (_m, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'" })[e] ?? '');
  const mention = /(^|[^A-Za-z0-9_`])@[A-Za-z0-9]/.exec(text);
  if (mention) problems.push(`mention: …${text.slice(Math.max(0, mention.index - 20), mention.index + 20)}…`);
  const ref = /(^|[^A-Za-z0-9_&])(#|GH-)\d/.exec(text);
  if (ref) problems.push(`reference: …${text.slice(Math.max(0, ref.index - 20), ref.index + 20)}…`);
  return problems;
}

describe('the comment under a real GFM parser (marked)', () => {
  it('sanity: the checks catch what they are meant to', () => {
    expect(gfmHazards('hello @octocat')).toEqual([expect.stringMatching(/^mention/)]);
    expect(gfmHazards('see #12')).toEqual([expect.stringMatching(/^reference/)]);
    expect(gfmHazards('x <img src=x> y')).toEqual([expect.stringMatching(/HTML/)]);
    expect(gfmHazards('[a](https://evil.example)')).toEqual([expect.stringMatching(/^link not built/)]);
    expect(gfmHazards('go to https://evil.example now')).toEqual([expect.stringMatching(/^link not built/)]);
    expect(gfmHazards('| a | b |\n|---|---|\n| 1 | 2 | 3 |\n')).toEqual([expect.stringMatching(/^row without 2 columns/)]);
    expect(gfmHazards('<details><summary>x</summary>\n\ny\n')).toEqual([expect.stringMatching(/opened 1, closed 0/)]);
    expect(gfmHazards('`@octocat #12` and\n\n```\n<img src=x> @a #1\n```\n')).toEqual([]);
  });

  it('property: any report with hostile strings renders to no foreign HTML, link, mention, reference or column', () => {
    fc.assert(
      fc.property(reportArb(), (r) => {
        const md = renderComment(r, { marker: MARKER, linkBase: LINK });
        expect(md.length).toBeLessThanOrEqual(65_536);
        expect(gfmHazards(md)).toEqual([]);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('property: the same when the budget forces cuts', () => {
    fc.assert(
      fc.property(reportArb(), fc.integer({ min: 500, max: 8000 }), (r, budget) => {
        const md = renderComment(r, { marker: MARKER, linkBase: LINK, budget });
        expect(md.length).toBeLessThanOrEqual(Math.max(500, budget));
        expect(gfmHazards(md)).toEqual([]);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('the log as the action writes it (R2.1, R2.4)', () => {
  const line = fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE, '::stop-commands::', '::endgroup::', '::add-mask::', '::'), fc.constantFrom('a', ' ', '0', 'f')), maxLength: 30 });
  const write = fc.oneof(
    fc.record({ kind: fc.constant('tool' as const), title: hostile(30), output: fc.array(line, { maxLength: 12 }).map((ls) => ls.join('\n')) }),
    fc.record({ kind: fc.constant('info' as const), text: hostile(60) }),
  );

  it('property: no line outside a fence is a workflow command, except the fences and groups themselves', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 10 }), fc.boolean(), (writes, group) => {
        let log = '';
        const sink = { write: (s: string) => void (log += s) };
        for (const w of writes) {
          if (w.kind === 'tool') emitFenced(sink, w.title, w.output, { group });
          else sink.write(`${neutraliseCommands(w.text)}\n`);
        }
        const foreign = commandsOutsideFences(log).filter((c) => !['stop-commands', 'resume', 'group', 'endgroup'].includes(c.name));
        expect(foreign).toEqual([]);
        for (const c of commandsOutsideFences(log).filter((x) => x.name === 'stop-commands')) expect(c.text).toMatch(/^::stop-commands::[0-9a-f]{32}$/);
      }),
      { numRuns: runs(5000) },
    );
  });
});
