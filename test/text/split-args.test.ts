import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { splitArgs } from '../../src/text/split-args.js';

describe('splitArgs', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['   \t\n ', []],
    ['--strict', ['--strict']],
    ['-x  --tb=short\t-q\n-k foo', ['-x', '--tb=short', '-q', '-k', 'foo']],
    ["-k 'not slow and not network'", ['-k', 'not slow and not network']],
    ['-k "not slow"', ['-k', 'not slow']],
    ['--x="a b"c', ['--x=a bc']],
    ["''", ['']],
    ['a "" b', ['a', '', 'b']],
    ['"say \\"hi\\""', ['say "hi"']],
    ['"C:\\dir\\file"', ['C:\\dir\\file']],
    ['"\\\\ \\$ \\`"', ['\\ $ `']],
    ["'no \\escapes in single'", ['no \\escapes in single']],
    ['a\\ b', ['a b']],
    ['\\"quoted\\"', ['"quoted"']],
    ['line\\\ncontinued', ['linecontinued']],
    ['a \\\n b', ['a', 'b']],
    ['"multi\\\nline"', ['multiline']],
    ['$HOME ~ *.py ?[ab] {a,b} `id` #x ; | & > <', ['$HOME', '~', '*.py', '?[ab]', '{a,b}', '`id`', '#x', ';', '|', '&', '>', '<']],
    ['"it\'s"\' "fine"\'', ['it\'s "fine"']],
    ['é ü 😀', ['é', 'ü', '😀']],
    ['\\😀', ['😀']],
  ])('splits %j', (input, expected) => {
    expect(splitArgs(input)).toEqual(expected);
  });

  it.each<[string, RegExp]>([
    ["-k 'oops", /unbalanced single quote \(the ' at character 4 is never closed\)/],
    ['-k "oops', /unbalanced double quote \(the " at character 4 is never closed\)/],
    ['"a\\"', /unbalanced double quote/],
    ['abc\\', /backslash at the end/],
    ['a\0b', /NUL/],
  ])('rejects %j', (input, message) => {
    expect(() => splitArgs(input)).toThrow(message);
  });

  const word = fc.string({ unit: 'binary', maxLength: 12 }).filter((w) => !w.includes('\0'));
  const separator = fc.stringMatching(/^[ \t\n]{1,3}$/);

  const quoteSingle = (w: string): string => `'${w.replace(/'/g, `'\\''`)}'`;
  const quoteDouble = (w: string): string => `"${w.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
  // Bare: backslash before every non-alphanumeric character; a line break cannot be escaped bare
  // (backslash-newline is a continuation), so those go in single quotes.
  const quoteBare = (w: string): string =>
    w === '' ? "''" : [...w].map((c) => (c === '\n' || c === '\r' ? `'${c}'` : /[A-Za-z0-9]/.test(c) ? c : `\\${c}`)).join('');
  const quoters = [quoteSingle, quoteDouble, quoteBare];

  it('round-trips any words joined after quoting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.nat(2), separator), { maxLength: 8 }),
        fc.stringMatching(/^[ \t\n]{0,2}$/),
        (parts, lead) => {
          const input = lead + parts.map(([w, q, sep]) => quoters[q]!(w) + sep).join('');
          expect(splitArgs(input)).toEqual(parts.map(([w]) => w));
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('splits unquoted text exactly at whitespace', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[^\s'"\\\0]+$/), { maxLength: 6 }), (words) => {
        expect(splitArgs(words.join(' '))).toEqual(words);
      }),
    );
  });

  it('either returns words or throws a plain Error with a message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        try {
          const out = splitArgs(s);
          expect(Array.isArray(out)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).message).toMatch(/^cannot split arguments /);
        }
      }),
      { numRuns: runs(500) },
    );
  });

  (process.platform === 'win32' ? it.skip : it)('agrees with a real POSIX sh on quoting (no expansions involved)', () => {
    // Alphabet limited to characters sh does not expand, so only quoting and splitting are compared.
    // No newline either: to `eval` it separates commands.
    const input = fc.stringMatching(/^[ab'" \\\t]{0,12}$/).filter((s) => !/\\$/.test(s));
    const samples = fc.sample(input, { numRuns: runs(150), seed: 42 });
    for (const s of samples) {
      let expected: string[] | 'error';
      try {
        const raw = execFileSync('sh', ['-c', 'eval "set -- $1" && printf "%s\\0" "$#" "$@"', 'sh', s], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        const fields = raw.split('\0').slice(0, -1);
        expected = fields.slice(1);
      } catch {
        expected = 'error';
      }
      let actual: string[] | 'error';
      try {
        actual = splitArgs(s);
      } catch {
        actual = 'error';
      }
      expect({ s, actual }).toEqual({ s, actual: expected });
    }
  });
});
