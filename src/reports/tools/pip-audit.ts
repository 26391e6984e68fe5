/**
 * pip-audit `-f json` (2.10.1, pip_audit/_format/json.py):
 *   { "dependencies": [
 *       { "name": "urllib3", "version": "1.26.4",
 *         "vulns": [ { "id": "CVE-2021-33503", "fix_versions": ["1.26.5"],
 *                      "aliases": ["GHSA-q2q7-5pp4-w6pg"], "description": "…" } ] },
 *       { "name": "mypkg", "skip_reason": "Dependency not found on PyPI and could not be audited: …" } ],
 *     "fixes": [] }
 * `aliases` and `description` are present unless `--aliases off` / `--desc off`. pip-audit picks the primary
 * `id` itself (PYSEC-, then CVE-, then the rest: a GHSA advisory is reported under its CVE when it has one), and
 * `aliases` is an unordered set. `fixes` is filled only with --fix and is ignored here.
 *
 * A vulnerability is ignored when its id or any of its aliases is in `ignoredIds` (compared trimmed and
 * case-insensitively, as users write "ghsa-…" and "GHSA-…" alike).
 */
import { ReportError, type Vulnerability } from '../model.js';
import { capMessage, expectArray, expectRecord, expectString, expectStringArray, isRecord, optionalString, parseJson } from './common.js';

export interface PipAuditResult {
  vulnerabilities: Vulnerability[];
  /** Dependencies pip-audit could not audit (not on the index, a local path, …), with its reason. */
  skipped: { name: string; reason: string }[];
  /** Vulnerabilities the report listed that `ignoredIds` removed (pip-audit still exits 1 for them). */
  ignoredCount: number;
}

export function parsePipAuditJson(content: string, path: string, ignoredIds: string[]): PipAuditResult {
  const ignored = new Set(ignoredIds.map(normalizeId).filter((id) => id !== ''));
  const top = expectRecord(parseJson(content, path), path, 'top level');
  const deps = expectArray(top.dependencies, path, 'dependencies');
  const vulnerabilities: Vulnerability[] = [];
  const skipped: PipAuditResult['skipped'] = [];
  let ignoredCount = 0;
  deps.forEach((raw, i) => {
    const where = `dependencies[${i}]`;
    const d = expectRecord(raw, path, where);
    const name = nonEmpty(d.name, path, `${where}.name`);
    const skipReason = optionalString(d.skip_reason, path, `${where}.skip_reason`);
    if (skipReason !== null) {
      skipped.push({ name, reason: capMessage(skipReason) });
      return;
    }
    const version = nonEmpty(d.version, path, `${where}.version`);
    const vulns = expectArray(d.vulns, path, `${where}.vulns`);
    vulns.forEach((rawVuln, j) => {
      const w = `${where}.vulns[${j}]`;
      if (!isRecord(rawVuln)) throw new ReportError(path, `${w}: expected an object`);
      const id = nonEmpty(rawVuln.id, path, `${w}.id`);
      const aliases = rawVuln.aliases === undefined || rawVuln.aliases === null ? [] : expectStringArray(rawVuln.aliases, path, `${w}.aliases`);
      const fixVersions = expectStringArray(rawVuln.fix_versions ?? [], path, `${w}.fix_versions`);
      const description = optionalString(rawVuln.description, path, `${w}.description`) ?? '';
      if ([id, ...aliases].some((x) => ignored.has(normalizeId(x)))) {
        ignoredCount++;
        return;
      }
      vulnerabilities.push({
        package: name,
        version,
        id,
        aliases: [...new Set(aliases)].filter((a) => a !== id).sort(),
        fixVersions,
        description: capMessage(description),
      });
    });
  });
  return { vulnerabilities, skipped, ignoredCount };
}

function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}

function nonEmpty(v: unknown, path: string, where: string): string {
  const s = expectString(v, path, where);
  if (s.trim() === '') throw new ReportError(path, `${where}: empty`);
  if (/[\u0000-\u001f\u007f]/.test(s)) throw new ReportError(path, `${where}: control character in ${JSON.stringify(s.slice(0, 80))}`);
  if (s.length > 200) throw new ReportError(path, `${where}: longer than 200 characters`);
  return s;
}
