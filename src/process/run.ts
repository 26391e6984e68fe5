import { spawn, type ChildProcess } from 'node:child_process';
import { killMarked, MARKER_VARIABLE, newMarker } from './tracker.js';
import { pathKind } from '../fs-kind.js';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { LineMerger, TailBuffer } from './output.js';

/**
 * Running the project's tools (SECURITY.md R2): argv only, never a shell; each child leads its own
 * process group so a timeout kills the whole tree; output is captured (stdout and stderr merged, see
 * `output.ts`). The child's environment is built by `env.ts` (R2.6); its output is re-emitted inside a
 * `::stop-commands::<token>` fence by `fence.ts` (R2.1, R2.2).
 */

export const DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_STDOUT_BYTES = 32 * 1024 * 1024;
export const DEFAULT_GRACE_MS = 2000;

export interface ProcessSpec {
  /** The program and its arguments. argv[0] is looked up on `env.PATH`; nothing is interpreted by a shell. */
  argv: string[];
  cwd: string;
  /** The child's whole environment; build it with `childEnvironment`. */
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Output beyond this many bytes (UTF-8) is dropped from the head; the tail is kept. Default 8 MiB. */
  maxOutputBytes?: number;
  /** The same for `stdout` kept on its own (for tools whose stdout is JSON to parse). Default 32 MiB. */
  maxStdoutBytes?: number;
  stdin?: 'ignore';
  /** Cancels the run (fail-fast): the tree is killed as on a timeout and `cancelled` is set. */
  signal?: AbortSignal;
  /**
   * How long SIGTERM may take before SIGKILL, and how long pipes held open by leftover processes are
   * waited for after the tool itself exited. Default 2000 ms.
   */
  graceMs?: number;
}

export interface ProcessResult {
  /** The exit code, or null when the process was killed by a signal or never started. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** True when `spec.signal` aborted the run. */
  cancelled: boolean;
  /** Why the program could not be started at all ("command not found: ruff"), else null. */
  spawnError: string | null;
  /**
   * stdout and stderr merged line by line in arrival order (decoded as UTF-8), plus `[nebula-gate]`
   * notes. Across the two pipes the order is only as good as the child's flushing and the reads.
   */
  output: string;
  /** Bytes of output dropped from the head to keep within `maxOutputBytes` (0 when none). */
  droppedBytes: number;
  /**
   * stdout alone, exactly as written (decoded as UTF-8), for tools whose stdout is data. When
   * `stdoutDroppedBytes` > 0 its head was dropped and it should not be parsed.
   */
  stdout: string;
  stdoutDroppedBytes: number;
  durationMs: number;
}

/** The process runner as a value, so checks can be given a fake one in tests. */
export type Runner = (spec: ProcessSpec) => Promise<ProcessResult>;

const NOTE = '[nebula-gate]';
const MAX_TIMER_MS = 2 ** 31 - 1;
const isWindows = process.platform === 'win32';

/**
 * Runs one program and collects its merged output. Never throws for a tool's failure: a non-zero
 * exit, a timeout, a missing binary or a cancellation are all data in the result.
 *
 * On POSIX the child is spawned `detached`, i.e. in a new session whose process group id is its pid,
 * so `kill(-pid)` reaches every descendant that did not start its own session. On timeout or abort:
 * SIGTERM to the group, SIGKILL after `graceMs`; the promise resolves when the pipes close, or shortly
 * after the SIGKILL even if something still holds them. When the tool exits on its own, anything it left
 * behind in its group is killed too, and pipes still held open after `graceMs` stop being waited for.
 * On Windows (no process groups) the tree is killed with `taskkill /T /F`.
 */
export function runProcess(spec: ProcessSpec): Promise<ProcessResult> {
  const started = performance.now();
  const graceMs = spec.graceMs ?? DEFAULT_GRACE_MS;
  const output = new TailBuffer(spec.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
  const stdout = new TailBuffer(spec.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES);
  const stdoutDecoder = new StringDecoder('utf8');
  const notes: string[] = [];
  const program = spec.argv[0];

  const early = (spawnError: string | null, cancelled: boolean): Promise<ProcessResult> =>
    Promise.resolve({
      exitCode: null,
      signal: null,
      timedOut: false,
      cancelled,
      spawnError,
      output: '',
      droppedBytes: 0,
      stdout: '',
      stdoutDroppedBytes: 0,
      durationMs: Math.round(performance.now() - started),
    });

  if (program === undefined || program === '') return early('empty command', false);
  if (spec.signal?.aborted) return early(null, true);

  // Every descendant inherits the marker, so the ones that leave the process group can be found (tracker.ts).
  const marker = isWindows ? null : newMarker();
  let child: ChildProcess;
  try {
    child = spawn(program, spec.argv.slice(1), {
      cwd: spec.cwd,
      env: marker === null ? spec.env : { ...spec.env, [MARKER_VARIABLE]: marker },
      shell: false,
      detached: !isWindows,
      windowsHide: true,
      stdio: [spec.stdin ?? 'ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    // Synchronous failures: a NUL byte in argv, EINVAL for .bat/.cmd on Windows, bad option types.
    return early(describeSpawnError(e, program, spec.cwd), false);
  }

  return new Promise<ProcessResult>((resolve) => {
    let done = false;
    let exitCode: number | null = null;
    let exitSignal: string | null = null;
    let exited = false;
    let timedOut = false;
    let cancelled = false;
    let killing = false;
    const timers = new Set<NodeJS.Timeout>();
    const later = (ms: number, fn: () => void): void => {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
    };

    const merged = new LineMerger(output);
    child.stdout?.on('data', (b: Buffer) => {
      merged.write('out', b);
      stdout.push(stdoutDecoder.write(b));
    });
    child.stderr?.on('data', (b: Buffer) => merged.write('err', b));
    // A destroyed or broken pipe must not become an uncaught exception.
    child.stdout?.on('error', () => undefined);
    child.stderr?.on('error', () => undefined);

    const finish = (spawnError: string | null = null): void => {
      if (done) return;
      done = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      spec.signal?.removeEventListener('abort', onAbort);
      // Whatever left the group (a new session) but still carries this run's marker goes too.
      const escaped = marker === null ? 0 : killMarked(marker, child.pid ?? null);
      if (escaped > 0) notes.push(`${escaped} process${escaped === 1 ? '' : 'es'} that left the tool's process group (a new session) ${escaped === 1 ? 'was' : 'were'} killed`);
      child.stdout?.destroy();
      child.stderr?.destroy();
      merged.end();
      stdout.push(stdoutDecoder.end());
      const data = stdout.result();
      const { text, dropped } = output.result();
      let out = text;
      if (dropped > 0) out = `${NOTE} ${dropped} bytes of earlier output dropped (limit ${output.limit} bytes)\n${out}`;
      if (notes.length > 0) out += `${out === '' || out.endsWith('\n') ? '' : '\n'}${notes.map((n) => `${NOTE} ${n}\n`).join('')}`;
      resolve({
        exitCode,
        signal: exitSignal,
        timedOut,
        cancelled,
        spawnError,
        output: out,
        droppedBytes: dropped,
        stdout: data.text,
        stdoutDroppedBytes: data.dropped,
        durationMs: Math.round(performance.now() - started),
      });
    };

    const stop = (why: 'timeout' | 'abort'): void => {
      // Once the tool has exited on its own, neither a late timeout nor an abort changes its result.
      if (done || killing || exited) return;
      killing = true;
      if (why === 'timeout') {
        timedOut = true;
        notes.push(`timed out after ${spec.timeoutMs} ms; process tree killed`);
      } else {
        cancelled = true;
        notes.push('cancelled; process tree killed');
      }
      killTree(child, 'SIGTERM');
      later(graceMs, () => {
        killTree(child, 'SIGKILL');
        // Normally 'close' follows at once. If not (a process stuck in the kernel, or a descendant that
        // escaped the group still holding the pipes), stop waiting: never hang the gate.
        later(500, () => finish());
      });
    };

    function onAbort(): void {
      stop('abort');
    }

    child.on('error', (e) => {
      // After a successful spawn, 'error' only reports a failed kill(); that is handled by killTree.
      if (child.pid === undefined) finish(describeSpawnError(e, program, spec.cwd));
    });

    child.on('exit', (code, sig) => {
      exited = true;
      exitCode = code;
      exitSignal = sig;
      clearTimeout(deadline);
      if (killing) return; // the kill sequence already bounds the wait
      later(graceMs, () => {
        // The tool is gone but something it started still holds stdout/stderr open.
        notes.push('processes left behind by the tool kept its output open; they were killed');
        killGroup(child, 'SIGKILL');
        // 'close' normally follows at once, with whatever was still in the pipes.
        later(500, () => finish());
      });
    });

    child.on('close', () => {
      // Whatever the tool left running in its group (daemons, stray workers) goes with it.
      if (exited) killGroup(child, 'SIGKILL');
      finish();
    });

    // setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): clamp rather than time out.
    const deadline = setTimeout(() => stop('timeout'), Math.min(spec.timeoutMs, MAX_TIMER_MS));
    timers.add(deadline);
    spec.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Signals the child's whole tree: its process group on POSIX, `taskkill /T /F` on Windows. */
function killTree(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): void {
  if (child.pid === undefined) return;
  if (isWindows) {
    // Console programs ignore a polite taskkill, so both stages force. taskkill by absolute path:
    // a PATH entry must not decide which program kills the tree.
    const taskkill = join(process.env['SystemRoot'] ?? 'C:\\Windows', 'System32', 'taskkill.exe');
    try {
      const k = spawn(taskkill, ['/T', '/F', '/PID', String(child.pid)], { stdio: 'ignore', windowsHide: true });
      k.on('error', () => child.kill(signal));
    } catch {
      child.kill(signal);
    }
    return;
  }
  if (!killGroup(child, signal)) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** kill(-pid): the group the detached child leads. False when there is no such group (or on Windows). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (isWindows || child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is empty
  }
}

function describeSpawnError(e: unknown, program: string, cwd: string): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'ENOENT') {
    // Node reports a missing cwd as ENOENT of the command too; say which one it was.
    if (!isDirectory(cwd)) return `working directory not found: ${cwd}`;
    return `command not found: ${program}`;
  }
  if (code === 'EACCES') return `permission denied: ${program}`;
  const message = e instanceof Error ? e.message : String(e);
  return `could not start ${program}: ${message}`;
}

const isDirectory = (p: string): boolean => pathKind(p, true) === 'directory';
