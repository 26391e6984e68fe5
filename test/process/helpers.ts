import type { ProcessSpec } from '../../src/process/run.js';
import { childEnvironment } from '../../src/process/env.js';

/** The test process's own environment, scrubbed as every tool's is. */
export const baseEnv = childEnvironment(process.env);

/** A spec that runs `argv` in `cwd` with `baseEnv` and a 30 s timeout; `over` replaces any field. */
export function specIn(cwd: string, argv: string[], over: Partial<ProcessSpec> = {}): ProcessSpec {
  return { argv, cwd, env: baseEnv, timeoutMs: 30_000, ...over };
}

/** The same for `python3 -c code`. */
export function pyIn(cwd: string, code: string, over: Partial<ProcessSpec> = {}): ProcessSpec {
  return specIn(cwd, ['python3', '-c', code], over);
}
