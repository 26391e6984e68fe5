/**
 * The comment rendered from real gate reports (test/fixtures/golden/*.json, written by scripts/regen-golden.ts
 * from runs of the real tools on the fixture projects) must equal the committed Markdown.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderComment } from '../../src/render/markdown.js';
import type { GateReport } from '../../src/gate/report.js';
import { goldenProjects, REPO_ROOT } from '../support/project.js';

const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'golden');
const names = readdirSync(GOLDEN).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

describe('golden comments', () => {
  test('one golden pair per fixture project', () => {
    expect(names).toEqual(goldenProjects());
  });

  test.each(names)('%s renders as committed', (name) => {
    const report = JSON.parse(readFileSync(join(GOLDEN, `${name}.json`), 'utf8')) as GateReport;
    const expected = readFileSync(join(GOLDEN, `${name}.md`), 'utf8');
    expect(renderComment(report, { marker: '<!-- nebula-gate:id=golden -->' })).toBe(expected);
  });

  test('the goldens carry the verdicts the tools gave', () => {
    const verdicts = Object.fromEntries(names.map((n) => [n, (JSON.parse(readFileSync(join(GOLDEN, `${n}.json`), 'utf8')) as GateReport).phaseReached]));
    expect(verdicts).toEqual({
      demo: 4, 'pinned-tools': 4, 'fail-format': 0, 'fail-lint': 0, 'fail-types': 0, 'pyright-typed': 0,
      'fail-test': 1, 'no-tests': 1, 'hostile-names': 1, 'hostile-setup-py': 0, injection: 4, 'low-coverage': 2, 'fail-bandit': 3, vulnerable: 3, 'stale-lock': -1,
    });
  });
});
