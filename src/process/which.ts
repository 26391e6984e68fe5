/** Where a program named without a path would be found on a PATH, as `spawn` would find it; null when nowhere. */
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathKind } from '../fs-kind.js';

export function which(program: string, pathVariable: string | undefined, platform: NodeJS.Platform = process.platform): string | null {
  if (program.includes('/') || (platform === 'win32' && program.includes('\\'))) return program;
  const extensions = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (pathVariable ?? '').split(platform === 'win32' ? ';' : delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue; // a relative PATH entry depends on the cwd: never trust it
    for (const ext of extensions) {
      const candidate = join(dir, program + ext);
      if (pathKind(candidate, true) !== 'file') continue;
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not executable: keep looking, as the shell would
      }
    }
  }
  return null;
}
