/**
 * One spelling of every percentage (src/text/percent.ts) on every surface that renders one: the comment, the job
 * summary, the terminal and the delta line. A value just below its floor never reads as the floor.
 */
import { describe, expect, it } from '@jest/globals';
import type { GateReport } from '../../src/gate/report.js';
import { deltaLine, type Snapshot } from '../../src/render/delta.js';
import { renderComment, renderSummary } from '../../src/render/markdown.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { percentAgainstFloor } from '../../src/text/percent.js';
import { report } from './factory.js';

/** A report whose total coverage is `percent` against a floor of 85 (and changed lines the same against 85). */
function coverageReport(percent: number): GateReport {
  const r = report({
    verdict: 'fail',
    coverage: { percent, floor: 85, diffPercent: percent, diffFloor: 85, worstFiles: [{ file: 'src/app/cli.py', percent: 84.96 }] },
  });
  r.phases[3]!.status = 'failed';
  r.phases[3]!.checks = [{ ...r.phases[3]!.checks[0]!, status: 'failed', summary: percentAgainstFloor(percent, 85) }];
  return r;
}

const surfaces = (r: GateReport): [string, string][] => [
  ['comment', renderComment(r)],
  ['job summary', renderSummary(r)],
  ['terminal', renderTerminal(r, { color: false })],
];

/** "85%", "85.0%", "85.00%"… anywhere but as the floor itself. */
const readsAsFloor = (text: string): string[] => text.replace(/(floor (of )?|against )85%/g, 'FLOOR').match(/(?<![\d.])85(?:\.0*)?%/g) ?? [];

describe('percentages against their floor', () => {
  it.each(surfaces(coverageReport(84.96)))('84.96 against 85: the %s never reads 85%% as the measured value', (_surface, text) => {
    expect(readsAsFloor(text)).toEqual([]);
    expect(text).toContain('84.96%');
    expect(text).toMatch(/floor 85%/); // the floor itself, in its shortest form
    expect(text).not.toMatch(/floor 85\.0/);
  });

  it('84.96 against 85: each surface says it the same way', () => {
    const [comment, summary, terminal] = surfaces(coverageReport(84.96)).map(([, text]) => text);
    for (const md of [comment!, summary!]) {
      expect(md).toContain('<details><summary>📊 Coverage 84.96% (floor 85%) ❌ · changed lines 84.96% (floor 85%) ❌</summary>');
      expect(md).toContain('Total coverage: **84.96%** against a floor of 85%; coverage of changed lines: **84.96%** against 85%.');
      expect(md).toContain('| src/app/cli.py | 84.96% |');
      expect(md).toContain('| 84.96% &lt; floor 85% |');
    }
    expect(terminal).toContain('Coverage: 84.96% (floor 85%), changed lines 84.96% (floor 85%)');
  });

  it.each(surfaces(coverageReport(84.999)))('84.999 against 85 reads 84.99%% in the %s', (_surface, text) => {
    expect(readsAsFloor(text)).toEqual([]);
    expect(text).toContain('84.99%');
    expect(text).not.toContain('85.00%');
  });

  it('a value at the floor reads as the floor, two decimals', () => {
    for (const [, text] of surfaces(coverageReport(85))) expect(text).toContain('85.00%');
  });

  it('the delta line: both runs against the floor, two decimals, the change adds up', () => {
    const snap = (coverage: number): Snapshot => ({ verdict: 'fail', phaseReached: 2, tests: 10, failing: 0, coverage, diffCoverage: null, checks: '' });
    expect(deltaLine({ prev: snap(84.999), now: snap(85.2) }, { coverage: 85 })).toBe('**Since the previous run:** coverage 84.99% → 85.20% (+0.21 pts)');
    expect(deltaLine({ prev: snap(90), now: snap(91.25) })).toBe('**Since the previous run:** coverage 90.00% → 91.25% (+1.25 pts)');
    // 84.996 and 84.999 both read 84.99% against 85: nothing visible changed.
    expect(deltaLine({ prev: snap(84.996), now: snap(84.999) }, { coverage: 85 })).toBe('**Since the previous run:** check results changed');
  });
});
