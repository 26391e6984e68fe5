import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { neutraliseCommands } from '../text/commands.js';

/**
 * Running the project's tools (SECURITY.md R2): argv only, never a shell; each child leads its own
 * process group so a timeout kills the whole tree; the environment loses the runner's secrets and
 * file-command paths; output is captured (stdout and stderr merged) and re-emitted inside a
 * `::stop-commands::<token>` fence.
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

  let child: ChildProcess;
  try {
    child = spawn(program, spec.argv.slice(1), {
      cwd: spec.cwd,
      env: spec.env,
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

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Merges stdout and stderr a whole line at a time, in the order the lines arrive, so that a partial
 * line of one stream is never glued to a line of the other (which could also hide a `::command` from
 * whoever reads the log). A partial line waits for its newline, up to 64 KiB (progress bars), and is
 * flushed at the end. Each stream is decoded as UTF-8 on its own, so a character split across reads
 * survives.
 */
class LineMerger {
  private readonly decoders = { out: new StringDecoder('utf8'), err: new StringDecoder('utf8') };
  private readonly pending = { out: '', err: '' };
  private last: 'out' | 'err' | null = null;
  private atLineStart = true;

  constructor(private readonly sink: TailBuffer) {}

  write(stream: 'out' | 'err', chunk: Buffer): void {
    const text = this.pending[stream] + this.decoders[stream].write(chunk);
    const cut = text.lastIndexOf('\n') + 1;
    if (cut > 0) this.emit(stream, text.slice(0, cut));
    const rest = text.slice(cut);
    if (rest.length > PARTIAL_LINE_LIMIT) {
      this.emit(stream, rest);
      this.pending[stream] = '';
    } else {
      this.pending[stream] = rest;
    }
  }

  end(): void {
    for (const stream of ['out', 'err'] as const) {
      this.emit(stream, this.pending[stream] + this.decoders[stream].end());
      this.pending[stream] = '';
    }
  }

  private emit(stream: 'out' | 'err', text: string): void {
    if (text === '') return;
    // A partial line flushed earlier is ended before the other stream continues.
    if (!this.atLineStart && this.last !== stream) this.sink.push('\n');
    this.sink.push(text);
    this.last = stream;
    this.atLineStart = text.endsWith('\n');
  }
}

const PARTIAL_LINE_LIMIT = 64 * 1024;

/** Keeps the last `limit` bytes (UTF-8) of what is pushed, and counts what it dropped. */
class TailBuffer {
  private pieces: string[] = [];
  private sizes: number[] = [];
  private head = 0;
  private kept = 0;
  private dropped = 0;

  constructor(readonly limit: number) {}

  push(s: string): void {
    if (s === '') return;
    const n = Buffer.byteLength(s, 'utf8');
    this.pieces.push(s);
    this.sizes.push(n);
    this.kept += n;
    // Drop whole pieces while the rest still covers the limit; the last partial cut happens in result().
    while (this.head < this.pieces.length - 1 && this.kept - this.sizes[this.head]! >= this.limit) {
      this.kept -= this.sizes[this.head]!;
      this.dropped += this.sizes[this.head]!;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.pieces.length) {
      this.pieces = this.pieces.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
  }

  result(): { text: string; dropped: number } {
    let text = this.pieces.slice(this.head).join('');
    let dropped = this.dropped;
    if (this.kept > this.limit) {
      const bytes = Buffer.from(text, 'utf8');
      let start = bytes.length - this.limit;
      // Do not start inside a multi-byte character.
      while (start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start++;
      dropped += start;
      text = bytes.subarray(start).toString('utf8');
    }
    return { text, dropped };
  }
}

// ---------------------------------------------------------------------------------------------------
// Environment (R2.6)

const REMOVED_NAMES = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
]);
const REMOVED_PREFIXES = ['ACTIONS_ID_TOKEN_REQUEST_', 'INPUT_'];

/** True for a variable a child must not see (compared case-insensitively: Windows keys are). */
export function isRemovedEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return REMOVED_NAMES.has(upper) || REMOVED_PREFIXES.some((p) => upper.startsWith(p));
}

/**
 * The environment for a tool: a copy of `parent` without the runner's tokens, service URLs, action
 * inputs and file-command paths (SECURITY.md R2.6), plus `extra`. Everything else (PATH, HOME,
 * GITHUB_WORKSPACE, GITHUB_SHA, CI, …) is kept. `extra` comes from the action itself; naming a removed
 * variable there is a programming error and throws. On Windows, where names are case-insensitive, an
 * `extra` entry replaces any differently-cased copy (`Path` vs `PATH`).
 */
export function childEnvironment(
  parent: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(parent)) {
    if (v !== undefined && !isRemovedEnvName(k)) env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (isRemovedEnvName(k)) throw new Error(`childEnvironment: ${k} must never be passed to a tool`);
    if (platform === 'win32') {
      for (const existing of Object.keys(env)) {
        if (existing.toUpperCase() === k.toUpperCase()) delete env[existing];
      }
    }
    env[k] = v;
  }
  return env;
}

// ---------------------------------------------------------------------------------------------------
// Fencing (R2.1, R2.2)

export interface LogSink {
  write(text: string): void;
}

export interface FenceOptions {
  /** Wrap in `::group::`/`::endgroup::`. Default: when running in GitHub Actions (`GITHUB_ACTIONS=true`). */
  group?: boolean;
}

/**
 * Writes a tool's captured output so the runner executes none of the workflow commands in it:
 *
 *     ::group::<title>            (in GitHub Actions; before the fence, or the runner would not act on it)
 *     ::stop-commands::<token>
 *     <output>
 *     ::<token>::                 (always written, from a `finally`)
 *     ::endgroup::                (after the resume line, for the same reason)
 *
 * The token is 16 random bytes, new on every call and created after the child has finished, so the
 * child can neither know nor print it.
 */
export function emitFenced(sink: LogSink, title: string, output: string, options: FenceOptions = {}): void {
  const group = options.group ?? process.env['GITHUB_ACTIONS'] === 'true';
  const token = randomBytes(16).toString('hex');
  if (group) sink.write(`::group::${groupTitle(title)}\n`);
  try {
    sink.write(`::stop-commands::${token}\n`);
    // The resume line must start a line of its own, or the runner never sees it.
    sink.write(output === '' || output.endsWith('\n') ? output : `${output}\n`);
  } finally {
    try {
      sink.write(`::${token}::\n`);
    } finally {
      if (group) sink.write('::endgroup::\n');
    }
  }
}

/**
 * A group title on one line that cannot act as a command. The runner splits lines at CR and LF and
 * decodes `%25`, `%0D`, `%0A` in command data: control characters become spaces, `%` is escaped so the
 * title shows as written, and `neutraliseCommands` defuses a leading `::` and any `##[`.
 */
function groupTitle(title: string): string {
  const oneLine = title.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
  return neutraliseCommands(oneLine.replace(/%/g, '%25'));
}

