import fc from 'fast-check';
import { runs } from '../support/fc.js';
import { neutraliseCommands } from '../../src/text/commands.js';
import { hostile } from '../render/arbitraries.js';

/** How the runner (and a careful reader) splits a log into lines. */
const LINES = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/;
const isCommand = (line: string): boolean => /^\s*::[a-zA-Z-]+/.test(line) || line.includes('##[');

describe('neutraliseCommands (R2.4)', () => {
  it.each([
    ['::error::pwned', ':\u200b:error::pwned'],
    ['   ::warning file=a.py::x', '   :\u200b:warning file=a.py::x'],
    ['\t::add-mask::secret', '\t:\u200b:add-mask::secret'],
    ['ok\n::set-output name=x::y', 'ok\n:\u200b:set-output name=x::y'],
    ['ok\r::stop-commands::tok', 'ok\r:\u200b:stop-commands::tok'],
    ['ok\r\n::group::g', 'ok\r\n:\u200b:group::g'],
    ['ok\u2028::debug::d', 'ok\u2028:\u200b:debug::d'],
    ['text ##[error]boom', 'text #\u200b#[error]boom'],
    ['###[x]', '##\u200b#[x]'],
    ['a::b stays', 'a::b stays'],
    ['\ufeff::error::bom', '\ufeff:\u200b:error::bom'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseCommands(input)).toBe(expected);
  });

  it('leaves text without commands untouched and is idempotent', () => {
    expect(neutraliseCommands('plain text: a::b')).toBe('plain text: a::b');
    const once = neutraliseCommands('::error::x\n##[group]');
    expect(neutraliseCommands(once)).toBe(once);
  });

  it('property: no output line parses as a workflow command', () => {
    const attack = fc.string({
      unit: fc.oneof(fc.constantFrom('::', ':', '##[', '##', '#', '[', 'error', 'set-output', '::error::', ' ', '\t', '\u00a0', '\ufeff', '\u3000', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c', 'a', '-', '\u200b'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.oneof(attack, hostile(60)), (s) => {
        const out = neutraliseCommands(s);
        expect(out.split(LINES).find(isCommand)).toBeUndefined();
        // Only zero-width spaces are added: the text stays readable and nothing is lost.
        expect(out.replace(/\u200b/g, '')).toBe(s.replace(/\u200b/g, ''));
      }),
      { numRuns: runs(5000) },
    );
  });
});
