/**
 * The large generated reports the bench reads (`npm run bench`, `--reports`): pytest-shaped JUnit and
 * coverage.py-shaped Cobertura of any size. Pure: they return the document text.
 */

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A pytest-xunit1-shaped JUnit file: 1% failures with multi-line tracebacks, 2% skipped. */
export function generateJunit(cases: number): string {
  const parts: string[] = ['<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" failures="0" skipped="0" tests="0" time="1">'];
  for (let i = 0; i < cases; i++) {
    const mod = `tests/test_mod_${i % 500}.py`;
    const cls = `tests.test_mod_${i % 500}`;
    const head = `<testcase classname="${cls}" name="test_case_${i}[param-${i % 7}]" file="${mod}" line="${i % 400}" time="0.00${i % 10}"`;
    if (i % 100 === 1) {
      const msg = esc(`AssertionError: assert ${i} == ${i + 1} — ünïcode ✓`);
      parts.push(`${head}><failure message="${msg}">${esc(`def test():\n>       assert ${i} == ${i + 1}\nE       AssertionError\n\n${mod}:${i % 400}: AssertionError`)}</failure></testcase>`);
    } else if (i % 50 === 3) {
      parts.push(`${head}><skipped type="pytest.skip" message="not on this platform">${mod}:1: not on this platform</skipped></testcase>`);
    } else {
      parts.push(`${head} />`);
    }
  }
  parts.push('</testsuite></testsuites>');
  return parts.join('\n');
}

/** A coverage.py-shaped Cobertura file: `files` source files of 120 lines, ~85% covered, branch data. */
export function generateCobertura(files: number): string {
  const parts: string[] = [`<?xml version="1.0" ?><coverage version="7.17.3" timestamp="1" lines-valid="0" lines-covered="0" line-rate="0" branches-covered="0" branches-valid="0" branch-rate="0" complexity="0"><sources><source>/project/src</source></sources><packages>`];
  for (let f = 0; f < files; f++) {
    if (f % 50 === 0) parts.push(`${f > 0 ? '</classes></package>' : ''}<package name="pkg${f / 50}" line-rate="0" branch-rate="0" complexity="0"><classes>`);
    parts.push(`<class name="m${f}.py" filename="pkg${Math.floor(f / 50)}/m${f}.py" complexity="0" line-rate="0" branch-rate="0"><methods/><lines>`);
    for (let n = 1; n <= 120; n++) {
      const hits = (n * 7 + f) % 100 < 85 ? 1 : 0;
      parts.push(n % 10 === 0
        ? `<line number="${n}" hits="${hits}" branch="true" condition-coverage="50% (1/2)" missing-branches="${n + 2}"/>`
        : `<line number="${n}" hits="${hits}"/>`);
    }
    parts.push('</lines></class>');
  }
  parts.push('</classes></package></packages></coverage>');
  return parts.join('\n');
}
