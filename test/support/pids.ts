/** Whether a process is still running, for the tests that prove a process tree was killed. */
import { existsSync, readFileSync } from 'node:fs';

/**
 * True while `pid` names a running process. A zombie (killed, not yet reaped — an init that never reaps keeps
 * them) or a dead one is not running: on Linux its state letter in /proc/PID/stat (after the last `)`, as the
 * command name may hold one) is Z or X. Without /proc, `kill(pid, 0)` is all there is to go by.
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync('/proc')) return true;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false; // it exited between the two calls
  }
  const state = stat.charAt(stat.lastIndexOf(')') + 2);
  return state !== 'Z' && state !== 'X';
}
