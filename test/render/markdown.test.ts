import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { cutToBudget } from '../../src/render/budget.js';
import { formatDuration } from '../../src/render/content.js';
import { COMMENT_LIMIT, renderComment, renderSummary, SUMMARY_LIMIT } from '../../src/render/markdown.js';
import { reportArb } from './arbitraries.js';
import { check, columns, failingReport, failure, finding, proseLines, report, structure, vulnerability } from './factory.js';

const MARKER = '<!-- nebula-gate:id=default -->';
const LINK = { serverUrl: 'https://github.com', repo: 'acme/widgets', sha: '0123456789abcdef0123456789abcdef01234567' };

/** Every GFM table (a run of lines starting with `|`) has the same number of separators on each row. */
function tablesConsistent(md: string): string | null {
  let expected: number | null = null;
  for (const line of proseLines(md)) {
    if (!line.startsWith('|')) {
      expected = null;
      continue;
    }
    const n = columns(line);
    if (expected === null) expected = n;
    else if (n !== expected) return `row has ${n} separators, table has ${expected}: ${line.slice(0, 120)}`;
  }
  return null;
}

/** Prose outside code blocks: only our own tags, no mention, no issue reference. */
function proseHazard(md: string): string | null {
  for (const line of proseLines(md)) {
    if (line === MARKER) continue;
    const withoutOurTags = line.replace(/^<details><summary>/, '').replace(/<\/summary>$/, '').replace(/^<\/details>$/, '');
    if (withoutOurTags.includes('<')) return `raw < in: ${line.slice(0, 120)}`;
    if (/@[A-Za-z0-9_-]/.test(line)) return `mention in: ${line.slice(0, 120)}`;
    if (/#\d/.test(line)) return `reference in: ${line.slice(0, 120)}`;
  }
  return null;
}

function expectWellFormed(md: string, limit: number): void {
  expect(md.length).toBeLessThanOrEqual(limit);
  expect(structure(md)).toEqual({ balanced: true, reason: '' });
  expect(tablesConsistent(md)).toBeNull();
  expect(proseHazard(md)).toBeNull();
}

describe('renderComment: layout', () => {
  it('passing report: marker first, headline, why, one row per check', () => {
    const md = renderComment(report(), { marker: MARKER });
    const lines = md.split('\n');
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toBe('## nebula-gate · Phase 4 of 4 reached (security) · gate: tests · ✅ may merge');
    expect(md).toContain('**Why:** every phase up to the gate (tests) passed');
    expect(md).toContain('| **setup** | uv-sync | ✅ passed | environment installed | 1.2 s |');
    expect(md).toContain('| **tests 🚩 gate** | pytest | ✅ passed | 120 passed | 1.2 s |');
    expect(md).toContain('| **security (advisory)** | pip-audit |');
    expect(md).toContain('|  | bandit |');
    expect(md).not.toContain('Failing tests');
    expect(md).not.toContain('shortened');
    expectWellFormed(md, 60_000);
  });

  it('failing report: blocked headline and failing-test details with links we build', () => {
    const r = failingReport(2);
    const md = renderComment(r, { marker: MARKER, linkBase: LINK });
    expect(md.split('\n')[1]).toBe('## nebula-gate · Phase 1 of 4 reached (quality) · gate: tests · ❌ blocked at tests: 2 failed, 100 passed');
    expect(md).toContain('<details><summary>❌ Failing tests: 2 of 102</summary>');
    expect(md).toContain(`**tests.test\\_mod::test\\_case\\_0** — [tests/test\\_mod.py:10](https://github.com/acme/widgets/blob/${LINK.sha}/tests/test_mod.py#L10)`);
    expect(md).toContain('```\nAssertionError: assert 0 == 1\n\ndef test_case_0():');
    expect(md).toContain('**Tests:** 100 passed · 2 failed · 0 errors · 0 skipped (102 total)');
    expectWellFormed(md, 60_000);
  });

  it('several failing checks in the blocking phase are named', () => {
    const r = report({ verdict: 'fail', blockedBy: 'quality', phaseReached: 0, why: 'blocked at quality' });
    r.phases[1]!.status = 'failed';
    r.phases[1]!.checks = [check('ruff-check', 'failed'), check('mypy', 'error')];
    expect(renderComment(r).split('\n')[0]).toBe('## nebula-gate · Phase 0 of 4 reached (setup) · gate: tests · ❌ blocked at quality: ruff-check, mypy not passing');
  });

  it('no phase reached, custom title', () => {
    const r = report({ verdict: 'fail', blockedBy: 'setup', phaseReached: -1 });
    r.phases[0]!.checks = [check('uv-sync', 'error', { summary: 'uv.lock does not match pyproject.toml' })];
    expect(renderComment(r, { title: 'gate (py3.12)' }).split('\n')[0]).toBe(
      '## gate (py3.12) · no phase reached · gate: tests · ❌ blocked at setup: uv.lock does not match pyproject.toml',
    );
  });

  it('coverage, findings per check (bandit as security issues), vulnerabilities with fixes', () => {
    const r = report({
      coverage: { percent: 80.44, floor: 85, diffPercent: 66.7, diffFloor: 80, worstFiles: [{ file: 'src/a b/(x).py', percent: 12.5 }] },
      vulnerabilities: [vulnerability(), vulnerability({ package: 'urllib3', id: 'PYSEC-1', aliases: [], fixVersions: [] })],
    });
    r.phases[1]!.checks[1]!.findings = [finding(), finding({ file: '../outside.py', line: 3, rule: 'E501', severity: 'warning', message: 'line | too long' })];
    r.phases[4]!.checks[1]!.findings = [finding({ file: 'src/db.py', rule: 'B608', message: 'Possible SQL injection' })];
    const md = renderComment(r, { linkBase: LINK });
    expect(md).toContain('<details><summary>📊 Coverage 80.44% (floor 85%) ❌ · changed lines 66.70% (floor 80%) ❌</summary>');
    expect(md).toContain(`| [src/a b/\\(x\\).py](https://github.com/acme/widgets/blob/${LINK.sha}/src/a%20b/%28x%29.py) | 12.50% |`);
    expect(md).toContain('<details><summary>🔎 ruff-check: 2 findings</summary>');
    expect(md).toContain(`| [src/app/main.py:12:5](https://github.com/acme/widgets/blob/${LINK.sha}/src/app/main.py#L12) | error | F401 | \\\`os\\\` imported but unused |`);
    // A path that is not repo-relative is shown, escaped, but never linked.
    expect(md).toContain('| ../outside.py:3:5 | warning | E501 | line \\| too long |');
    expect(md).toContain('<details><summary>🔎 bandit: 1 security issue</summary>');
    expect(md).toContain('| jinja2 | 3.1.2 | GHSA-h5c8-rqwp-cp95 (CVE-2024-22195) | 3.1.3 |');
    expect(md).toContain('| urllib3 | 3.1.2 | PYSEC-1 | no fix yet |');
    expectWellFormed(md, 60_000);
  });

  it('builds no link from a malformed link base', () => {
    const r = failingReport(1);
    for (const bad of [
      { ...LINK, serverUrl: 'javascript:alert(1)' },
      { ...LINK, repo: 'a/b/c' },
      { ...LINK, sha: 'main) [x](http://evil' },
    ]) {
      expect(renderComment(r, { linkBase: bad })).not.toContain('](');
    }
  });

  it('hostile test names: no mention, reference, HTML, marker or broken structure', () => {
    const names = ['@octocat please', 'fixes #12', '</details><details>', '```', '<!-- nebula-gate:id=default -->', '| a | b |', '<img src=x onerror=alert(1)>'];
    const r = failingReport(names.length, (i) => failure(i, { name: names[i]!, message: names[i]!, details: `\`\`\`\`\n${names[i]}\n</details>` }));
    const md = renderComment(r, { marker: MARKER });
    expect(md.split(MARKER).length).toBe(2); // our marker exactly once: the first line
    expectWellFormed(md, 60_000);
  });

  it('rejects a malformed marker (a programming error)', () => {
    expect(() => renderComment(report(), { marker: '<!-- x --> <b>' })).toThrow(/invalid marker/);
    expect(() => renderComment(report(), { marker: '<!-- a\nb -->' })).toThrow(/invalid marker/);
  });

  it('formats durations', () => {
    expect([formatDuration(0), formatDuration(999), formatDuration(1234), formatDuration(125_000), formatDuration(Number.NaN)]).toEqual([
      '0 ms',
      '999 ms',
      '1.2 s',
      '2 min 5 s',
      '—',
    ]);
  });
});

describe('renderComment: budget (R3.1)', () => {
  it('shortens tracebacks before dropping any failure', () => {
    const r = failingReport(30, (i) => failure(i, { details: `${'frame\n'.repeat(600)}E   AssertionError ${i}` }));
    const md = renderComment(r);
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md.match(/^\*\*tests\./gm)?.length).toBe(30);
    expect(md).toMatch(/… [\d,]+ characters cut …/);
    expect(md).toContain('E   AssertionError 29');
    expect(md).toContain('Some detail was shortened or left out');
    expectWellFormed(md, 60_000);
  });

  it('caps items with "…and N more", then drops least important sections', () => {
    const r = failingReport(500);
    r.phases[4]!.checks[1]!.findings = Array.from({ length: 400 }, (_, i) => finding({ file: 'src/db.py', line: i + 1, rule: 'B608' }));
    const capped = renderComment(r, { budget: 20_000 });
    expect(capped).toMatch(/_…and [\d,]+ more failing tests not shown to fit the size limit\._/);
    expect(capped).toMatch(/_…and [\d,]+ more security issues not shown/);
    expectWellFormed(capped, 20_000);

    const tiny = renderComment(r, { budget: 1_400 });
    // Advisory sections (coverage, bandit) go before the section of the phase that blocks the gate.
    expect(tiny).toContain('bandit: 400 security issues — details left out to fit the size limit.');
    expect(tiny).toContain('Coverage 91.20% (floor 85%) ✅ — details left out to fit the size limit.');
    expect(tiny).toContain('<details><summary>❌ Failing tests: 500 of 600</summary>');
    expectWellFormed(tiny, 1_400);
  });

  it('10,000 failing tests with long multibyte names: ≤ 65,536, balanced, fast', () => {
    const r = failingReport(10_000, (i) => failure(i, { name: `тест_名前_🙂_${i}_`.repeat(30), details: `Traceback 🙂\n${'ж'.repeat(4000)}` }));
    const started = performance.now();
    const md = renderComment(r, { marker: MARKER, linkBase: LINK });
    const elapsed = performance.now() - started;
    expectWellFormed(md, 60_000);
    expect(md).toMatch(/more failing tests not shown/);
    expect(elapsed).toBeLessThan(2_000);
    const max = renderComment(r, { budget: 10_000_000 });
    expectWellFormed(max, COMMENT_LIMIT);
  });

  it('job summary: measured in bytes, ≤ 1 MiB', () => {
    const r = failingReport(10_000, (i) => failure(i, { name: `名前_${i}_`.repeat(40), details: '名'.repeat(4000) }));
    const md = renderSummary(r);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1_000_000);
    expect(md.length).toBeGreaterThan(65_536); // more room than a comment
    expect(structure(md).balanced).toBe(true);
    const full = renderSummary(r, { budget: 5_000_000 });
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(SUMMARY_LIMIT);
  });

  it('cuts at a line boundary when even the fixed part does not fit, and says so', () => {
    const r = failingReport(3);
    r.phases[0]!.checks = Array.from({ length: 3000 }, (_, i) => check(`check-${i}`, 'passed', { summary: 'x'.repeat(100) }));
    const md = renderComment(r, { marker: MARKER });
    expect(md.split('\n')[0]).toBe(MARKER);
    expect(md).toContain('This report was cut');
    expectWellFormed(md, 60_000);
  });

  it('cutToBudget closes an open fence and every open <details>', () => {
    const text = `head\n<details><summary>a</summary>\n\n<details><summary>b</summary>\n\n\`\`\`\`\n${'code line\n'.repeat(100)}\`\`\`\`\n\n</details>\n\n</details>\n`;
    const out = cutToBudget(text, 300, (s) => s.length, '> cut');
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out).toMatch(/code line\n````\n\n<\/details>\n\n<\/details>\n\n> cut\n$/);
    expect(structure(out).balanced).toBe(true);
    expect(cutToBudget(text, 3, (s) => s.length, '> cut').length).toBeLessThanOrEqual(3);
  });

  it('property: any report, any budget → within budget and the hard limit, balanced, escaped, tables intact', () => {
    fc.assert(
      fc.property(reportArb(), fc.integer({ min: 0, max: 80_000 }), (r, budget) => {
        const md = renderComment(r, { budget, marker: MARKER, linkBase: LINK });
        expectWellFormed(md, Math.min(COMMENT_LIMIT, Math.max(500, budget)));
        expect(md.split('\n')[0]).toBe(MARKER);
        expect(md.split(MARKER).length).toBe(2);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('property: the last-resort cut, at any line, closes whatever is open (fences, details)', () => {
    fc.assert(
      fc.property(reportArb(), fc.double({ min: 0, max: 1, noNaN: true }), (r, fraction) => {
        const full = renderComment(r, { budget: COMMENT_LIMIT });
        const budget = Math.floor(full.length * fraction);
        const out = cutToBudget(full, budget, (s) => s.length, '> cut');
        expect(out.length).toBeLessThanOrEqual(budget);
        expect(structure(out)).toEqual({ balanced: true, reason: '' });
        expect(tablesConsistent(out)).toBeNull();
      }),
      { numRuns: runs(600) },
    );
  });

  it('property: many failures with long multibyte names stay within 65,536 and balanced', () => {
    const name = fc.string({ unit: fc.constantFrom('🙂', 'ж', '名', '`', '|', '@a', '#1', '</details>', '\n'), minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 10_000 }), name, fc.integer({ min: 60_000, max: 70_000 }), (n, base, budget) => {
        const r = failingReport(n, (i) => failure(i, { name: `${base}${i}`, message: base, details: base.repeat(20) }));
        expectWellFormed(renderComment(r, { budget }), COMMENT_LIMIT);
      }),
      { numRuns: runs(15) },
    );
  });
});
