/**
 * ruff: `ruff check --output-format=json` (a JSON array of diagnostics) and the text of `ruff format --check`.
 *
 * ruff check JSON (0.17), per element:
 *   { "code": "F401" | "invalid-syntax" | null, "name": "unused-import", "message": "...",
 *     "filename": "/abs/path.py", "location": {"row": 3, "column": 8}, "end_location": {...},
 *     "severity": "error", "cell": null | <notebook cell>, "fix": ..., "noqa_row": ..., "url": ... }
 * `row`/`column` are 1-based. Severity mapping: ruff's "warning" → warning, "info"/"information"/"note"/"hint" →
 * notice, anything else (ruff's "error", or no severity at all in older ruff) → error: every ruff
 * diagnostic fails `ruff check`. A diagnostic without a code (older ruff's syntax errors) gets the rule
 * `name` or "syntax-error". `ruff format --check --output-format=json` has the same shape (code
 * "unformatted"), so this parser reads it too.
 */
import { ReportError, type Finding, type Severity } from '../model.js';
import { capMessage, expectArray, expectRecord, expectString, optionalString, parseJson, position, projectFile } from './common.js';

export function parseRuffCheckJson(content: string, path: string, projectRoot: string): Finding[] {
  const items = expectArray(parseJson(content, path), path, 'top level');
  return items.map((raw, i) => {
    const where = `[${i}]`;
    const d = expectRecord(raw, path, where);
    const file = projectFile(d.filename, path, `${where}.filename`, projectRoot);
    const code = optionalString(d.code, path, `${where}.code`);
    const name = optionalString(d.name, path, `${where}.name`);
    let message = expectString(d.message, path, `${where}.message`);
    let line: number | null = null;
    let column: number | null = null;
    if (d.location !== undefined && d.location !== null) {
      const loc = expectRecord(d.location, path, `${where}.location`);
      line = position(loc.row, path, `${where}.location.row`, 1);
      column = position(loc.column, path, `${where}.location.column`, 1, true);
    }
    if (d.cell !== undefined && d.cell !== null) {
      // Notebook: the row counts within the cell, so it is not a line of the .ipynb file.
      const cell = position(d.cell, path, `${where}.cell`, 0);
      message = `[cell ${cell! - 1}${line !== null ? `, line ${line}` : ''}] ${message}`;
      line = null;
      column = null;
    }
    return {
      file,
      line,
      column,
      rule: code || name || 'syntax-error',
      severity: ruffSeverity(optionalString(d.severity, path, `${where}.severity`)),
      message: capMessage(message),
    };
  });
}

function ruffSeverity(s: string | null): Severity {
  switch (s?.toLowerCase()) {
    case 'warning':
      return 'warning';
    case 'info':
    case 'information':
    case 'note':
    case 'hint':
      return 'notice';
    default:
      return 'error';
  }
}

const FORMAT_RULE = 'unformatted';
const FORMAT_MESSAGE = 'File would be reformatted (run `ruff format`)';

/**
 * The files `ruff format --check` would change, one finding each (rule "unformatted"), from its text output —
 * stdout and stderr together — in any of the forms ruff prints:
 * - ruff ≥ 0.15 default ("full"):   `unformatted: File would be reformatted` then ` --> src/x.py:5:11`
 * - `--output-format=concise`:      `src/x.py:5:11: unformatted: File would be reformatted`
 * - older ruff:                     `Would reformat: src/x.py`
 * - with `--diff`:                  unified-diff headers `--- src/x.py` / `+++ src/x.py`; the line is the first
 *                                   changed line of the first hunk.
 * Everything else (the "N files would be reformatted" summary, warnings, invalid-syntax diagnostics of files
 * ruff could not parse — exit 2) is ignored. A file reported twice gives one finding (the first with a line).
 */
export function parseRuffFormatOutput(text: string, path: string, projectRoot: string): Finding[] {
  if (typeof text !== 'string') throw new ReportError(path, 'not text');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const found = new Map<string, Finding>();
  const add = (rawFile: string, line: number | null, column: number | null, where: string): void => {
    const file = projectFile(rawFile, path, where, projectRoot);
    const prev = found.get(file);
    if (prev === undefined || (prev.line === null && line !== null)) {
      found.set(file, { file, line, column, rule: FORMAT_RULE, severity: 'error', message: FORMAT_MESSAGE });
    }
  };
  const lineNumber = (digits: string, where: string): number => {
    const n = Number(digits);
    if (!Number.isSafeInteger(n) || n < 1) throw new ReportError(path, `${where}: bad line number ${JSON.stringify(digits.slice(0, 20))}`);
    return n;
  };

  // Diff state: the file of the current diff, and what is left of the current hunk.
  let diffFile: string | null = null;
  let diffFileHasLine = false;
  const hunk = { oldLeft: 0, newLeft: 0, oldLine: 0 };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const where = `line ${i + 1}`;
    if (hunk.oldLeft > 0 || hunk.newLeft > 0) {
      // Inside a hunk: content lines are never read as headers or diagnostics.
      const tag = l[0];
      if (tag === '-' || tag === '+') {
        if (diffFile !== null && !diffFileHasLine) {
          add(diffFile, Math.max(hunk.oldLine, 1), null, where);
          diffFileHasLine = true;
        }
        if (tag === '-') {
          hunk.oldLeft--;
          hunk.oldLine++;
        } else hunk.newLeft--;
      } else if (tag !== '\\') {
        hunk.oldLeft--;
        hunk.newLeft--;
        hunk.oldLine++;
      }
      continue;
    }
    let m: RegExpExecArray | null;
    if (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')) {
      diffFile = l.slice(4).split('\t')[0]!.trim();
      diffFileHasLine = false;
      add(diffFile, null, null, where);
      i++;
    } else if (diffFile !== null && (m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(l))) {
      hunk.oldLine = Number(m[1]);
      hunk.oldLeft = m[2] === undefined ? 1 : Number(m[2]);
      hunk.newLeft = m[4] === undefined ? 1 : Number(m[4]);
      if (![hunk.oldLine, hunk.oldLeft, hunk.newLeft].every((n) => Number.isSafeInteger(n) && n >= 0)) throw new ReportError(path, `${where}: bad hunk header`);
    } else if ((m = /^Would reformat: (.+)$/.exec(l))) {
      add(m[1]!.trim(), null, null, where);
    } else if ((m = /^(.+?):(\d+):(\d+): unformatted:/.exec(l))) {
      add(m[1]!, lineNumber(m[2]!, where), lineNumber(m[3]!, where), where);
    } else if (/^unformatted:/.test(l)) {
      // The "full" form: the location arrow follows within the next lines.
      for (let j = i + 1; j < Math.min(i + 4, lines.length); j++) {
        const arrow = /^\s*-->\s+(.+):(\d+):(\d+)\s*$/.exec(lines[j]!);
        if (arrow) {
          add(arrow[1]!, lineNumber(arrow[2]!, `line ${j + 1}`), lineNumber(arrow[3]!, `line ${j + 1}`), `line ${j + 1}`);
          i = j;
          break;
        }
      }
    }
  }
  return [...found.values()];
}
