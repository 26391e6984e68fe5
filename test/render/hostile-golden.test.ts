/**
 * The hostile-names fixture (real pytest on tests whose parametrize ids and messages hold Markdown/HTML meant to
 * break the comment): its committed golden comment must have every one of them neutralised (R4.1, R4.4).
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderComment } from '../../src/render/markdown.js';
import type { GateReport } from '../../src/gate/report.js';
import { REPO_ROOT } from '../support/project.js';

const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'golden');
const report = JSON.parse(readFileSync(join(GOLDEN, 'hostile-names.json'), 'utf8')) as GateReport;
const md = readFileSync(join(GOLDEN, 'hostile-names.md'), 'utf8');

/** The comment's text outside fenced code blocks (GitHub links no mention or reference inside those). */
function outsideFences(text: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    if (fence === null) {
      const open = /^(`{3,})/.exec(line);
      if (open) fence = open[1]!;
      else out.push(line);
    } else if (line.startsWith(fence) && /^`+\s*$/.test(line)) fence = null;
  }
  expect(fence).toBeNull();
  return out.join('\n');
}

describe('hostile-names golden', () => {
  test('the real run produced the hostile names and messages', () => {
    const names = report.tests!.failures.map((f) => f.name).join('\n');
    for (const s of ['@org/team', '#1', '</details>', '<img src=x', 'a | b | c', '````', '<!-- nebula-gate:id=golden -->']) expect(names).toContain(s);
    expect(report.tests!.failures).toHaveLength(7);
  });

  test('rendered, every one of them is neutralised', () => {
    expect(renderComment(report, { marker: '<!-- nebula-gate:id=golden -->' })).toBe(md);
    const text = outsideFences(md);
    expect(text).not.toMatch(/@[A-Za-z0-9]/); // no mention
    expect(text).not.toMatch(/#\d/); // no issue reference
    expect(text).not.toMatch(/<img|<\/details><details open>/i);
    expect(text.match(/<details>/g)!.length).toBe(text.match(/<\/details>/g)!.length);
    expect(md.split('<!-- nebula-gate').length).toBe(2); // only our own marker, on the first line
    expect(md.startsWith('<!-- nebula-gate:id=golden -->\n')).toBe(true);
    // Table rows keep their five or four cells: every `|` from a name or message is escaped.
    for (const row of text.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect([2, 4, 5]).toContain(cells);
    }
    // Fences are longer than the backtick runs inside them.
    expect(md).toMatch(/^`{5,}$/m);
  });
});
