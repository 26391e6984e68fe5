/**
 * pyright `--outputjson` (1.1.414): one JSON object on stdout.
 *   { "version": "1.1.414", "time": "...",
 *     "generalDiagnostics": [ { "file": "/abs/src/pkg/mod.py", "severity": "error" | "warning" | "information",
 *                               "message": "...\n  continuation lines (indented with U+00A0)",
 *                               "range": {"start": {"line": 33, "character": 11}, "end": {...}},
 *                               "rule": "reportReturnType" } ],
 *     "summary": { "filesAnalyzed": 3, "errorCount": 1, "warningCount": 0, "informationCount": 0, ... } }
 * Positions are 0-based (line 33 is the file's line 34). `range` and `rule` may be absent (e.g. a file that
 * could not be read, or an unnamed check); a missing rule becomes "pyright". The summary is not trusted:
 * findings come from the diagnostics only.
 *
 * Severity mapping: "error" → error, "warning" → warning, "information" → notice; anything else is refused.
 */
import type { Finding, Severity } from '../model.js';
import { capMessage, expectArray, expectRecord, expectString, optionalString, parseJson, position, projectFile, severityOf } from './common.js';

export function parsePyrightJson(content: string, path: string, projectRoot: string): Finding[] {
  const top = expectRecord(parseJson(content, path), path, 'top level');
  const diagnostics = expectArray(top.generalDiagnostics, path, 'generalDiagnostics');
  return diagnostics.map((raw, i) => {
    const where = `generalDiagnostics[${i}]`;
    const d = expectRecord(raw, path, where);
    let line: number | null = null;
    let column: number | null = null;
    if (d.range !== undefined && d.range !== null) {
      const start = expectRecord(expectRecord(d.range, path, `${where}.range`).start, path, `${where}.range.start`);
      line = position(start.line, path, `${where}.range.start.line`, 0);
      column = position(start.character, path, `${where}.range.start.character`, 0, true);
    }
    return {
      file: projectFile(d.file, path, `${where}.file`, projectRoot),
      line,
      column,
      rule: optionalString(d.rule, path, `${where}.rule`) || 'pyright',
      severity: pyrightSeverity(d.severity, path, `${where}.severity`),
      message: capMessage(expectString(d.message, path, `${where}.message`)),
    };
  });
}

const pyrightSeverity = (v: unknown, path: string, where: string): Severity => severityOf(v, path, where, { error: 'error', warning: 'warning', information: 'notice' });
