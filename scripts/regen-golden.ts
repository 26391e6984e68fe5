/**
 * Regenerates the golden files: runs the gate (real tools) on each fixture project and keeps the JSON report it
 * wrote and the comment rendered from it. test/render/golden.test.ts re-renders the JSON and compares, so any
 * change to the comment shows up in the diff of test/fixtures/golden/*.md.
 *
 *   node --import tsx scripts/regen-golden.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { renderComment } from '../src/render/markdown.js';
import { startOsvServer } from '../test/support/osv-server.js';
import { copyFixture, goldenProjects, REPO_ROOT, TEST_ENV, removeDir } from '../test/support/project.js';
import type { GateReport } from '../src/gate/report.js';

const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'golden');
const osv = await startOsvServer();
try {
  for (const name of goldenProjects()) {
    const dir = copyFixture(name);
    const json = join(GOLDEN, `${name}.json`);
    const code = await main([dir, '--osv-url', osv.url, '--json', json], { stdout: () => undefined, stderr: () => undefined, env: TEST_ENV, cwd: REPO_ROOT, isTTY: false });
    // Durations differ from run to run; zero them so a re-run changes only what really changed.
    const report = JSON.parse(readFileSync(json, 'utf8')) as GateReport;
    for (const p of report.phases) for (const c of p.checks) c.durationMs = 0;
    const text = JSON.stringify(report, null, 2).replaceAll(dir, '<project>');
    writeFileSync(json, `${text}\n`);
    writeFileSync(join(GOLDEN, `${name}.md`), renderComment(JSON.parse(text) as GateReport, { marker: '<!-- nebula-gate:id=golden -->' }));
    console.log(`${name}: exit ${code}, ${report.verdict}, phase ${report.phaseReached}`);
    removeDir(dir);
  }
} finally {
  await osv.close();
}
