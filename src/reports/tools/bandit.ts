/**
 * bandit `-f json` (1.9.4):
 *   { "errors": [ {"filename": "src/bad.py", "reason": "syntax error while parsing AST from file"} ],
 *     "generated_at": "...", "metrics": { ... per-file and "_totals" counters: not trusted ... },
 *     "results": [ { "filename": "src/pkg/mod.py", "line_number": 8, "col_offset": 11,
 *                    "test_id": "B324", "test_name": "hashlib", "issue_text": "...",
 *                    "issue_severity": "HIGH", "issue_confidence": "HIGH", "more_info": "https://…",
 *                    "issue_cwe": {"id": 327, "link": "…"}, "code": "…", "line_range": [8], … } ] }
 * `filename` is as bandit was given it (relative to its working directory); `line_number` is 1-based,
 * `col_offset` 0-based.
 *
 * Filtering: an issue is kept when its severity AND its confidence are at or above the thresholds
 * (UNDEFINED < LOW < MEDIUM < HIGH, as bandit's own -l/-i levels; UNDEFINED is therefore never kept).
 * Severity mapping of the kept issues: HIGH → error, MEDIUM → warning, LOW → notice. Rule: the test id
 * ("B324").
 *
 * bandit's `errors` (files it could not scan, e.g. a syntax error) are not issues, but they mean part of the
 * code went unchecked, so they are never dropped: parseBanditJson returns each as a finding with rule
 * "bandit-error" (severity error, no line), whatever the thresholds.
 */
import { ReportError, type Finding, type Severity } from '../model.js';
import { capMessage, expectArray, expectRecord, expectString, optionalString, parseJson, position, projectFile } from './common.js';

export type BanditLevel = 'low' | 'medium' | 'high';

export interface BanditThresholds {
  severity: BanditLevel;
  confidence: BanditLevel;
}

export interface BanditReport {
  /** Issues at or above the thresholds, then one "bandit-error" finding per file bandit could not scan. */
  findings: Finding[];
  /** Every issue bandit reported, before the threshold filter (errors not included). */
  rawCount: number;
  /** Files bandit could not scan, with its reason. */
  errors: { file: string; reason: string }[];
}

const RANK: Record<string, number> = { undefined: 0, low: 1, medium: 2, high: 3 };
const SEVERITY: Record<string, Severity> = { undefined: 'notice', low: 'notice', medium: 'warning', high: 'error' };

export function parseBanditReport(content: string, path: string, projectRoot: string, thresholds: BanditThresholds): BanditReport {
  const minSeverity = thresholdRank(thresholds.severity, 'severity');
  const minConfidence = thresholdRank(thresholds.confidence, 'confidence');
  const top = expectRecord(parseJson(content, path), path, 'top level');
  const results = expectArray(top.results, path, 'results');
  const findings: Finding[] = [];
  for (let i = 0; i < results.length; i++) {
    const where = `results[${i}]`;
    const r = expectRecord(results[i], path, where);
    const severity = level(r.issue_severity, path, `${where}.issue_severity`);
    const confidence = level(r.issue_confidence, path, `${where}.issue_confidence`);
    // Validate every issue, kept or not: a malformed report is refused as a whole.
    const file = projectFile(r.filename, path, `${where}.filename`, projectRoot);
    const line = position(r.line_number, path, `${where}.line_number`, 1);
    const column = position(r.col_offset, path, `${where}.col_offset`, 0, true);
    const rule = expectString(r.test_id, path, `${where}.test_id`);
    if (rule.trim() === '') throw new ReportError(path, `${where}.test_id: empty`);
    const text = expectString(r.issue_text, path, `${where}.issue_text`);
    const testName = optionalString(r.test_name, path, `${where}.test_name`);
    if (RANK[severity]! < minSeverity || RANK[confidence]! < minConfidence) continue;
    const label = `${testName ? `${testName}, ` : ''}severity ${severity.toUpperCase()}, confidence ${confidence.toUpperCase()}`;
    findings.push({ file, line, column, rule, severity: SEVERITY[severity]!, message: capMessage(`${text} (${label})`) });
  }
  const errors: BanditReport['errors'] = [];
  if (top.errors !== undefined && top.errors !== null) {
    expectArray(top.errors, path, 'errors').forEach((raw, i) => {
      const e = expectRecord(raw, path, `errors[${i}]`);
      const file = projectFile(e.filename, path, `errors[${i}].filename`, projectRoot);
      const reason = capMessage(optionalString(e.reason, path, `errors[${i}].reason`) ?? 'unknown error');
      errors.push({ file, reason });
      findings.push({ file, line: null, column: null, rule: 'bandit-error', severity: 'error', message: `bandit could not scan this file: ${reason}` });
    });
  }
  return { findings, rawCount: results.length, errors };
}

/** The findings of parseBanditReport: issues at/above the thresholds, plus files bandit could not scan. */
export function parseBanditJson(content: string, path: string, projectRoot: string, thresholds: BanditThresholds): Finding[] {
  return parseBanditReport(content, path, projectRoot, thresholds).findings;
}

function level(v: unknown, path: string, where: string): string {
  const s = expectString(v, path, where).toLowerCase();
  if (!Object.hasOwn(RANK, s)) throw new ReportError(path, `${where}: unknown level ${JSON.stringify(s.slice(0, 40))}`);
  return s;
}

function thresholdRank(v: unknown, what: string): number {
  if (v !== 'low' && v !== 'medium' && v !== 'high') throw new RangeError(`bandit ${what} threshold must be low, medium or high, got ${String(v)}`);
  return RANK[v]!;
}
