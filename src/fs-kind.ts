/** What is at a path, without throwing: symlinks are not followed unless asked (a link is `other`). */
import { lstatSync, statSync } from 'node:fs';

export function pathKind(path: string, followLinks = false): 'file' | 'directory' | 'other' | null {
  try {
    const s = followLinks ? statSync(path) : lstatSync(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  } catch {
    return null;
  }
}
