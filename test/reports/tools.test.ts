/**
 * The tool-report parsers (src/reports/tools/*) against the REAL reports that scripts/regen-fixtures.sh
 * wrote under test/fixtures/reports/ (figures recorded in test/fixtures/projects/EXPECTED.md), then against
 * malformed and hostile input.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ReportError, type Finding } from '../../src/reports/model.js';
import { parseBanditJson, parseBanditReport } from '../../src/reports/tools/bandit.js';
import { MAX_MESSAGE_CHARS } from '../../src/reports/tools/common.js';
import { parseMypyJsonLines } from '../../src/reports/tools/mypy.js';
import { parsePipAuditJson } from '../../src/reports/tools/pip-audit.js';
import { parsePyrightJson } from '../../src/reports/tools/pyright.js';
import { parseRuffCheckJson, parseRuffFormatOutput } from '../../src/reports/tools/ruff.js';
import { expectReportError, projectRootOf, readReport, REPORTS } from './fixtures.js';

const ALL = ['demo', 'fail-format', 'fail-lint', 'fail-types', 'fail-test', 'no-tests', 'low-coverage', 'fail-bandit', 'vulnerable', 'stale-lock', 'pyright-typed', 'pinned-tools'];
const ROOT = '/work/project';

/** The (file:line:column rule) keys of findings, for compact comparisons. */
const keys = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line ?? '-'}:${f.column ?? '-'} ${f.rule} ${f.severity}`);

const medium = { severity: 'medium', confidence: 'medium' } as const;

describe('the real reports (scripts/regen-fixtures.sh)', () => {
  test('every project has the reports the parsers read', () => {
    for (const p of ALL) {
      expect(existsSync(join(REPORTS, p, 'meta.json'))).toBe(true);
      expect(projectRootOf(p)).toBe(`/tmp/nebula-gate-fixtures/${p}`);
    }
  });

  describe('ruff check --output-format=json', () => {
    test.each(ALL.filter((p) => p !== 'fail-lint'))('%s: no finding', (p) => {
      expect(parseRuffCheckJson(readReport(p, 'ruff.json'), 'ruff.json', projectRootOf(p))).toEqual([]);
    });

    test('fail-lint: F401 at src/humanunits/sizes.py:3:8, the absolute path made relative', () => {
      const findings = parseRuffCheckJson(readReport('fail-lint', 'ruff.json'), 'ruff.json', projectRootOf('fail-lint'));
      expect(findings).toEqual([
        { file: 'src/humanunits/sizes.py', line: 3, column: 8, rule: 'F401', severity: 'error', message: '`os` imported but unused' },
      ]);
    });

    test('fail-lint: with another root the absolute path outside it is kept as given', () => {
      const [f] = parseRuffCheckJson(readReport('fail-lint', 'ruff.json'), 'ruff.json', '/elsewhere');
      expect(f!.file).toBe('/tmp/nebula-gate-fixtures/fail-lint/src/humanunits/sizes.py');
    });

    test('fail-format: `ruff format --check --output-format=json` has the same shape (code "unformatted")', () => {
      const findings = parseRuffCheckJson(readReport('fail-format', 'ruff-format.json'), 'ruff-format.json', projectRootOf('fail-format'));
      expect(keys(findings)).toEqual(['src/humanunits/durations.py:5:11 unformatted error']);
      expect(findings[0]!.message).toBe('File would be reformatted');
    });
  });

  describe('ruff format --check (text)', () => {
    test.each(ALL.filter((p) => p !== 'fail-format'))('%s: "already formatted" → no finding', (p) => {
      const text = readReport(p, 'ruff-format.txt');
      expect(text).toMatch(/files already formatted/);
      expect(parseRuffFormatOutput(text, 'ruff-format.txt', projectRootOf(p))).toEqual([]);
    });

    const durations = (line: number, column: number | null): Finding => ({
      file: 'src/humanunits/durations.py',
      line,
      column,
      rule: 'unformatted',
      severity: 'error',
      message: 'File would be reformatted (run `ruff format`)',
    });

    test('fail-format --diff: one file, line = first changed line of the first hunk', () => {
      expect(parseRuffFormatOutput(readReport('fail-format', 'ruff-format.txt'), 'ruff-format.txt', projectRootOf('fail-format'))).toEqual([durations(5, null)]);
    });

    test('fail-format, default ("full") output: the --> location', () => {
      expect(parseRuffFormatOutput(readReport('fail-format', 'ruff-format-check.txt'), 'x', projectRootOf('fail-format'))).toEqual([durations(5, 11)]);
    });

    test('fail-format, concise output', () => {
      expect(parseRuffFormatOutput(readReport('fail-format', 'ruff-format-concise.txt'), 'x', projectRootOf('fail-format'))).toEqual([durations(5, 11)]);
    });
  });

  describe('mypy -O json', () => {
    const withMypy = ALL.filter((p) => existsSync(join(REPORTS, p, 'mypy.jsonl')));

    test('every project but stale-lock was type-checked', () => {
      expect(withMypy).toEqual(ALL.filter((p) => p !== 'stale-lock'));
    });

    test.each(withMypy.filter((p) => p !== 'fail-types' && p !== 'pyright-typed'))('%s: no error (mypy prints one empty line)', (p) => {
      expect(readReport(p, 'mypy.jsonl')).toBe('\n');
      expect(parseMypyJsonLines(readReport(p, 'mypy.jsonl'), 'mypy.jsonl', projectRootOf(p))).toEqual([]);
    });

    test.each(['fail-types', 'pyright-typed'])('%s: return-value at src/humanunits/durations.py:34:12 (0-based column 11)', (p) => {
      expect(parseMypyJsonLines(readReport(p, 'mypy.jsonl'), 'mypy.jsonl', projectRootOf(p))).toEqual([
        {
          file: 'src/humanunits/durations.py',
          line: 34,
          column: 12,
          rule: 'return-value',
          severity: 'error',
          message: 'Incompatible return value type (got "int | None", expected "int")',
        },
      ]);
    });
  });

  describe('pyright --outputjson', () => {
    test('demo: no diagnostic', () => {
      expect(parsePyrightJson(readReport('demo', 'pyright.json'), 'pyright.json', projectRootOf('demo'))).toEqual([]);
    });

    test('pyright-typed: reportReturnType at src/humanunits/durations.py:34:12 (0-based 33:11)', () => {
      const findings = parsePyrightJson(readReport('pyright-typed', 'pyright.json'), 'pyright.json', projectRootOf('pyright-typed'));
      expect(keys(findings)).toEqual(['src/humanunits/durations.py:34:12 reportReturnType error']);
      const lines = findings[0]!.message.split('\n');
      expect(lines[0]).toBe('Type "int | None" is not assignable to return type "int"');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/^\u00a0\u00a0Type "int \| None" is not assignable to type "int"$/);
    });
  });

  describe('bandit -f json', () => {
    test.each(ALL.filter((p) => p !== 'fail-bandit'))('%s: no issue', (p) => {
      const report = parseBanditReport(readReport(p, 'bandit.json'), 'bandit.json', projectRootOf(p), { severity: 'low', confidence: 'low' });
      expect(report).toEqual({ findings: [], rawCount: 0, errors: [] });
    });

    test('fail-bandit at medium/medium: only B324 at src/humanunits/checksums.py:8:12 (HIGH → error)', () => {
      const findings = parseBanditJson(readReport('fail-bandit', 'bandit.json'), 'bandit.json', projectRootOf('fail-bandit'), medium);
      expect(findings).toEqual([
        {
          file: 'src/humanunits/checksums.py',
          line: 8,
          column: 12,
          rule: 'B324',
          severity: 'error',
          message: 'Use of weak MD5 hash for security. Consider usedforsecurity=False (hashlib, severity HIGH, confidence HIGH)',
        },
      ]);
    });

    test('fail-bandit at low/low: B324 and B101 (LOW → notice); raw count 2 whatever the thresholds', () => {
      const low = parseBanditReport(readReport('fail-bandit', 'bandit.json'), 'b', projectRootOf('fail-bandit'), { severity: 'low', confidence: 'low' });
      expect(keys(low.findings)).toEqual(['src/humanunits/checksums.py:8:12 B324 error', 'src/humanunits/checksums.py:14:5 B101 notice']);
      expect(low.rawCount).toBe(2);
      const high = parseBanditReport(readReport('fail-bandit', 'bandit.json'), 'b', projectRootOf('fail-bandit'), { severity: 'high', confidence: 'high' });
      expect(keys(high.findings)).toEqual(['src/humanunits/checksums.py:8:12 B324 error']);
      expect(high.rawCount).toBe(2);
      // Severity LOW is under a medium severity threshold even with a low confidence threshold.
      expect(parseBanditJson(readReport('fail-bandit', 'bandit.json'), 'b', projectRootOf('fail-bandit'), { severity: 'medium', confidence: 'low' })).toHaveLength(1);
    });
  });

  describe('pip-audit -f json', () => {
    const cve = {
      package: 'urllib3',
      version: '1.26.4',
      id: 'CVE-2021-33503',
      aliases: ['GHSA-q2q7-5pp4-w6pg'],
      fixVersions: ['1.26.5'],
      description: 'Catastrophic backtracking in URL authority parser when passed URL containing many @ characters',
    };

    test('vulnerable: urllib3 1.26.4, CVE-2021-33503 (alias GHSA-q2q7-5pp4-w6pg), fixed in 1.26.5', () => {
      expect(parsePipAuditJson(readReport('vulnerable', 'pip-audit.json'), 'pip-audit.json', [])).toEqual({ vulnerabilities: [cve], skipped: [], ignoredCount: 0 });
    });

    test.each([['CVE-2021-33503'], ['GHSA-q2q7-5pp4-w6pg'], [' ghsa-Q2Q7-5PP4-W6PG '], ['cve-2021-33503']])('vulnerable: ignoring %s (id or alias, any case) drops it', (id) => {
      const r = parsePipAuditJson(readReport('vulnerable', 'pip-audit.json'), 'pip-audit.json', [id]);
      expect(r.vulnerabilities).toEqual([]);
      expect(r.ignoredCount).toBe(1);
    });

    test('vulnerable: an unrelated ignore keeps it', () => {
      expect(parsePipAuditJson(readReport('vulnerable', 'pip-audit.json'), 'p', ['GHSA-xxxx-xxxx-xxxx', '']).vulnerabilities).toEqual([cve]);
    });

    test('pinned-tools: six audited dev dependencies, none vulnerable', () => {
      const text = readReport('pinned-tools', 'pip-audit.json');
      expect((JSON.parse(text) as { dependencies: unknown[] }).dependencies).toHaveLength(6);
      expect(parsePipAuditJson(text, 'p', [])).toEqual({ vulnerabilities: [], skipped: [], ignoredCount: 0 });
    });

    test.each(ALL.filter((p) => !['vulnerable', 'pinned-tools', 'stale-lock'].includes(p)))('%s: no dependency at all', (p) => {
      expect(parsePipAuditJson(readReport(p, 'pip-audit.json'), 'p', [])).toEqual({ vulnerabilities: [], skipped: [], ignoredCount: 0 });
      // …because --disable-pip refuses an empty requirements file (see EXPECTED.md): that run wrote no JSON.
      expect(readReport(p, 'pip-audit-no-requirements.txt')).toMatch(/--disable-pip flag can only be used with a hashed requirements/);
    });

    test('stale-lock: uv export --locked failed, so there is no report', () => {
      expect(existsSync(join(REPORTS, 'stale-lock', 'pip-audit.json'))).toBe(false);
      expect(readReport('stale-lock', 'uv-sync.txt')).toMatch(/lockfile at `uv\.lock` needs to be updated, but `--locked` was provided/);
    });
  });
});

describe('ruff check JSON: malformed and hostile input', () => {
  const item = (over: Record<string, unknown> = {}) => JSON.stringify([{ code: 'E501', name: 'line-too-long', message: 'Line too long', filename: `${ROOT}/a.py`, location: { row: 2, column: 5 }, severity: 'error', cell: null, ...over }]);

  test.each([
    ['empty', '', /empty/],
    ['whitespace', ' \n\t', /empty/],
    ['not JSON', 'warning: something\n[', /not valid JSON/],
    ['an object, not an array', '{"a":1}', /expected an array/],
    ['null', 'null', /expected an array/],
    ['an element that is not an object', '[1]', /\[0\]: expected an object/],
    ['no filename', JSON.stringify([{ code: 'E1', message: 'm', location: { row: 1, column: 1 } }]), /filename/],
    ['an empty filename', item({ filename: '' }), /empty file path/],
    ['a newline in the filename', item({ filename: 'a\n::error::pwned.py' }), /control character/],
    ['a NUL in the filename', item({ filename: 'a\u0000.py' }), /control character/],
    ['a string row', item({ location: { row: '3', column: 1 } }), /row: expected an integer/],
    ['row 0', item({ location: { row: 0, column: 1 } }), /row: expected an integer ≥ 1/],
    ['a negative row', item({ location: { row: -4, column: 1 } }), /row/],
    ['a fractional row', item({ location: { row: 1.5, column: 1 } }), /row/],
    ['an infinite row (1e400)', `[{"code":"E1","message":"m","filename":"a.py","location":{"row":1e400,"column":1}}]`, /row/],
    ['a message that is not a string', item({ message: { toString: 'x' } }), /message: expected a string/],
    ['a code that is a number', item({ code: 501 }), /code: expected a string/],
    ['a location that is an array', item({ location: [1, 2] }), /location: expected an object/],
  ])('%s → ReportError', (_name, content, reason) => {
    expectReportError(() => parseRuffCheckJson(content, 'ruff.json', ROOT), 'ruff.json', reason);
  });

  test('a BOM, Windows paths, ./ and ../ paths, a missing location, older ruff without code/severity', () => {
    const content = `\uFEFF${JSON.stringify([
      { code: 'E1', message: 'a', filename: 'C:\\work\\project\\src\\a.py', location: { row: 1, column: 1 } },
      { code: 'E2', message: 'b', filename: './src/b.py', location: null },
      { code: 'E3', message: 'c', filename: '../outside/c.py', location: { row: 9, column: null } },
      { code: null, name: 'invalid-syntax', message: 'd', filename: '/work/project/d.py', location: { row: 2, column: 3 }, severity: 'error' },
      { code: null, message: 'e', filename: '/work/project/e.py', location: { row: 2, column: 3 } },
      { code: 'W1', message: 'f', filename: '/work/project/f.py', location: { row: 2, column: 3 }, severity: 'warning' },
    ])}`;
    expect(keys(parseRuffCheckJson(content, 'r', 'C:\\work\\project'))[0]).toBe('src/a.py:1:1 E1 error');
    expect(keys(parseRuffCheckJson(content, 'r', ROOT))).toEqual([
      'c:/work/project/src/a.py:1:1 E1 error',
      'src/b.py:-:- E2 error',
      '../outside/c.py:9:- E3 error',
      'd.py:2:3 invalid-syntax error',
      'e.py:2:3 syntax-error error',
      'f.py:2:3 W1 warning',
    ]);
  });

  test('a notebook cell: no file line, the cell named in the message', () => {
    const [f] = parseRuffCheckJson(item({ filename: `${ROOT}/nb.ipynb`, cell: 3 }), 'r', ROOT);
    expect(f).toMatchObject({ file: 'nb.ipynb', line: null, column: null, message: '[cell 3, line 2] Line too long' });
  });

  test('huge messages are capped; hostile text is kept verbatim (escaping is the renderer’s job)', () => {
    const huge = 'x'.repeat(1_000_000);
    const [f] = parseRuffCheckJson(item({ message: huge }), 'r', ROOT);
    expect(f!.message).toHaveLength(MAX_MESSAGE_CHARS);
    expect(f!.message.endsWith('…')).toBe(true);
    const hostile = '<img src=x onerror=alert(1)> | `x` @everyone ::error::x %0A';
    expect(parseRuffCheckJson(item({ message: hostile }), 'r', ROOT)[0]!.message).toBe(hostile);
  });

  test('__proto__ and constructor keys do not pollute anything', () => {
    const content = '[{"__proto__":{"polluted":true},"constructor":1,"code":"E1","message":"m","filename":"a.py","location":{"row":1,"column":1}}]';
    expect(keys(parseRuffCheckJson(content, 'r', ROOT))).toEqual(['a.py:1:1 E1 error']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('ruff format --check text', () => {
  test('older ruff: "Would reformat:" lines, a Windows path, duplicates merged', () => {
    const text = 'Would reformat: src/a.py\nWould reformat: src\\b.py\nWould reformat: src/a.py\n2 files would be reformatted, 3 files already formatted\n';
    expect(keys(parseRuffFormatOutput(text, 'out', ROOT))).toEqual(['src/a.py:-:- unformatted error', 'src/b.py:-:- unformatted error']);
  });

  test('diff content lines that look like headers or diagnostics are not read as such', () => {
    const text = [
      '--- src/a.py',
      '+++ src/a.py',
      '@@ -1,4 +1,3 @@',
      ' x = 1',
      '--- src/evil.py',
      '+++ src/evil.py',
      '-Would reformat: src/evil2.py',
      '',
      '--- src/c.py',
      '+++ src/c.py',
      '@@ -10 +10 @@',
      "-y = 'a'",
      '+y = "a"',
      '',
      '2 files would be reformatted',
    ].join('\n');
    expect(keys(parseRuffFormatOutput(text, 'out', ROOT))).toEqual(['src/a.py:2:- unformatted error', 'src/c.py:10:- unformatted error']);
  });

  test('invalid-syntax diagnostics (exit 2) and summaries are not findings', () => {
    const text = 'invalid-syntax: unexpected EOF while parsing\n --> bad.py:1:7\n  |\n1 | x = (\n  |      ^\n\nerror: Failed to parse bad.py:2:1: unexpected EOF while parsing\n';
    expect(parseRuffFormatOutput(text, 'out', ROOT)).toEqual([]);
    expect(parseRuffFormatOutput('', 'out', ROOT)).toEqual([]);
    expect(parseRuffFormatOutput('6 files already formatted\n', 'out', ROOT)).toEqual([]);
  });

  test('absolute paths inside the root are made relative; CRLF output', () => {
    const text = `unformatted: File would be reformatted\r\n --> ${ROOT}/src/x.py:3:1\r\n`;
    expect(keys(parseRuffFormatOutput(text, 'out', ROOT))).toEqual(['src/x.py:3:1 unformatted error']);
  });

  test.each([
    ['a line 0', 'src/a.py:0:1: unformatted: File would be reformatted', /bad line number/],
    ['a NUL in a path', 'Would reformat: src/a\u0000.py', /control character/],
    ['a huge line number', 'src/a.py:99999999999999999999:1: unformatted: x', /bad line number/],
  ])('%s → ReportError', (_name, text, reason) => {
    expectReportError(() => parseRuffFormatOutput(text, 'out', ROOT), 'out', reason);
  });
});

describe('mypy -O json lines: malformed and hostile input', () => {
  const line = (over: Record<string, unknown> = {}) =>
    JSON.stringify({ file: 'src/a.py', line: 3, column: 4, end_line: 3, end_column: 9, message: 'Bad', hint: null, code: 'arg-type', severity: 'error', ...over });

  test('empty output and blank lines are no findings', () => {
    expect(parseMypyJsonLines('', 'm', ROOT)).toEqual([]);
    expect(parseMypyJsonLines('\n\r\n  \n', 'm', ROOT)).toEqual([]);
  });

  test('notes, hints, a missing code, mypy’s -1 positions, CRLF', () => {
    const content = [
      line(),
      line({ severity: 'note', code: null, message: 'See https://mypy.rtfd.io', hint: null }),
      line({ hint: 'Consider using "Sequence"\nanother note' }),
      line({ line: -1, column: -1, file: 'pyproject.toml' }),
    ].join('\r\n');
    const findings = parseMypyJsonLines(content, 'm', ROOT);
    expect(keys(findings)).toEqual(['src/a.py:3:5 arg-type error', 'src/a.py:3:5 mypy notice', 'src/a.py:3:5 arg-type error', 'pyproject.toml:-:- arg-type error']);
    expect(findings[2]!.message).toBe('Bad\nConsider using "Sequence"\nanother note');
  });

  test.each([
    ['a text line (the non-JSON summary of an older mypy)', `${line()}\nFound 1 error in 1 file (checked 3 source files)`, /line 2: not a JSON object/],
    ['a JSON array line', '[1,2]', /line 1: expected an object/],
    ['a truncated line', line().slice(0, 30), /line 1: not a JSON object/],
    ['an unknown severity', line({ severity: 'fatal' }), /unknown severity/],
    ['a missing severity', line({ severity: undefined }), /severity: expected a string/],
    ['line -2', line({ line: -2 }), /line 1\.line: expected an integer/],
    ['a string line', line({ line: '3' }), /line 1\.line/],
    ['column 1.5', line({ column: 1.5 }), /column/],
    ['no file', line({ file: undefined }), /file: expected a string/],
    ['a file with a newline', line({ file: 'a.py\n::warning::x' }), /control character/],
    ['a numeric message', line({ message: 42 }), /message: expected a string/],
    ['a non-string hint', line({ hint: ['x'] }), /hint: expected a string/],
  ])('%s → ReportError', (_name, content, reason) => {
    expectReportError(() => parseMypyJsonLines(content, 'mypy-out', ROOT), 'mypy-out', reason);
  });
});

describe('pyright JSON: malformed and hostile input', () => {
  const report = (diags: unknown) => JSON.stringify({ version: '1.1.414', generalDiagnostics: diags, summary: { errorCount: 99 } });
  const diag = (over: Record<string, unknown> = {}) => ({ file: `${ROOT}/a.py`, severity: 'warning', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, rule: 'reportX', ...over });

  test('severities, a missing range and rule; the summary is not trusted', () => {
    const findings = parsePyrightJson(report([diag(), diag({ severity: 'information', range: undefined, rule: undefined }), diag({ severity: 'error', rule: '' })]), 'p', ROOT);
    expect(keys(findings)).toEqual(['a.py:1:1 reportX warning', 'a.py:-:- pyright notice', 'a.py:1:1 pyright error']);
  });

  test.each([
    ['empty', '', /empty/],
    ['not JSON (pyright crashed and printed text)', 'Error: something went wrong', /not valid JSON/],
    ['an array', '[]', /expected an object/],
    ['no generalDiagnostics', '{"summary":{}}', /generalDiagnostics: expected an array/],
    ['an unknown severity', report([diag({ severity: 'fatal' })]), /unknown severity/],
    ['a negative line', report([diag({ range: { start: { line: -1, character: 0 } } })]), /range\.start\.line: expected an integer ≥ 0/],
    ['a range without start', report([diag({ range: {} })]), /range\.start: expected an object/],
    ['no file', report([diag({ file: undefined })]), /file: expected a string/],
    ['a file with a carriage return', report([diag({ file: 'a.py\rb' })]), /control character/],
  ])('%s → ReportError', (_name, content, reason) => {
    expectReportError(() => parsePyrightJson(content, 'pyright.json', ROOT), 'pyright.json', reason);
  });
});

describe('bandit JSON: malformed and hostile input', () => {
  const result = (over: Record<string, unknown> = {}) => ({
    filename: 'src/a.py',
    line_number: 5,
    col_offset: 0,
    test_id: 'B307',
    test_name: 'blacklist',
    issue_text: 'Use of possibly insecure function',
    issue_severity: 'MEDIUM',
    issue_confidence: 'HIGH',
    ...over,
  });
  const report = (results: unknown, errors: unknown = []) => JSON.stringify({ errors, results, metrics: { _totals: { 'SEVERITY.HIGH': 99 } } });

  test('files bandit could not scan are kept as "bandit-error" findings whatever the thresholds', () => {
    const r = parseBanditReport(report([], [{ filename: 'src/bad.py', reason: 'syntax error while parsing AST from file' }]), 'b', ROOT, { severity: 'high', confidence: 'high' });
    expect(r.rawCount).toBe(0);
    expect(r.errors).toEqual([{ file: 'src/bad.py', reason: 'syntax error while parsing AST from file' }]);
    expect(keys(r.findings)).toEqual(['src/bad.py:-:- bandit-error error']);
  });

  test('UNDEFINED levels are never kept but are counted; levels are case-insensitive', () => {
    const r = parseBanditReport(report([result({ issue_severity: 'UNDEFINED' }), result({ issue_severity: 'high', issue_confidence: 'medium' })]), 'b', ROOT, { severity: 'low', confidence: 'low' });
    expect(r.rawCount).toBe(2);
    expect(keys(r.findings)).toEqual(['src/a.py:5:1 B307 error']);
  });

  test('a bad threshold is a programming error, not a report error', () => {
    expect(() => parseBanditJson(report([]), 'b', ROOT, { severity: 'critical' as 'high', confidence: 'low' })).toThrow(RangeError);
  });

  test.each([
    ['empty', '', /empty/],
    ['not JSON', 'Run started:2026-11-22\n', /not valid JSON/],
    ['no results', '{"errors":[]}', /results: expected an array/],
    ['results not an array', '{"results":{}}', /results: expected an array/],
    ['an unknown severity', report([result({ issue_severity: 'CRITICAL' })]), /unknown level/],
    ['a prototype-named severity', report([result({ issue_severity: 'constructor' })]), /unknown level/],
    ['a missing confidence', report([result({ issue_confidence: undefined })]), /issue_confidence: expected a string/],
    ['line 0', report([result({ line_number: 0 })]), /line_number: expected an integer ≥ 1/],
    ['a NaN-ish line (string)', report([result({ line_number: 'NaN' })]), /line_number/],
    ['a negative column', report([result({ col_offset: -1 })]), /col_offset/],
    ['an empty test id', report([result({ test_id: ' ' })]), /test_id: empty/],
    ['a filename with a newline', report([result({ filename: 'a\nb.py' })]), /control character/],
    ['errors not an array', report([], 'oops'), /errors: expected an array/],
    // A malformed issue below the thresholds still refuses the report.
    ['a malformed LOW issue', report([result({ issue_severity: 'LOW', line_number: -3 })]), /line_number/],
  ])('%s → ReportError', (_name, content, reason) => {
    expectReportError(() => parseBanditJson(content, 'bandit.json', ROOT, medium), 'bandit.json', reason);
  });
});

describe('pip-audit JSON: malformed and hostile input', () => {
  const dep = (over: Record<string, unknown> = {}) => ({ name: 'pkg', version: '1.0', vulns: [{ id: 'PYSEC-1', fix_versions: ['1.1'], aliases: ['CVE-1', 'GHSA-1', 'CVE-1'], description: 'd' }], ...over });
  const report = (deps: unknown) => JSON.stringify({ dependencies: deps, fixes: [] });

  test('skipped dependencies, missing aliases/description (--aliases off, --desc off), aliases sorted and de-duplicated', () => {
    const r = parsePipAuditJson(
      report([
        { name: 'local-pkg', skip_reason: 'Dependency not found on PyPI and could not be audited: local-pkg (0.1)' },
        dep(),
        dep({ name: 'other', vulns: [{ id: 'GHSA-2', fix_versions: [] }] }),
        dep({ name: 'clean', vulns: [] }),
      ]),
      'p',
      [],
    );
    expect(r.skipped).toEqual([{ name: 'local-pkg', reason: 'Dependency not found on PyPI and could not be audited: local-pkg (0.1)' }]);
    expect(r.vulnerabilities).toEqual([
      { package: 'pkg', version: '1.0', id: 'PYSEC-1', aliases: ['CVE-1', 'GHSA-1'], fixVersions: ['1.1'], description: 'd' },
      { package: 'other', version: '1.0', id: 'GHSA-2', aliases: [], fixVersions: [], description: '' },
    ]);
  });

  test('a long description is capped', () => {
    const r = parsePipAuditJson(report([dep({ vulns: [{ id: 'X-1', fix_versions: [], description: 'y'.repeat(50_000) }] })]), 'p', []);
    expect(r.vulnerabilities[0]!.description).toHaveLength(MAX_MESSAGE_CHARS);
  });

  test.each([
    ['empty (pip-audit failed before writing)', '', /empty/],
    ['not JSON', 'ERROR:pip_audit._cli:the --disable-pip flag can only be used with a hashed requirements files', /not valid JSON/],
    ['an array', '[]', /expected an object/],
    ['no dependencies', '{"fixes":[]}', /dependencies: expected an array/],
    ['a dependency without name', report([{ version: '1', vulns: [] }]), /name: expected a string/],
    ['an empty name', report([dep({ name: '' })]), /name: empty/],
    ['a name with a newline', report([dep({ name: 'a\nb' })]), /control character/],
    ['a very long version', report([dep({ version: '1'.repeat(500) })]), /longer than 200/],
    ['vulns missing', report([{ name: 'a', version: '1' }]), /vulns: expected an array/],
    ['a vuln that is a string', report([dep({ vulns: ['CVE-1'] })]), /vulns\[0\]: expected an object/],
    ['a vuln without id', report([dep({ vulns: [{ fix_versions: [] }] })]), /id: expected a string/],
    ['fix_versions not strings', report([dep({ vulns: [{ id: 'A', fix_versions: [1.1] }] })]), /fix_versions\[0\]: expected a string/],
    ['aliases not an array', report([dep({ vulns: [{ id: 'A', fix_versions: [], aliases: 'CVE-1' }] })]), /aliases: expected an array/],
    ['a skip_reason that is not a string', report([{ name: 'a', skip_reason: 1 }]), /skip_reason: expected a string/],
  ])('%s → ReportError', (_name, content, reason) => {
    expectReportError(() => parsePipAuditJson(content, 'pip-audit.json', []), 'pip-audit.json', reason);
  });
});

describe('every parser: any input either parses or throws a ReportError naming the file', () => {
  const parsers: [string, (s: string) => unknown][] = [
    ['ruff check', (s) => parseRuffCheckJson(s, 'f', ROOT)],
    ['ruff format', (s) => parseRuffFormatOutput(s, 'f', ROOT)],
    ['mypy', (s) => parseMypyJsonLines(s, 'f', ROOT)],
    ['pyright', (s) => parsePyrightJson(s, 'f', ROOT)],
    ['bandit', (s) => parseBanditJson(s, 'f', ROOT, medium)],
    ['pip-audit', (s) => parsePipAuditJson(s, 'f', ['X'])],
  ];
  // Arbitrary JSON values (as text) and arbitrary strings, including lines shaped like the real outputs.
  const inputs = fc.oneof(
    fc.string(),
    fc.json(),
    fc.jsonValue().map((v) => JSON.stringify([v])),
    fc.jsonValue().map((v) => JSON.stringify({ generalDiagnostics: [v], results: [v], dependencies: [v] })),
    fc.array(fc.jsonValue().map((v) => JSON.stringify(v))).map((ls) => ls.join('\n')),
    fc.tuple(fc.string(), fc.integer(), fc.integer()).map(([f, l, c]) => `${f}:${l}:${c}: unformatted: x\nWould reformat: ${f}\n--- ${f}\n+++ ${f}\n@@ -${l},${c} +1 @@\n-x`),
  );

  test.each(parsers)('%s', (_name, parse) => {
    fc.assert(
      fc.property(inputs, (s) => {
        try {
          parse(s);
        } catch (e) {
          if (!(e instanceof ReportError) || e.file !== 'f') throw e;
        }
      }),
      { numRuns: runs(400) },
    );
  });
});
