import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { reportArb } from './arbitraries.js';
import { failingReport, failure, finding, report, vulnerability } from './factory.js';

const LINES = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/;
const isCommand = (line: string): boolean => /^\s*::[a-zA-Z-]+/.test(line) || line.includes('##[');
/** Escape sequences other than our own SGR colours (`ESC [ digits/; m`). */
const FOREIGN_ESCAPE = /\u001b(?!\[[0-9;]*m)|\u009b/;

describe('renderTerminal', () => {
  it('passing report: header verdict, phases with checks, verdict last', () => {
    const out = renderTerminal(report(), { color: false });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('nebula-gate · gate: tests');
    expect(lines[1]).toBe('✓ PASS · phase 4 of 4 reached (security)');
    expect(out).toContain('  ✓ tests [gate]\n');
    expect(out).toContain('  ✓ security (advisory)\n');
    expect(out).toMatch(/ {6}✓ pytest +120 passed {2}1\.2 s\n/);
    expect(out).toContain('Coverage: 91.20% (floor 85%)');
    expect(lines[lines.length - 1]).toBe('✓ PASS: every phase up to the gate (tests) passed');
    expect(out).not.toContain('\u001b');
  });

  it('failing report: failing tests with messages, findings, vulnerabilities', () => {
    const r = failingReport(2);
    r.phases[1]!.checks[1]!.findings = [finding()];
    r.vulnerabilities = [vulnerability()];
    const out = renderTerminal(r, { color: false });
    expect(out).toContain('✗ FAIL · phase 1 of 4 reached (quality) · blocked at tests');
    expect(out).toContain('Failing tests (2)\n  ✗ tests.test_mod::test_case_0  tests/test_mod.py:10\n      AssertionError: assert 0 == 1\n');
    expect(out).toContain('      E       AssertionError\n');
    expect(out).toContain('Findings\n  ruff-check (1)\n    src/app/main.py:12:5  error  F401  `os` imported but unused\n');
    expect(out).toContain('Vulnerabilities (1)\n  jinja2 3.1.2  GHSA-h5c8-rqwp-cp95  fix: 3.1.3\n');
    expect(out.trimEnd().split('\n').pop()).toBe('✗ FAIL: blocked at tests (gate: tests): pytest failed: 2 failed, 100 passed');
  });

  it('colours only when asked', () => {
    const r = failingReport(1);
    expect(renderTerminal(r, { color: false })).not.toContain('\u001b');
    const coloured = renderTerminal(r, { color: true });
    expect(coloured).toContain('\u001b[1;31m✗ FAIL\u001b[0m');
    expect(FOREIGN_ESCAPE.test(coloured)).toBe(false);
  });

  it('caps long lists with "…and N more"', () => {
    const out = renderTerminal(failingReport(120), { color: false, maxItems: 10 });
    expect(out.match(/^ {2}✗ tests\./gm)?.length).toBe(10);
    expect(out).toContain('  …and 110 more failing tests (see --json for all)');
  });

  it('defuses workflow commands and terminal escapes from untrusted text', () => {
    const r = failingReport(1, (i) =>
      failure(i, {
        name: 'x\n::error::pwned',
        message: '::add-mask::secret\r::set-output name=a::b',
        details: '\u001b]8;;http://evil\u0007click\u001b]8;;\u0007 ##[group]g\n\u001b[2J',
      }),
    );
    r.why = '::warning::why\n##[endgroup]';
    for (const color of [false, true]) {
      const out = renderTerminal(r, { color });
      for (const line of out.split(LINES)) expect(isCommand(line)).toBe(false);
      expect(FOREIGN_ESCAPE.test(out)).toBe(false);
      expect(out).toContain('click');
    }
  });

  it('property: no line parses as a workflow command; no foreign escape sequences', () => {
    fc.assert(
      fc.property(reportArb(10), fc.boolean(), (r, color) => {
        const out = renderTerminal(r, { color });
        expect(out.split(LINES).find(isCommand)).toBeUndefined();
        expect(FOREIGN_ESCAPE.test(out)).toBe(false);
        if (!color) expect(out).not.toContain('\u001b');
      }),
      { numRuns: runs(1500) },
    );
  });

  it('10,000 failures render quickly', () => {
    const r = failingReport(10_000, (i) => failure(i, { name: `тест_名前_🙂_${i}`.repeat(10) }));
    const started = performance.now();
    const out = renderTerminal(r, { color: true });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(out).toContain('…and 9950 more failing tests');
  });
});
