/**
 * A hostile report never yields a pass (issue 6, SECURITY.md R5.4): every JUnit and Cobertura entry of the hostile
 * corpus is read by a custom check (`[[tool.nebula-gate.custom]]` with `junit =` / `cobertura =`, command
 * `python3 -c pass`) of a copy of the demo project, through the CLI's `main` and the real engine. Each check must
 * end as the manifest says — error for an unreadable report, failed when no test ran or one failed — and the
 * verdict is fail. A control run with a single good report passes, so the failure is the reports' doing.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, HOSTILE_DIR, type CorpusEntry } from '../support/hostile.js';
import { check, copyFixture, removeDir, runCli } from '../support/project.js';

const entries = (JSON.parse(readFileSync(join(HOSTILE_DIR, 'expected.json'), 'utf8')) as CorpusEntry[]).filter(
  // The 100,000-case and 10,000-file entries are timed in the corpus test and the bench; here they would only add seconds.
  (e) => (e.format === 'junit' || e.format === 'cobertura') && e.generate !== 'junit-100k' && e.generate !== 'cobertura-10k-files',
);
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const DISABLE = 'ruff-format,ruff-check,types,pytest,coverage,diff-coverage,pip-audit,bandit';

/** A demo copy with one custom check per entry, each reading its report from hostile/<n>.<ext>. */
function projectWith(list: CorpusEntry[]): { dir: string; ids: Map<string, CorpusEntry> } {
  const dir = copyFixture('demo');
  dirs.push(dir);
  mkdirSync(join(dir, 'hostile'));
  const ids = new Map<string, CorpusEntry>();
  let toml = '';
  list.forEach((e, i) => {
    const id = `h${i}`;
    const rel = `hostile/${id}${e.file.slice(e.file.lastIndexOf('.'))}`;
    if (e.generate) generate(e.generate, join(dir, rel));
    else copyFileSync(join(HOSTILE_DIR, e.file), join(dir, rel));
    ids.set(id, e);
    toml += `\n[[tool.nebula-gate.custom]]\nid = "${id}"\nphase = "tests"\ncommand = ["python3", "-c", "pass"]\n${e.format} = "${rel}"\n`;
  });
  appendFileSync(join(dir, 'pyproject.toml'), toml);
  return { dir, ids };
}

describe('hostile reports through the CLI and the engine', () => {
  test('every corpus entry read by a custom check: the manifest’s status, the file named, the verdict fail', async () => {
    const { dir, ids } = projectWith(entries);
    const r = await runCli(dir, ['--disable', DISABLE, '--gate', 'tests']);
    expect(r.code).toBe(1);
    expect(r.report.verdict).toBe('fail');
    const table: string[] = [];
    for (const [id, e] of ids) {
      const c = check(r.report, id);
      const expected = e.check ?? (e.outcome === 'error' ? 'error' : 'passed');
      table.push(`${c.status.padEnd(7)} ${e.file}: ${c.summary.slice(0, 120)}`);
      expect({ file: e.file, status: c.status }).toEqual({ file: e.file, status: expected });
      if (expected === 'error') expect(c.summary).toMatch(/^unreadable report: .*hostile\/h\d+\.\w+: /);
      if (e.outcome === 'parse' && e.format === 'junit' && e.counts?.total === e.counts?.skipped) expect(c.summary).toContain('no test ran');
    }
    expect(entries.length).toBeGreaterThanOrEqual(60);
    if (process.env.NEBULA_GATE_VERBOSE) process.stdout.write(`${table.join('\n')}\n`);
  });

  test('one bomb among passing checks is enough to fail the gate; without it the same project passes', async () => {
    const good = entries.find((e) => e.file === 'junit/real-pytest-pass.xml')!;
    const bomb = entries.find((e) => e.file === 'junit/billion-laughs.xml')!;
    const control = await runCli(projectWith([good]).dir, ['--disable', DISABLE, '--gate', 'tests']);
    expect(control.code).toBe(0);
    expect(control.report.verdict).toBe('pass');
    const t0 = performance.now();
    const hostile = await runCli(projectWith([good, bomb]).dir, ['--disable', DISABLE, '--gate', 'tests']);
    expect(hostile.code).toBe(1);
    expect(hostile.report.verdict).toBe('fail');
    expect(check(hostile.report, 'h0').status).toBe('passed');
    expect(check(hostile.report, 'h1')).toMatchObject({ status: 'error', summary: expect.stringMatching(/internal subset/) });
    expect(performance.now() - t0).toBeLessThan(60_000);
  });
});
