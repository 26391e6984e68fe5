/**
 * Path helpers shared by the report parsers: every path in the model is relative to the project root with
 * POSIX separators, whatever the platform the report was written on.
 */
import { posix } from 'node:path';

/** Backslashes to slashes; a Windows drive letter lower-cased so `C:/x` and `c:/x` compare equal. */
export function toPosix(p: string): string {
  const s = p.replace(/\\/g, '/');
  return /^[A-Za-z]:\//.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Absolute on any platform: `/x`, `C:/x`, `//server/share`. */
export function isAbsolutePath(p: string): boolean {
  const s = toPosix(p);
  return s.startsWith('/') || /^[a-z]:\//.test(s);
}

/** `a` joined to `b` in POSIX form (`b` wins when it is absolute). */
export function joinPosix(a: string, b: string): string {
  const pb = toPosix(b);
  if (isAbsolutePath(pb)) return posix.normalize(pb);
  return posix.normalize(posix.join(toPosix(a), pb));
}

/** Whether `p` (absolute) is `root` or inside it. */
export function isUnder(p: string, root: string): boolean {
  const rel = posix.relative(toPosix(root), toPosix(p));
  return rel === '' || (!rel.startsWith('../') && rel !== '..' && !isAbsolutePath(rel));
}

/**
 * A path from a report made relative to the project root, POSIX separators, no `./`. A relative path is taken
 * as relative to the root already. Returns null for an empty path, a NUL byte, or a path outside the root.
 */
export function toProjectPath(file: string, projectRoot: string): string | null {
  if (file === '' || file.includes('\0')) return null;
  const root = posix.normalize(toPosix(projectRoot));
  let rel: string;
  if (isAbsolutePath(file)) {
    const abs = posix.normalize(toPosix(file));
    if (!isAbsolutePath(root)) return null;
    rel = posix.relative(root, abs);
  } else {
    rel = posix.normalize(toPosix(file));
  }
  if (rel.startsWith('./')) rel = rel.slice(2);
  if (rel === '' || rel === '.' || rel === '..' || rel.startsWith('../') || isAbsolutePath(rel)) return null;
  return rel;
}
