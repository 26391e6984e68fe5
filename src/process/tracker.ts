/**
 * Processes that left the process group. A tool's children share its group, which the runner kills; a child that
 * calls `setsid()` (a daemon) leaves it and would outlive its check — and could rewrite the reports or the shard
 * files after the step. Each run therefore carries a marker in its environment, inherited by every descendant
 * (the way the Actions runner tracks a job's processes with RUNNER_TRACKING_ID), and when the run ends every
 * process still carrying it is killed.
 *
 * What this cannot track: a descendant that replaced its environment (`env -i`, execve with a fresh one) or
 * started in another PID namespace; on systems without /proc (macOS, Windows) only the process group is killed.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export const MARKER_VARIABLE = 'NEBULA_GATE_PROCESS_MARK';

export const newMarker = (): string => randomBytes(12).toString('hex');

/** The process group of `pid` from /proc/<pid>/stat (after the command name, which may hold spaces and parens). */
function groupOf(pid: string, proc: string): number | null {
  try {
    const stat = readFileSync(`${proc}/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[2]);
  } catch {
    return null;
  }
}

/**
 * Pids under `/proc` whose environment holds `MARKER_VARIABLE=marker`, outside process group `group` (the group
 * kill already took those); the caller's own pid excluded.
 */
export function markedProcesses(marker: string, group: number | null = null, proc = '/proc'): number[] {
  let entries: string[];
  try {
    entries = readdirSync(proc);
  } catch {
    return [];
  }
  const needle = Buffer.from(`${MARKER_VARIABLE}=${marker}\0`);
  const found: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const environ = readFileSync(`${proc}/${name}/environ`);
      // environ is NUL-separated; the marker may be the first entry, or follow a NUL.
      const marked = environ.subarray(0, needle.length).equals(needle) || environ.includes(Buffer.concat([Buffer.from('\0'), needle]));
      if (marked && (group === null || groupOf(name, proc) !== group)) found.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** SIGKILLs every process still carrying the marker outside `group`; returns how many there were. */
export function killMarked(marker: string, group: number | null = null, proc = '/proc'): number {
  let killed = 0;
  for (const pid of markedProcesses(marker, group, proc)) {
    try {
      process.kill(pid, 'SIGKILL');
      killed++;
    } catch {
      // already gone
    }
  }
  return killed;
}
