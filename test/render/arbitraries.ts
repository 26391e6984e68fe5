import fc from 'fast-check';
import type { CheckStatus } from '../../src/model/check.js';
import type { GateReport } from '../../src/gate/report.js';
import type { Finding, Severity, Vulnerability } from '../../src/reports/model.js';

/** Pieces that attack Markdown, HTML, GitHub references, our marker, workflow commands and terminals. */
export const HOSTILE = [
  '@octocat', '@org/team', 'a@b.co', '#12', 'GH-7', 'owner/repo#3', '<!--', '-->', '<!-- nebula-gate:id=default -->',
  '<!-- nebula-gate', '<!-<!-- nebula-gate -->-', '<details>', '</details>', '<summary>', '</summary>', '<script>', '<img src=x>',
  '```', '````', '~~~', '`', '|', '\\|', '\\', '\\\\|', '[x](https://evil.example)', '![i](x)', '*', '**', '_', '~~', '$x$', '$$',
  'https://evil.example', 'www.evil.example', '&amp;', '&lt;', '&#35;12', '::error::pwned', '::set-output name=x::y', '##[group]',
  '::', '##', '\n', '\r', '\r\n', '\u2028', '\u0085', '\t', ' ', '\u00a0', '\ufeff', '\u001b[31m', '\u001b]8;;http://x\u0007',
  '\u009b2J', '\u0000', '\u202e', '🙂', 'тест', '名前', '\ud83d', '\ude42', '- ', '# ', '> ', '1. ', '=', ':+1:',
];

/** A hostile string: a mix of the fragments above and arbitrary code points (incl. lone surrogates via the fragments). */
export const hostile = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('a', 'b', '1', '2', ':', '#', '@', '/')), maxLength });

const status = fc.constantFrom<CheckStatus>('passed', 'failed', 'error', 'skipped');
const severity = fc.constantFrom<Severity>('error', 'warning', 'notice');
const path = fc.oneof(fc.constantFrom('src/a.py', 'tests/test_x.py', 'src/a b/(x).py', '../etc/passwd', '/abs.py', 'a\\b.py', 'ok/ü.py'), hostile(20));
const line = fc.option(fc.integer({ min: -5, max: 100_000 }), { nil: null });

export const findingArb: fc.Arbitrary<Finding> = fc.record({ file: path, line, column: line, rule: hostile(15), severity, message: hostile(80) });

const vulnArb: fc.Arbitrary<Vulnerability> = fc.record({
  package: hostile(15),
  version: hostile(8),
  id: hostile(20),
  aliases: fc.array(hostile(15), { maxLength: 3 }),
  fixVersions: fc.array(hostile(8), { maxLength: 3 }),
  description: hostile(50),
});

const failureArb = fc.record({
  name: hostile(80),
  file: fc.option(path, { nil: null }),
  line,
  message: hostile(200),
  details: fc.oneof(hostile(400), fc.constant(''), fc.constant('x'.repeat(5000))),
});

/** An arbitrary report: hostile strings everywhere a tool or config can put text. */
export const reportArb = (maxFailures = 30): fc.Arbitrary<GateReport> =>
  fc
    .record({
      verdict: fc.constantFrom<'pass' | 'fail'>('pass', 'fail'),
      gate: hostile(15),
      phaseReached: fc.integer({ min: -1, max: 6 }),
      blockedBy: fc.option(hostile(15), { nil: null }),
      why: hostile(120),
      phases: fc.array(
        fc.record({
          name: hostile(15),
          required: fc.boolean(),
          status,
          checks: fc.array(
            fc.record({ id: hostile(15), status, summary: hostile(60), durationMs: fc.double({ min: -1, max: 1e7, noNaN: false }), findings: fc.array(findingArb, { maxLength: 8 }) }),
            { maxLength: 4 },
          ),
        }),
        { maxLength: 6 },
      ),
      tests: fc.option(
        fc.record({
          total: fc.nat(),
          passed: fc.nat(),
          failed: fc.nat(),
          errors: fc.nat(),
          skipped: fc.nat(),
          xfailed: fc.nat(),
          failures: fc.array(failureArb, { maxLength: maxFailures }),
        }),
        { nil: null },
      ),
      coverage: fc.option(
        fc.record({
          percent: fc.double({ min: 0, max: 100 }),
          floor: fc.double({ min: 0, max: 100 }),
          diffPercent: fc.option(fc.double({ min: 0, max: 100 }), { nil: null }),
          diffFloor: fc.option(fc.double({ min: 0, max: 100 }), { nil: null }),
          worstFiles: fc.array(fc.record({ file: path, percent: fc.double({ min: 0, max: 100 }) }), { maxLength: 10 }),
        }),
        { nil: null },
      ),
      vulnerabilities: fc.array(vulnArb, { maxLength: 5 }),
    })
    .map((r) => ({ schema: 1 as const, ...r, phases: r.phases.map((p, index) => ({ index, ...p })) }));
