import type { CheckStatus } from '../../src/model/check.js';
import type { GateReport } from '../../src/gate/report.js';
import type { Finding, Vulnerability } from '../../src/reports/model.js';

type Phase = GateReport['phases'][number];
type Check = Phase['checks'][number];
type Failure = NonNullable<GateReport['tests']>['failures'][number];

export function check(id: string, status: CheckStatus = 'passed', over: Partial<Check> = {}): Check {
  return { id, status, summary: status === 'passed' ? 'ok' : `${id} ${status}`, durationMs: 1234, findings: [], ...over };
}

export function finding(over: Partial<Finding> = {}): Finding {
  return { file: 'src/app/main.py', line: 12, column: 5, rule: 'F401', severity: 'error', message: '`os` imported but unused', ...over };
}

export function failure(i: number, over: Partial<Failure> = {}): Failure {
  return {
    name: `tests.test_mod::test_case_${i}`,
    file: 'tests/test_mod.py',
    line: 10 + i,
    message: `AssertionError: assert ${i} == ${i + 1}`,
    details: `def test_case_${i}():\n>       assert ${i} == ${i + 1}\nE       AssertionError\n\ntests/test_mod.py:${10 + i}: AssertionError`,
    ...over,
  };
}

export function vulnerability(over: Partial<Vulnerability> = {}): Vulnerability {
  return { package: 'jinja2', version: '3.1.2', id: 'GHSA-h5c8-rqwp-cp95', aliases: ['CVE-2024-22195'], fixVersions: ['3.1.3'], description: 'XSS', ...over };
}

/** A passing five-phase report; override what a test needs. */
export function report(over: Partial<GateReport> = {}): GateReport {
  const phases: Phase[] = [
    { index: 0, name: 'setup', required: true, status: 'passed', checks: [check('uv-sync', 'passed', { summary: 'environment installed' })] },
    { index: 1, name: 'quality', required: true, status: 'passed', checks: [check('ruff-format'), check('ruff-check'), check('mypy')] },
    { index: 2, name: 'tests', required: true, status: 'passed', checks: [check('pytest', 'passed', { summary: '120 passed' })] },
    { index: 3, name: 'coverage', required: false, status: 'passed', checks: [check('coverage', 'passed', { summary: 'coverage 91.2% ≥ 85%' })] },
    { index: 4, name: 'security', required: false, status: 'passed', checks: [check('pip-audit'), check('bandit')] },
  ];
  return {
    schema: 1,
    verdict: 'pass',
    gate: 'tests',
    phaseReached: 4,
    blockedBy: null,
    why: 'every phase up to the gate (tests) passed',
    phases,
    tests: { total: 120, passed: 120, failed: 0, errors: 0, skipped: 0, xfailed: 0, failures: [] },
    coverage: { percent: 91.2, floor: 85, diffPercent: null, diffFloor: null, worstFiles: [{ file: 'src/app/cli.py', percent: 61.5 }] },
    vulnerabilities: [],
    ...over,
  };
}

/** A report blocked at tests by `n` failing tests. */
export function failingReport(n: number, failureOf: (i: number) => Failure = (i) => failure(i)): GateReport {
  const base = report();
  const phases = base.phases.map((p) =>
    p.name === 'tests'
      ? { ...p, status: 'failed' as const, checks: [check('pytest', 'failed', { summary: `${n} failed, 100 passed` })] }
      : p,
  );
  const failures: Failure[] = [];
  for (let i = 0; i < n; i++) failures.push(failureOf(i));
  return {
    ...base,
    verdict: 'fail',
    phaseReached: 1,
    blockedBy: 'tests',
    why: `blocked at tests (gate: tests): pytest failed: ${n} failed, 100 passed`,
    phases,
    tests: { total: n + 100, passed: 100, failed: n, errors: 0, skipped: 0, xfailed: 0, failures },
  };
}

/** Independent checker: code fences closed, `<details>` balanced and never negative, outside code blocks. */
export function structure(md: string): { balanced: boolean; reason: string } {
  let fence: string | null = null;
  let depth = 0;
  for (const line of md.split('\n')) {
    if (fence !== null) {
      const close = /^(`+)\s*$/.exec(line);
      if (close && close[1]!.length >= fence.length) fence = null;
      continue;
    }
    const open = /^(`{3,})/.exec(line);
    if (open) {
      fence = open[1]!;
      continue;
    }
    depth += (line.match(/<details/g) ?? []).length;
    depth -= (line.match(/<\/details>/g) ?? []).length;
    if (depth < 0) return { balanced: false, reason: `</details> without <details> at: ${line.slice(0, 80)}` };
  }
  if (fence !== null) return { balanced: false, reason: 'unclosed code fence' };
  if (depth !== 0) return { balanced: false, reason: `${depth} unclosed <details>` };
  return { balanced: true, reason: '' };
}

/** Lines outside code blocks (where escaping must hold). */
export function proseLines(md: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    if (fence !== null) {
      const close = /^(`+)\s*$/.exec(line);
      if (close && close[1]!.length >= fence.length) fence = null;
      continue;
    }
    const open = /^(`{3,})/.exec(line);
    if (open) fence = open[1]!;
    else out.push(line);
  }
  return out;
}

/** Pipes a GFM table parser treats as cell separators: any `|` not directly after a backslash. */
export function columns(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) if (row[i] === '|' && row[i - 1] !== '\\') n++;
  return n;
}
