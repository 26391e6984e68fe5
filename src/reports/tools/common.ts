/**
 * Shared validation for the JSON reports of the lint/type/security tools (ruff, mypy, pyright, bandit,
 * pip-audit). Every helper throws ReportError(path, reason) on anything unexpected: a tool's report is data
 * from a process the project controls, so no field is trusted before its type is checked.
 *
 * Conventions of the produced Findings (src/reports/model.ts):
 * - `file` is relative to the project root with POSIX separators; an absolute path outside the root (and a
 *   relative one that climbs out with `..`) is kept as given, with POSIX separators.
 * - `line` and `column` are 1-based (what GitHub annotations take); parsers convert 0-based tool positions.
 * - `message` is capped at MAX_MESSAGE_CHARS.
 */
import { ReportError, type Severity } from '../model.js';
import { toPosix, toProjectPath } from '../paths.js';

/** Longest message kept on a finding or vulnerability; longer ones are cut and end with '…'. */
export const MAX_MESSAGE_CHARS = 2000;

export type JsonRecord = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The whole content as one JSON value; a BOM and surrounding whitespace are allowed, nothing else. */
export function parseJson(content: string, path: string): unknown {
  if (typeof content !== 'string') throw new ReportError(path, 'not text');
  const text = content.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new ReportError(path, 'empty report (expected JSON)');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ReportError(path, `not valid JSON: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
  }
}

/** `where` names the element in error messages, e.g. "results[3]". */
export function expectRecord(v: unknown, path: string, where: string): JsonRecord {
  if (!isRecord(v)) throw new ReportError(path, `${where}: expected an object, got ${describe(v)}`);
  return v;
}

export function expectArray(v: unknown, path: string, where: string): unknown[] {
  if (!Array.isArray(v)) throw new ReportError(path, `${where}: expected an array, got ${describe(v)}`);
  return v;
}

export function expectString(v: unknown, path: string, where: string): string {
  if (typeof v !== 'string') throw new ReportError(path, `${where}: expected a string, got ${describe(v)}`);
  return v;
}

/** A string, or null when the field is absent or null. */
export function optionalString(v: unknown, path: string, where: string): string | null {
  if (v === undefined || v === null) return null;
  return expectString(v, path, where);
}

export function expectStringArray(v: unknown, path: string, where: string): string[] {
  return expectArray(v, path, where).map((x, i) => expectString(x, path, `${where}[${i}]`));
}

/**
 * A position from a report, returned 1-based. `base` is the tool's own numbering (0 or 1). A missing value
 * (undefined/null) is null when `optional`, else an error; a non-integer, NaN, infinite or below-base value
 * is always an error.
 */
export function position(v: unknown, path: string, where: string, base: 0 | 1, optional = false): number | null {
  if (v === undefined || v === null) {
    if (optional) return null;
    throw new ReportError(path, `${where}: missing`);
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < base) {
    throw new ReportError(path, `${where}: expected an integer ≥ ${base}, got ${describe(v)}`);
  }
  return v - base + 1;
}

/** Cut to MAX_MESSAGE_CHARS (without splitting a surrogate pair), ending with '…' when cut. */
export function capMessage(s: string): string {
  if (s.length <= MAX_MESSAGE_CHARS) return s;
  let end = MAX_MESSAGE_CHARS - 1;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * A file path from a report, made relative to the project root (POSIX separators). Refused: empty paths
 * and paths with control characters (a newline in a path would break workflow commands and tables).
 */
export function projectFile(file: unknown, path: string, where: string, projectRoot: string): string {
  const s = expectString(file, path, where);
  if (s.trim() === '') throw new ReportError(path, `${where}: empty file path`);
  if (/[\u0000-\u001f\u007f]/.test(s)) throw new ReportError(path, `${where}: control character in file path ${JSON.stringify(s.slice(0, 200))}`);
  return toProjectPath(s, projectRoot) ?? toPosix(s);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v;
}

/** A tool's own severity word, mapped to ours; a word the tool does not use is a malformed report. */
export function severityOf(v: unknown, path: string, where: string, words: Record<string, Severity>): Severity {
  const s = expectString(v, path, where);
  if (Object.hasOwn(words, s)) return words[s]!;
  throw new ReportError(path, `${where}: unknown severity ${JSON.stringify(s.slice(0, 40))}`);
}

