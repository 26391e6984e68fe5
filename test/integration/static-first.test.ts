/**
 * SECURITY R9, as the runner runs the action (`node dist/index.js` on a pull_request event, so `order: auto` is
 * strict): the fixture hostile-setup-py's setup.py, run when `uv sync` builds the project, rewrites the sources
 * clean and replaces the uv binary with a wrapper that writes empty reports and exits 0. The uv is a scratch copy
 * first on PATH, beside the marker the fixture demands, so nothing real is touched.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDist } from '../support/action.js';
import { commitAll, copyFixture, gitStatus, removeDir, REPO_ROOT } from '../support/project.js';
import type { GateReport } from '../../src/gate/report.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** A scratch uv, first on PATH, that the fixture may replace. */
function swappableUv(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-swappable-uv-'));
  dirs.push(dir);
  copyFileSync(join(REPO_ROOT, '.tools', 'bin', 'uv'), join(dir, 'uv'));
  writeFileSync(join(dir, 'nebula-fixture-swappable'), '');
  return dir;
}

const checkOf = (report: GateReport, id: string) => report.phases.flatMap((p) => p.checks).find((c) => c.id === id)!;

describe('a setup.py that swaps uv and rewrites the sources (strict order on a pull request)', () => {
  test('the static findings are the checkout’s, the swapped uv is refused, the verdict is fail', async () => {
    const workspace = copyFixture('hostile-setup-py');
    dirs.push(workspace);
    commitAll(workspace);
    const uvDir = swappableUv();
    const r = await runDist(workspace, { gate: 'security', disable: 'pip-audit', comment: 'off', cache: 'none' }, { PATH: `${uvDir}:${process.env.PATH ?? ''}`, NEBULA_FIXTURE_HOSTILE: '1' });
    dirs.push(r.files.temp);
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')) as GateReport;

    // The attack happened: the build script replaced uv and rewrote the source file.
    expect(readFileSync(join(uvDir, 'uv'), 'utf8')).toMatch(/^#!\/bin\/sh\n# nebula-gate fixture: a forged uv/);
    expect(gitStatus(workspace)).toContain(' M src/hostile/__init__.py');

    // The static checks ran first, on the dependencies alone, and found what the checkout holds.
    expect(checkOf(report, 'uv-sync-deps').status).toBe('passed');
    expect(checkOf(report, 'ruff-check').findings.map((f) => `${f.file}:${f.rule}`)).toEqual(['src/hostile/__init__.py:F401']);
    expect(checkOf(report, 'types').findings.map((f) => f.rule)).toEqual(['return-value']);
    expect(checkOf(report, 'bandit').findings.map((f) => f.rule)).toEqual(['B324']);
    // After the build, the replaced uv is refused: the tests are an error, never a pass.
    expect(checkOf(report, 'pytest')).toMatchObject({ status: 'error', summary: expect.stringMatching(/is not the binary the run began with .*code the project ran replaced it/) });
    expect({ code: r.code, verdict: r.outputs.verdict, failed: r.outputs['failed-phase'] }).toEqual({ code: 1, verdict: 'fail', failed: 'quality' });
    // The order is in the log: the project sync after every static check.
    const finished = (id: string): number => r.stdout.indexOf(`::group::${id}: `);
    for (const id of ['ruff-format', 'ruff-check', 'types', 'bandit']) expect(finished(id)).toBeLessThan(finished('uv-sync'));
  }, 240_000);
});
