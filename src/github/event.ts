/** The runner's event payload (GITHUB_EVENT_PATH), read once per run; {} when there is none or it is not JSON. */
import { existsSync, readFileSync } from 'node:fs';

export function readEventFile(env: NodeJS.ProcessEnv): unknown {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return {};
  }
}
