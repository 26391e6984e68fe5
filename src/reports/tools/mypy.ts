/**
 * mypy `-O json` (mypy ≥ 1.11): one JSON object per line on stdout, no summary line (with no error mypy
 * prints a single empty line; "Found N errors" is not printed in this mode). mypy 2.4's formatter
 * (mypy/error_formatter.py) writes:
 *   {"file": "src/pkg/mod.py", "line": 34, "column": 11, "end_line": 34, "end_column": 34,
 *    "message": "...", "hint": null | "notes joined by \n", "code": "return-value" | null,
 *    "severity": "error" | "note"}
 * `file` is as mypy was given it (relative to its working directory); `line` is 1-based; `column` is
 * 0-based. mypy uses -1 for "no line" / "no column" (its own text format then omits them): those, and a
 * line 0, become null; any other negative, fractional or non-numeric position is refused.
 * Notes attached to an error arrive in its `hint`, which is appended to the message.
 *
 * Severity mapping: "error" → error, "note" → notice, "warning" → warning; anything else is refused.
 * Rule: `code`, or "mypy" when mypy gives none.
 */
import { ReportError, type Finding, type Severity } from '../model.js';
import { capMessage, expectRecord, expectString, optionalString, position, projectFile, severityOf } from './common.js';

export function parseMypyJsonLines(content: string, path: string, projectRoot: string): Finding[] {
  if (typeof content !== 'string') throw new ReportError(path, 'not text');
  const findings: Finding[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    const where = `line ${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(text) as unknown;
    } catch {
      throw new ReportError(path, `${where}: not a JSON object: ${JSON.stringify(text.slice(0, 120))}`);
    }
    const e = expectRecord(raw, path, where);
    const file = projectFile(e.file, path, `${where}.file`, projectRoot);
    const message = expectString(e.message, path, `${where}.message`);
    const hint = optionalString(e.hint, path, `${where}.hint`);
    const code = optionalString(e.code, path, `${where}.code`);
    findings.push({
      file,
      line: mypyPosition(e.line, path, `${where}.line`, 1),
      column: mypyPosition(e.column, path, `${where}.column`, 0),
      rule: code || 'mypy',
      severity: mypySeverity(e.severity, path, `${where}.severity`),
      message: capMessage(hint ? `${message}\n${hint}` : message),
    });
  }
  return findings;
}

/** -1 (mypy's "unknown"), a line 0 and absence → null; other values must be integers ≥ base. */
function mypyPosition(v: unknown, path: string, where: string, base: 0 | 1): number | null {
  if (v === -1 || (base === 1 && v === 0)) return null;
  return position(v, path, where, base, true);
}

const mypySeverity = (v: unknown, path: string, where: string): Severity => severityOf(v, path, where, { error: 'error', note: 'notice', warning: 'warning' });
