/**
 * Writes the committed part of the hostile report corpus, test/fixtures/hostile/{junit,cobertura,tools}/*, and its
 * manifest expected.json (file → format, outcome, error pattern or counts, and what a custom check reading it must
 * report). Entries too big to commit are listed with `generate` and made at test time (test/support/hostile.ts).
 *
 *   node --import tsx scripts/gen-hostile-corpus.ts
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { billionLaughs, deepNesting, HOSTILE_DIR, quadraticBlowup, PROJECT_ROOT, type CorpusEntry } from '../test/support/hostile.js';
import { REPO_ROOT } from '../test/support/project.js';

const REPORTS = join(REPO_ROOT, 'test', 'fixtures', 'reports');
const real = (p: string): string => readFileSync(join(REPORTS, p), 'utf8');
const entries: CorpusEntry[] = [];

function add(file: string, content: string | Buffer, entry: Omit<CorpusEntry, 'file'>): void {
  mkdirSync(join(HOSTILE_DIR, file, '..'), { recursive: true });
  writeFileSync(join(HOSTILE_DIR, file), content);
  entries.push({ file, ...entry });
}
const gen = (file: string, entry: Omit<CorpusEntry, 'file'>): void => void entries.push({ file, ...entry });

const J = (cases: string, attrs = 'name="pytest" tests="1" failures="0" errors="0" skipped="0"'): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="pytest tests"><testsuite ${attrs}>${cases}</testsuite></testsuites>\n`;
const PASS1 = '<testcase classname="tests.test_a" name="test_ok" file="tests/test_a.py" line="3" time="0.01"/>';
const FAIL1 = '<testcase classname="tests.test_a" name="test_bad" file="tests/test_a.py" line="9" time="0.01"><failure message="assert 1 == 2">E assert 1 == 2</failure></testcase>';
const one = { total: 1, passed: 1, failed: 0, errors: 0, skipped: 0 };
const err = (errorMatch: string, covers: string, extra: { bomb?: boolean } = {}): Omit<CorpusEntry, 'file' | 'format'> => ({ covers, outcome: 'error', errorMatch, check: 'error', ...extra });

rmSync(HOSTILE_DIR, { recursive: true, force: true });

// ---- JUnit: not a report at all ----
add('junit/empty.xml', '', { format: 'junit', ...err('empty file', 'empty') });
add('junit/whitespace-only.xml', ' \n\t\n', { format: 'junit', ...err('empty file', 'empty (whitespace)') });
add('junit/not-xml.xml', '============ 3 passed in 0.01s ============\n', { format: 'junit', ...err('not XML', 'non-XML') });
add('junit/json-instead.xml', '{"tests": 3, "failures": 0}\n', { format: 'junit', ...err('not XML', 'non-XML (JSON)') });
// XML forbids these characters, but they change no count, and the renderer strips control characters: tolerated.
add('junit/nul-bytes.xml', J(`${PASS1}\0\u001b[31m`), { format: 'junit', covers: 'NUL and escape characters in text (tolerated)', outcome: 'parse', counts: one, check: 'passed' });
add('junit/invalid-utf8.xml', Buffer.concat([Buffer.from(J('<testcase name="caf')), Buffer.from([0xe9]), Buffer.from('"/>')]), { format: 'junit', ...err('not valid UTF-8', 'invalid UTF-8 (Latin-1 bytes)') });
add('junit/utf32.xml', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(J(PASS1), 'utf16le')]), { format: 'junit', ...err('UTF-32', 'UTF-32') });
add('junit/utf16-odd-length.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(J(PASS1), 'utf16le'), Buffer.from([0x3c])]), { format: 'junit', ...err('odd number of bytes', 'truncated UTF-16') });

// ---- truncated and malformed ----
const fullFail = real('fail-test/junit.xml');
add('junit/truncated-mid-case.xml', fullFail.slice(0, Math.floor(fullFail.length / 2)), { format: 'junit', ...err('truncated|malformed', 'truncated') });
add('junit/truncated-in-attribute.xml', J(PASS1).slice(0, J(PASS1).indexOf('file="') + 9), { format: 'junit', ...err('truncated|malformed', 'truncated (inside an attribute)') });
add('junit/truncated-no-close.xml', fullFail.slice(0, fullFail.lastIndexOf('</testsuites>')), { format: 'junit', ...err('truncated|malformed|unclosed', 'truncated (last end tag missing)') });
add('junit/unterminated-comment.xml', J(`${PASS1}<!-- never closed`), { format: 'junit', ...err('unterminated comment', 'truncated (comment)') });
add('junit/two-roots.xml', `${J(PASS1)}${J(FAIL1)}`, { format: 'junit', ...err('more than one root|malformed', 'two root elements') });
add('junit/self-closing-root-junk.xml', '<testsuites/><testsuite><testcase name="x"/></testsuite>', { format: 'junit', ...err('more than one root', 'junk after a self-closing root') });
add('junit/text-after-root.xml', `${J(PASS1)}trailing text`, { format: 'junit', ...err('text after the root|malformed', 'text after the root') });
add('junit/mismatched-tags.xml', J('<testcase name="a"></testsuite>'), { format: 'junit', ...err('malformed', 'mismatched end tag') });
add('junit/testcase-no-name.xml', J('<testcase classname="a"/>'), { format: 'junit', ...err('has no name', 'a test case without a name') });
add('junit/proto-tag.xml', J('<__proto__ polluted="yes"/>' + PASS1), { format: 'junit', ...err('.', 'a __proto__ element') });

// ---- encodings ----
add('junit/bom-utf8.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(J(PASS1))]), { format: 'junit', covers: 'UTF-8 BOM', outcome: 'parse', counts: one, check: 'passed' });
add('junit/utf16le-bom.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(J(PASS1 + FAIL1, 'name="pytest"'), 'utf16le')]), { format: 'junit', covers: 'UTF-16 LE with BOM', outcome: 'parse', counts: { total: 2, passed: 1, failed: 1, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/utf16be-bom.xml', Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(J(PASS1), 'utf16le')]).swap16()), { format: 'junit', covers: 'UTF-16 BE with BOM', outcome: 'parse', counts: one, check: 'passed' });
add('junit/utf16le-no-bom.xml', Buffer.from(J(PASS1), 'utf16le'), { format: 'junit', covers: 'UTF-16 LE without BOM', outcome: 'parse', counts: one, check: 'passed' });
add('junit/crlf.xml', J(PASS1 + FAIL1).replace(/\n/g, '\r\n').replace('E assert', 'line 1\r\nE assert'), { format: 'junit', covers: 'CRLF line ends', outcome: 'parse', counts: { total: 2, passed: 1, failed: 1, errors: 0, skipped: 0 }, check: 'failed' });

// ---- wrong root, no test cases ----
add('junit/wrong-root-cobertura.xml', real('demo/coverage.xml'), { format: 'junit', ...err('not a JUnit report', 'wrong root (a Cobertura file)') });
add('junit/wrong-root-html.xml', '<!DOCTYPE html><html><body><h1>3 passed</h1></body></html>', { format: 'junit', ...err('not a JUnit report', 'wrong root (HTML)') });
add('junit/no-testcases.xml', J('', 'name="pytest" tests="25" failures="0" errors="0"'), { format: 'junit', covers: 'no test cases (summary claims 25)', outcome: 'parse', counts: { total: 0, passed: 0, failed: 0, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/empty-root.xml', '<testsuites/>', { format: 'junit', covers: 'no test cases (empty root)', outcome: 'parse', counts: { total: 0, passed: 0, failed: 0, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/only-skipped.xml', J('<testcase name="a"><skipped message="no"/></testcase><testcase name="b"><skipped/></testcase>'), { format: 'junit', covers: 'no test ran (all skipped)', outcome: 'parse', counts: { total: 2, passed: 0, failed: 0, errors: 0, skipped: 2 }, check: 'failed' });

// ---- counts that lie ----
add('junit/nan-counts.xml', J(`${PASS1.replace('time="0.01"', 'time="NaN"')}${FAIL1.replace('line="9"', 'line="NaN"')}`, 'name="pytest" tests="NaN" failures="NaN" errors="NaN" skipped="NaN" time="NaN"'), { format: 'junit', covers: 'NaN counts', outcome: 'parse', counts: { total: 2, passed: 1, failed: 1, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/negative-counts.xml', J(PASS1.replace('time="0.01"', 'time="-5"').replace('line="3"', 'line="-3"'), 'name="pytest" tests="-1" failures="-1" errors="-7" skipped="-2"'), { format: 'junit', covers: 'negative counts', outcome: 'parse', counts: one, check: 'passed' });
add('junit/overflow-counts.xml', J(`${FAIL1.replace('time="0.01"', 'time="1e400"').replace('line="9"', 'line="99999999999999999999"')}`, 'name="pytest" tests="99999999999999999999999" failures="0" errors="1e309" skipped="Infinity"'), { format: 'junit', covers: 'overflowing counts', outcome: 'parse', counts: { total: 1, passed: 0, failed: 1, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/summary-says-pass.xml', J(`${PASS1}${FAIL1}<testcase name="test_err"><error message="boom">Traceback</error></testcase>`, 'name="pytest" tests="3" failures="0" errors="0" skipped="0"'), { format: 'junit', covers: 'summary attributes contradict the elements (claims all pass)', outcome: 'parse', counts: { total: 3, passed: 1, failed: 1, errors: 1, skipped: 0 }, check: 'failed' });
add('junit/summary-says-fail.xml', J(PASS1, 'name="pytest" tests="9" failures="9" errors="0" skipped="0"'), { format: 'junit', covers: 'summary attributes contradict the elements (claims failures)', outcome: 'parse', counts: one, check: 'passed' });
add('junit/outcome-priority.xml', J('<testcase name="t"><skipped/><failure message="f"/><error message="e"/></testcase>'), { format: 'junit', covers: 'a case with skipped, failure and error at once', outcome: 'parse', counts: { total: 1, passed: 0, failed: 0, errors: 1, skipped: 0 }, check: 'failed' });

// ---- entities, emoji, astral names, hostile Markdown ----
add('junit/entities-in-messages.xml', J('<testcase name="a &lt;b&gt; &amp;amp; &quot;q&quot; &apos;s&apos;"><failure message="line1&#10;line2&#x9;tab &#x1F600; &#128512; &#xD800; &#0; &nbsp;">&lt;![CDATA[x]]&gt; &amp;lt;</failure></testcase>'), { format: 'junit', covers: 'entities in messages', outcome: 'parse', counts: { total: 1, passed: 0, failed: 1, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/cdata-declarations.xml', J('<testcase name="t"><failure message="m"><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]> ]]> <!-- <!ENTITY c "d"> --></failure></testcase>'), { format: 'junit', covers: 'declaration-like text in CDATA and comments (no false positive)', outcome: 'parse', counts: { total: 1, passed: 0, failed: 1, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/emoji-astral-names.xml', J(['😀 test_smile', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎𠜱', '👩‍👩‍👧‍👦 family', 'rtl \u202Egnp.exe', 'zero\u200bwidth', 'test_ä_ø_ß[пример-例子]'].map((n) => `<testcase classname="tests.ü" name="${n}" file="tests/😀.py" line="1"/>`).join('')), { format: 'junit', covers: 'emoji and astral-plane names', outcome: 'parse', counts: { total: 6, passed: 6, failed: 0, errors: 0, skipped: 0 }, check: 'passed' });
const hostileNames = ['@org/team please look', 'fixes #1 and GH-2 and org/repo#3', '</details><img src=x onerror=alert(1)>', 'a | b | c', '``` ``` ````', '<!-- nebula-gate:id=deadbeef -->', '[click](javascript:alert(1))', '::set-output name=verdict::pass', '##[error]x', '<script>alert(1)</script>', '**bold** _em_ ~~s~~ ![i](http://x/y.png)', '&lt;b&gt; &amp;'];
add('junit/hostile-markdown-names.xml', J(hostileNames.map((n) => `<testcase classname="tests.t" name="${n.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}" file="tests/t.py" line="1"><failure message="${n.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}">${n.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</failure></testcase>`).join('')), { format: 'junit', covers: 'hostile Markdown names', outcome: 'parse', counts: { total: hostileNames.length, passed: 0, failed: hostileNames.length, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/prototype-names.xml', J('<testcase name="constructor" classname="__proto__" __proto__="x" constructor="y"/><testcase name="hasOwnProperty" toString="z"/>'), { format: 'junit', covers: 'prototype-polluting attribute names', outcome: 'parse', counts: { total: 2, passed: 2, failed: 0, errors: 0, skipped: 0 }, check: 'passed' });
add('junit/node-runner-generic.xml', '<testsuites><testcase name="top-level" time="0.1"/><testsuite name="a"><testsuite name="b"><testcase name="nested"><failure/></testcase></testsuite></testsuite></testsuites>', { format: 'junit', covers: 'generic JUnit (cases at the root, nested suites)', outcome: 'parse', counts: { total: 2, passed: 1, failed: 1, errors: 0, skipped: 0 }, check: 'failed' });
add('junit/real-pytest-fail.xml', fullFail, { format: 'junit', covers: 'a real pytest report (control)', outcome: 'parse', counts: { total: 10, passed: 8, failed: 1, errors: 0, skipped: 1 }, check: 'failed' });
add('junit/real-pytest-pass.xml', real('demo/junit.xml'), { format: 'junit', covers: 'a real passing pytest report (control)', outcome: 'parse', counts: { total: 9, passed: 8, failed: 0, errors: 0, skipped: 1 }, check: 'passed' });

// ---- entity bombs and blow-ups ----
const bomb = (covers: string, errorMatch: string): Omit<CorpusEntry, 'file'> => ({ format: 'junit', ...err(errorMatch, covers), bomb: true });
add('junit/billion-laughs.xml', billionLaughs(10), bomb('billion laughs', 'internal subset'));
add('junit/quadratic-blowup.xml', quadraticBlowup(20_000, 2_000), bomb('quadratic blowup', 'internal subset'));
add('junit/xxe-external.xml', '<?xml version="1.0"?><!DOCTYPE testsuites [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuites><testsuite><testcase name="&xxe;"/></testsuite></testsuites>', bomb('external entity (XXE)', 'internal subset'));
add('junit/parameter-entity.xml', '<!DOCTYPE testsuites [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]><testsuites/>', bomb('parameter entity', 'internal subset'));
add('junit/entity-outside-doctype.xml', '<testsuites><!ENTITY a "b"><testsuite/></testsuites>', bomb('a stray <!ENTITY', 'entity declarations'));
add('junit/doctype-subset-quoted-gt.xml', '<!DOCTYPE testsuites PUBLIC "-//x>y//" "z" [<!ENTITY a "b">]><testsuites/>', bomb('a subset hidden behind a quoted ">"', 'internal subset'));
add('junit/deep-10000.xml', deepNesting(10_000, 'a'), bomb('10,000-deep nesting', 'nested deeper'));
add('junit/deep-99-suites.xml', `<testsuites>${'<testsuite name="s">'.repeat(98)}<testcase name="deep"/>${'</testsuite>'.repeat(98)}</testsuites>`, { format: 'junit', covers: 'nesting just under the limit (control)', outcome: 'parse', counts: one, check: 'passed' });
gen('generated/billion-laughs-deep.xml', { format: 'junit', ...err('internal subset', 'billion laughs, 30 levels'), bomb: true, generate: 'billion-laughs-deep' });
gen('generated/quadratic-3mb.xml', { format: 'junit', ...err('internal subset', 'quadratic blowup, 3 MB'), bomb: true, generate: 'quadratic-3mb' });
gen('generated/deep-1m.xml', { format: 'junit', ...err('nested deeper', '1,000,000-deep nesting'), bomb: true, generate: 'deep-1m' });
gen('generated/text-run-9m.xml', { format: 'junit', ...err('text node', 'a 9 Mi-character text node'), bomb: true, generate: 'text-run-9m' });
gen('generated/elements-3m.xml', { format: 'junit', ...err('more than .* elements', '3 million empty elements'), bomb: true, generate: 'elements-3m' });
gen('generated/attributes-100k.xml', { format: 'junit', ...err('attributes', '100,000 attributes on one element'), bomb: true, generate: 'attributes-100k' });
gen('generated/over-cap-64mib.xml', { format: 'junit', ...err('too large', 'over the loader’s size cap (64 MiB + 1, sparse)'), bomb: true, generate: 'over-cap-64mib' });
gen('generated/over-cap-256mib.xml', { format: 'junit', ...err('too large', 'over the engine’s size cap (256 MiB + 1, sparse)'), bomb: true, generate: 'over-cap-256mib' });
gen('generated/a-directory.xml', { format: 'junit', ...err('not a regular file', 'a directory where the report should be'), generate: 'directory' });
gen('generated/missing.xml', { format: 'junit', ...err('not found', 'a report the tool did not write'), generate: 'missing' });
gen('generated/junit-100k.xml', { format: 'junit', covers: '100,000 test cases', outcome: 'parse', counts: { total: 100_000, passed: 97_000, failed: 1000, errors: 0, skipped: 2000 }, check: 'failed', generate: 'junit-100k' });

// ---- Cobertura ----
const cov = real('demo/coverage.xml');
add('cobertura/real-demo.xml', cov, { format: 'cobertura', covers: 'a real coverage.py report (control)', outcome: 'parse', counts: { files: 3, linesTotal: 52, linesCovered: 51, branchesTotal: 20, branchesCovered: 19 } });
add('cobertura/empty.xml', '', { format: 'cobertura', ...err('empty file', 'empty') });
add('cobertura/truncated.xml', cov.slice(0, Math.floor(cov.length * 0.6)), { format: 'cobertura', ...err('truncated|malformed', 'truncated') });
add('cobertura/wrong-root-junit.xml', fullFail, { format: 'cobertura', ...err('not a Cobertura report', 'wrong root (a JUnit file)') });
add('cobertura/bom-crlf.xml', `\ufeff${cov.replace(/\n/g, '\r\n')}`, { format: 'cobertura', covers: 'UTF-8 BOM and CRLF', outcome: 'parse', counts: { files: 3, linesTotal: 52, linesCovered: 51, branchesTotal: 20, branchesCovered: 19 } });
add('cobertura/utf16le-bom.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(cov, 'utf16le')]), { format: 'cobertura', covers: 'UTF-16 LE with BOM', outcome: 'parse', counts: { files: 3, linesTotal: 52, linesCovered: 51, branchesTotal: 20, branchesCovered: 19 } });
const C = (lines: string, cls = 'filename="src/p/m.py"'): string => `<?xml version="1.0" ?><coverage line-rate="1" lines-valid="1" lines-covered="1"><sources><source>${PROJECT_ROOT}</source></sources><packages><package name="p"><classes><class name="m.py" ${cls}><methods/><lines>${lines}</lines></class></classes></package></packages></coverage>`;
add('cobertura/nan-hits.xml', C('<line number="1" hits="NaN"/>'), { format: 'cobertura', ...err('invalid hits', 'NaN hits') });
add('cobertura/negative-hits.xml', C('<line number="1" hits="-1"/>'), { format: 'cobertura', ...err('invalid hits', 'negative hits') });
add('cobertura/overflow-hits.xml', C('<line number="1" hits="99999999999999999999999"/>'), { format: 'cobertura', ...err('invalid hits', 'overflowing hits') });
add('cobertura/line-zero.xml', C('<line number="0" hits="1"/>'), { format: 'cobertura', ...err('invalid line number', 'line number 0') });
add('cobertura/branches-over.xml', C('<line number="1" hits="1" branch="true" condition-coverage="150% (3/2)"/>'), { format: 'cobertura', ...err('more branches than exist', 'more branches covered than exist') });
add('cobertura/condition-nan.xml', C('<line number="1" hits="1" branch="true" condition-coverage="NaN% (x/y)"/>'), { format: 'cobertura', ...err('invalid condition-coverage', 'NaN condition coverage') });
add('cobertura/no-filename.xml', C('<line number="1" hits="1"/>', 'filename=""'), { format: 'cobertura', ...err('no filename', 'a class without filename') });
add('cobertura/rates-lie.xml', C('<line number="1" hits="0"/><line number="2" hits="0"/>').replace('line-rate="1" lines-valid="1" lines-covered="1"', 'line-rate="1.0" lines-valid="2" lines-covered="2" branch-rate="1"'), { format: 'cobertura', covers: 'summary rates contradict the lines (claims 100%)', outcome: 'parse', counts: { files: 1, linesTotal: 2, linesCovered: 0, branchesTotal: 0, branchesCovered: 0 } });
add('cobertura/emoji-paths.xml', C('<line number="1" hits="1"/>', 'filename="src/😀/𝔘𝔫𝔦.py"'), { format: 'cobertura', covers: 'emoji and astral-plane paths', outcome: 'parse', counts: { files: 1, linesTotal: 1, linesCovered: 1, branchesTotal: 0, branchesCovered: 0 } });
add('cobertura/billion-laughs.xml', billionLaughs(10).replace(/testsuites/g, 'coverage'), { format: 'cobertura', ...err('internal subset', 'billion laughs'), bomb: true });
gen('generated/cobertura-10k-files.xml', { format: 'cobertura', covers: '10,000 coverage files', outcome: 'parse', counts: { files: 10_000, linesTotal: 200_000, linesCovered: 150_000, branchesTotal: 0, branchesCovered: 0 }, generate: 'cobertura-10k-files' });

// ---- tool JSON ----
const ruff = real('fail-lint/ruff.json');
const root = (p: string): string => `/tmp/nebula-gate-fixtures/${p}`;
void root;
add('tools/ruff-empty.json', '', { format: 'ruff', ...err('empty report', 'empty') });
add('tools/ruff-not-json.json', 'error: Failed to parse pyproject.toml\n', { format: 'ruff', ...err('not valid JSON', 'non-JSON') });
add('tools/ruff-truncated.json', ruff.slice(0, Math.floor(ruff.length / 2)), { format: 'ruff', ...err('not valid JSON', 'truncated') });
add('tools/ruff-wrong-shape.json', '{"findings": []}', { format: 'ruff', ...err('expected an array', 'wrong shape') });
add('tools/ruff-real.json', ruff.replaceAll('/tmp/nebula-gate-fixtures/fail-lint', PROJECT_ROOT), { format: 'ruff', covers: 'a real ruff report (control)', outcome: 'parse', counts: { findings: 1 } });
add('tools/ruff-bad-row.json', JSON.stringify((JSON.parse(ruff.replaceAll('/tmp/nebula-gate-fixtures/fail-lint', PROJECT_ROOT)) as { location: { row: number } }[]).map((f) => ({ ...f, location: { ...f.location, row: -3 } }))), { format: 'ruff', ...err('expected an integer', 'negative row') });
add('tools/ruff-hostile-message.json', JSON.stringify([{ code: 'E501', filename: `${PROJECT_ROOT}/src/a.py`, location: { row: 1, column: 1 }, end_location: { row: 1, column: 2 }, message: `@org/team #1 </details> ::set-output name=x::y ${'x'.repeat(10_000)}`, fix: null, url: null, noqa_row: 1 }]), { format: 'ruff', covers: 'hostile, 10 kB message', outcome: 'parse', counts: { findings: 1 } });
add('tools/ruff-utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[]', 'utf16le')]), { format: 'ruff', covers: 'UTF-16 with BOM', outcome: 'parse', counts: { findings: 0 } });
add('tools/ruff-deep-array.json', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, { format: 'ruff', ...err('expected an object|not valid JSON', '20,000-deep JSON') });
const mypy = real('fail-types/mypy.jsonl');
add('tools/mypy-real.jsonl', mypy.replaceAll('"src/', '"src/'), { format: 'mypy', covers: 'real mypy -O json (control)', outcome: 'parse', counts: { findings: 1 } });
add('tools/mypy-garbage-line.jsonl', `${mypy.trim()}\n{not json\n`, { format: 'mypy', ...err('not valid JSON|line 2', 'a garbage line') });
add('tools/mypy-nan-line.jsonl', mypy.replace(/"line": \d+/, '"line": NaN'), { format: 'mypy', ...err('JSON', 'NaN line number') });
const bandit = real('fail-bandit/bandit.json');
add('tools/bandit-real.json', bandit.replaceAll('/tmp/nebula-gate-fixtures/fail-bandit', PROJECT_ROOT), { format: 'bandit', covers: 'real bandit (control)', outcome: 'parse', counts: { findings: 1 } });
add('tools/bandit-wrong-shape.json', '{"results": {"a": 1}}', { format: 'bandit', ...err('expected an array', 'wrong shape') });
add('tools/bandit-bad-severity.json', JSON.stringify({ errors: [], results: [{ filename: 'src/a.py', line_number: 1, col_offset: 0, issue_severity: 'CATASTROPHIC', issue_confidence: 'HIGH', test_id: 'B1', issue_text: 'x' }] }), { format: 'bandit', ...err('severity|CATASTROPHIC', 'unknown severity') });
const audit = real('vulnerable/pip-audit.json');
add('tools/pip-audit-real.json', audit, { format: 'pip-audit', covers: 'real pip-audit (control)', outcome: 'parse', counts: { vulnerabilities: 1 } });
add('tools/pip-audit-truncated.json', audit.slice(0, 100), { format: 'pip-audit', ...err('not valid JSON', 'truncated') });
add('tools/pip-audit-null-deps.json', '{"dependencies": null, "fixes": []}', { format: 'pip-audit', ...err('expected an array', 'null dependencies') });
add('tools/pip-audit-proto.json', '{"dependencies": [{"name": "__proto__", "version": "1", "vulns": [{"id": "PYSEC-1", "fix_versions": [], "aliases": ["constructor"], "description": "x"}]}], "fixes": [], "__proto__": {"polluted": true}}', { format: 'pip-audit', covers: 'prototype-polluting names', outcome: 'parse', counts: { vulnerabilities: 1 } });
const pyright = real('pyright-typed/pyright.json');
add('tools/pyright-real.json', pyright.replaceAll('/tmp/nebula-gate-fixtures/pyright-typed', PROJECT_ROOT), { format: 'pyright', covers: 'real pyright (control)', outcome: 'parse', counts: { findings: 1 } });
add('tools/pyright-wrong-shape.json', '{"generalDiagnostics": "none"}', { format: 'pyright', ...err('expected an array', 'wrong shape') });

writeFileSync(join(HOSTILE_DIR, 'expected.json'), `${JSON.stringify(entries, null, 1)}\n`);
console.log(`${entries.length} entries (${entries.filter((e) => !e.generate).length} committed files)`);
