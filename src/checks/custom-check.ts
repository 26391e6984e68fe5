/** A project's own check from `[[tool.nebula-gate.custom]]`: a command, optionally with JUnit/Cobertura it writes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomCheck, GateConfig } from '../config/resolve.js';
import { failingTestFindings, judgeTests } from '../gate/outcomes.js';
import { parseCobertura } from '../reports/cobertura.js';
import { parseJunit } from '../reports/junit.js';
import { coverageTotals, summarizeTests, type Finding } from '../reports/model.js';
import { formatPercent } from '../text/percent.js';
import { brokenProcess, lastLine, readingReports } from './common.js';
import { outcome, tail, type CheckDefinition, type PartialResult } from './context.js';

export const customCheck = (c: GateConfig, custom: CustomCheck): CheckDefinition => ({
  id: custom.id,
  phase: custom.phase,
  after: ['uv-sync'],
  requires: ['uv-sync'],
  timeoutSec: custom.timeoutSec,
  async run(ctx) {
    // The project's own command, as in a shell with its environment activated; `uv` is the verified one (R9.2).
    const argv = custom.command[0] === 'uv' ? [ctx.uv, ...custom.command.slice(1)] : custom.command;
    const r = await ctx.exec(custom.id, argv, { timeoutSec: custom.timeoutSec, projectCode: true, activated: true });
    const broken = brokenProcess(r, custom.timeoutSec, custom.command[0]!);
    if (broken) return broken;
    return readingReports(async () => {
      const parts: string[] = [];
      let tests: PartialResult['tests'];
      let findings: Finding[] = [];
      let failed = r.exitCode !== 0;
      if (custom.junit) {
        const path = join(c.projectDir, custom.junit);
        const { cases } = parseJunit(await ctx.readReport(path), path, c.projectDir);
        const totals = summarizeTests(cases);
        const judged = judgeTests(totals);
        tests = { totals, cases };
        findings = failingTestFindings(cases);
        failed ||= judged.status === 'failed';
        parts.push(judged.summary);
      }
      if (custom.cobertura) {
        const path = join(c.projectDir, custom.cobertura);
        const totals = coverageTotals(parseCobertura(await ctx.readReport(path), path, c.projectDir, { exists: existsSync }).files);
        parts.push(`coverage ${formatPercent(totals.percent)}`);
      }
      if (r.exitCode !== 0) parts.push(`exit ${r.exitCode}: ${lastLine(r.output)}`);
      const summary = parts.join(' · ') || 'exit 0';
      return outcome(failed ? 'failed' : 'passed', summary, { exitCode: r.exitCode, findings, ...(tests ? { tests } : {}), ...(failed ? { outputTail: tail(r.output) } : {}) });
    }, r.output);
  },
});
