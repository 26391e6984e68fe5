import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { selectAnnotations } from '../../src/render/annotations.js';
import { encodePath, repoRelativePath } from '../../src/render/paths.js';
import { findingArb } from './arbitraries.js';
import { finding } from './factory.js';

const LINES = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/;
const isCommand = (line: string): boolean => /^\s*::[a-zA-Z-]+/.test(line) || line.includes('##[');

describe('repoRelativePath', () => {
  it.each([
    ['src/a.py', 'src/a.py'],
    ['./src/a.py', 'src/a.py'],
    ['././a.py', 'a.py'],
    ['src/ü 1/(x).py', 'src/ü 1/(x).py'],
  ])('accepts %j as %j', (input, expected) => {
    expect(repoRelativePath(input)).toBe(expected);
  });

  it.each(['', '/etc/passwd', '../x.py', 'a/../../x.py', 'a/./b.py', 'a//b.py', 'a/', 'a\\..\\b.py', 'C:/x.py', 'c:x.py', '~/x.py', 'a\nb.py', 'a\u202eb.py', '.', '..', 'a/\ud800.py'])(
    'rejects %j',
    (input) => {
      expect(repoRelativePath(input)).toBeNull();
    },
  );

  it('encodes each segment for a URL, parentheses included', () => {
    expect(encodePath('src/a b/(x)#1?.py')).toBe('src/a%20b/%28x%29%231%3F.py');
  });
});

describe('selectAnnotations (R2.5, R3.4)', () => {
  it('orders changed files first, then error > warning > notice, then input order', () => {
    const findings = [
      finding({ file: 'old.py', severity: 'notice', rule: 'n1' }),
      finding({ file: 'old.py', severity: 'error', rule: 'e1' }),
      finding({ file: 'new.py', severity: 'warning', rule: 'w1' }),
      finding({ file: 'old.py', severity: 'error', rule: 'e2' }),
      finding({ file: 'new.py', severity: 'error', rule: 'e3' }),
    ];
    const { annotations, omitted } = selectAnnotations(findings, { changedFiles: new Set(['./new.py']) });
    expect(annotations.map((a) => a.title)).toEqual(['e3', 'w1', 'e1', 'e2', 'n1']);
    expect(omitted).toBe(0);
  });

  it('keeps at most perSeverity of each severity and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 15 }, (_, i) => finding({ severity: 'error', line: i + 1 })),
      ...Array.from({ length: 3 }, (_, i) => finding({ severity: 'warning', line: i + 1 })),
    ];
    const { annotations, omitted } = selectAnnotations(findings);
    expect(annotations.filter((a) => a.severity === 'error')).toHaveLength(10);
    expect(annotations.filter((a) => a.severity === 'warning')).toHaveLength(3);
    expect(omitted).toBe(5);
    expect(selectAnnotations(findings, { perSeverity: 2 }).annotations).toHaveLength(4);
  });

  it('drops invalid paths and counts them', () => {
    const findings = [finding({ file: '/etc/passwd' }), finding({ file: '../x.py' }), finding({ file: 'a\\b.py' }), finding({ file: './ok.py' })];
    const sel = selectAnnotations(findings);
    expect(sel.annotations.map((a) => a.file)).toEqual(['ok.py']);
    expect(sel.invalid).toBe(3);
    expect(sel.omitted).toBe(3);
  });

  it('neutralises and caps titles and messages; keeps valid positions only', () => {
    const [a] = selectAnnotations([
      finding({ rule: '::error::x', message: `ok\n::set-output name=a::b\n##[group]${'m'.repeat(5000)}`, line: 0, column: 4 }),
    ]).annotations;
    expect(a!.title).toBe(':\u200b:error::x');
    // Capped at 2,000 before neutralising, which only adds a zero-width space per defused command.
    expect(a!.message.replace(/\u200b/g, '').length).toBeLessThanOrEqual(2000);
    for (const line of a!.message.split(LINES)) expect(isCommand(line)).toBe(false);
    expect(a!.line).toBeNull();
    expect(a!.col).toBeNull();
  });

  it('property: caps hold, counts add up, paths are valid, changed files lead, text is command-free', () => {
    fc.assert(
      fc.property(
        fc.array(findingArb, { maxLength: 60 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.constantFrom('src/a.py', 'tests/test_x.py', 'src/a b/(x).py'), { maxLength: 3 }),
        (findings, perSeverity, changed) => {
          const changedFiles = new Set<string>(changed);
          const { annotations, omitted, invalid } = selectAnnotations(findings, { perSeverity, changedFiles });
          expect(annotations.length + omitted).toBe(findings.length);
          expect(invalid).toBeLessThanOrEqual(omitted);
          for (const sev of ['error', 'warning', 'notice'] as const) {
            expect(annotations.filter((a) => a.severity === sev).length).toBeLessThanOrEqual(perSeverity);
          }
          let seenUnchanged = false;
          const problems: string[] = [];
          for (const a of annotations) {
            if (repoRelativePath(a.file) !== a.file || a.file.split('/').includes('..')) problems.push(`path ${a.file}`);
            if (changedFiles.has(a.file) && seenUnchanged) problems.push(`changed file after others: ${a.file}`);
            if (!changedFiles.has(a.file)) seenUnchanged = true;
            if ([a.title, a.message].some((t) => t.split(LINES).some(isCommand))) problems.push(`command in ${a.title}`);
            if (/[\n\r]/.test(a.title)) problems.push('newline in title');
          }
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});
