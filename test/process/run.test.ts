import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess, type ProcessSpec } from '../../src/process/run.js';
import { alive } from '../support/pids.js';
import { pyIn, specIn } from './helpers.js';

// Real processes throughout: python3 and sh run the child programs (a shell is fine in the test's own
// children; runProcess itself never uses one).

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nebula-process-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const spec = (argv: string[], over: Partial<ProcessSpec> = {}): ProcessSpec => specIn(dir, argv, over);
const py = (code: string, over: Partial<ProcessSpec> = {}): ProcessSpec => pyIn(dir, code, over);

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  chmodSync(path, 0o755);
  return path;
}

async function waitUntilDead(pid: number, ms = 2000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

async function readPid(path: string, ms = 5000): Promise<number> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const n = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(n) && n > 0) return n;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no pid in ${path}`);
}

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

describe('runProcess', () => {
  it('reports exit codes as data', async () => {
    const ok = await runProcess(py('print("hello")'));
    expect(ok).toMatchObject({ exitCode: 0, signal: null, timedOut: false, cancelled: false, spawnError: null });
    expect(ok.output).toBe('hello\n');
    expect(ok.durationMs).toBeGreaterThanOrEqual(0);

    const failed = await runProcess(py('import sys; sys.exit(3)'));
    expect(failed.exitCode).toBe(3);
    expect(failed.spawnError).toBeNull();
  });

  it('runs argv without a shell: metacharacters reach the program verbatim', async () => {
    const tricky = ['$HOME', '`id`', 'a; echo pwned', '*', '"q"', "it's", ''];
    const r = await runProcess(spec(['python3', '-c', 'import sys, json; print(json.dumps(sys.argv[1:]))', ...tricky]));
    expect(JSON.parse(r.output)).toEqual(tricky);
  });

  it('merges stdout and stderr in arrival order', async () => {
    const code = [
      'import sys, time',
      'for i in range(6):',
      '    s = sys.stdout if i % 2 == 0 else sys.stderr',
      '    s.write(f"line{i}\\n"); s.flush(); time.sleep(0.05)',
    ].join('\n');
    const r = await runProcess(py(code));
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe('line0\nline1\nline2\nline3\nline4\nline5\n');
  });

  it('never glues a partial line of one stream to a line of the other', async () => {
    const code = [
      'import sys, time',
      'sys.stdout.write("progress 1/2 "); sys.stdout.flush(); time.sleep(0.05)',
      'sys.stderr.write("::warning::from stderr\\n"); sys.stderr.flush(); time.sleep(0.05)',
      'sys.stdout.write("2/2\\n"); sys.stdout.flush(); time.sleep(0.05)',
      'sys.stdout.write("tail without newline"); sys.stdout.flush(); time.sleep(0.05)',
      'sys.stderr.write("err tail without newline")',
    ].join('\n');
    const r = await runProcess(py(code));
    expect(r.output).toBe('::warning::from stderr\nprogress 1/2 2/2\ntail without newline\nerr tail without newline');
  });

  it('also keeps stdout on its own, for tools whose stdout is data', async () => {
    const code = 'import sys, json\nsys.stderr.write("warning: noise\\n"); sys.stderr.flush()\nprint(json.dumps({"a": [1, 2]}))\nsys.stderr.write("more noise\\n")';
    const r = await runProcess(py(code));
    expect(JSON.parse(r.stdout)).toEqual({ a: [1, 2] });
    expect(r.stdoutDroppedBytes).toBe(0);
    expect(r.output).toContain('warning: noise\n');
    expect(r.output).toContain('{"a": [1, 2]}\n');

    const big = await runProcess(py('print("x" * 5000)', { maxStdoutBytes: 100 }));
    expect(big.stdoutDroppedBytes).toBe(4901);
    expect(big.stdout).toBe(`${'x'.repeat(99)}\n`);
    expect(big.droppedBytes).toBe(0);
  });

  it('treats a timeout beyond the timer range as no timeout, not as an immediate one', async () => {
    const r = await runProcess(py('import time; time.sleep(0.2); print("ok")', { timeoutMs: 1e12 }));
    expect(r).toMatchObject({ timedOut: false, exitCode: 0, output: 'ok\n' });
  });

  it('names a missing binary instead of throwing', async () => {
    const r = await runProcess(spec(['nebula-no-such-tool-xyz', '--version']));
    expect(r.spawnError).toBe('command not found: nebula-no-such-tool-xyz');
    expect(r.exitCode).toBeNull();
    expect(r.timedOut).toBe(false);
  });

  it('tells a missing working directory apart from a missing command', async () => {
    const r = await runProcess(spec(['python3', '-c', 'pass'], { cwd: join(dir, 'does-not-exist') }));
    expect(r.spawnError).toBe(`working directory not found: ${join(dir, 'does-not-exist')}`);
  });

  it('reports a file that is not executable as permission denied', async () => {
    const path = join(dir, 'not-executable.sh');
    writeFileSync(path, '#!/bin/sh\necho hi\n');
    chmodSync(path, 0o644);
    const r = await runProcess(spec([path]));
    expect(r.spawnError).toBe(`permission denied: ${path}`);
  });

  it('returns an error for an empty argv and for a NUL byte in an argument', async () => {
    expect((await runProcess(spec([]))).spawnError).toBe('empty command');
    const r = await runProcess(spec(['python3', 'a\0b']));
    expect(r.spawnError).toMatch(/^could not start python3: /);
  });

  it('keeps the tail of output beyond maxOutputBytes and says how much was dropped', async () => {
    // 2000 lines of 10 bytes, across many pipe reads, from both streams.
    const code = [
      'import sys',
      'for i in range(2000):',
      '    s = sys.stdout if i % 3 else sys.stderr',
      '    s.write("%09d\\n" % i); s.flush()',
    ].join('\n');
    const r = await runProcess(py(code, { maxOutputBytes: 1000 }));
    expect(r.exitCode).toBe(0);
    expect(r.droppedBytes).toBe(20_000 - 1000);
    expect(r.output).toMatch(/^\[nebula-gate\] 19000 bytes of earlier output dropped \(limit 1000 bytes\)\n/);
    const body = r.output.slice(r.output.indexOf('\n') + 1);
    expect(Buffer.byteLength(body)).toBe(1000);
    // Which stream a line came from decides only its place among neighbours, not what is kept.
    expect(body.split('\n').slice(0, -1).every((l) => /^\d{9}$/.test(l))).toBe(true);
  });

  it('keeps exactly the last bytes of a single stream', async () => {
    const code = 'import sys\nfor i in range(2000):\n    sys.stdout.write("%09d\\n" % i)';
    const r = await runProcess(py(code, { maxOutputBytes: 1000 }));
    expect(r.droppedBytes).toBe(19_000);
    const body = r.output.slice(r.output.indexOf('\n') + 1);
    expect(body.startsWith('000001900\n')).toBe(true);
    expect(body.endsWith('000001999\n')).toBe(true);
  });

  it('never starts the kept tail inside a multi-byte character', async () => {
    // "é" is 2 bytes: an odd limit would cut one in half.
    const r = await runProcess(py('import sys; sys.stdout.write("é" * 1000)', { maxOutputBytes: 101 }));
    const body = r.output.slice(r.output.indexOf('\n') + 1);
    expect(body).toBe('é'.repeat(50));
    expect(r.droppedBytes).toBe(2000 - 100);
  });

  it('decodes a character split across pipe reads', async () => {
    const code = 'import sys, time\nb = "ü".encode()\nsys.stdout.buffer.write(b[:1]); sys.stdout.flush(); time.sleep(0.1)\nsys.stdout.buffer.write(b[1:]); sys.stdout.flush()';
    expect((await runProcess(py(code))).output).toBe('ü');
  });

  posixOnly('killing the process tree', () => {
    it('kills a hanging tool and the grandchild it started on timeout', async () => {
      const pidFile = join(dir, 'grandchild-1.pid');
      const hang = script(
        'hang.sh',
        `#!/bin/sh\nsleep 1000 &\necho $! > '${pidFile}'\necho started\nsleep 1000\n`,
      );
      const timeoutMs = 1000;
      const graceMs = 2000;
      const t0 = Date.now();
      const pending = runProcess(spec([hang], { timeoutMs, graceMs }));
      const grandchild = await readPid(pidFile);
      expect(alive(grandchild)).toBe(true);
      const r = await pending;
      expect(Date.now() - t0).toBeLessThan(timeoutMs + graceMs + 1000);
      expect(r.timedOut).toBe(true);
      expect(r.exitCode).toBeNull();
      expect(r.signal).toBe('SIGTERM');
      expect(r.output).toContain('started\n');
      expect(r.output).toContain('[nebula-gate] timed out after 1000 ms; process tree killed');
      expect(await waitUntilDead(grandchild)).toBe(true);
    });

    it('escalates to SIGKILL when the tree ignores SIGTERM and still holds the pipes', async () => {
      const pidFile = join(dir, 'grandchild-2.pid');
      const stubborn = script(
        'stubborn.sh',
        [
          '#!/bin/sh',
          "trap '' TERM",
          `python3 -c "import os, signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); open('${pidFile}', 'w').write(str(os.getpid())); time.sleep(1000)" &`,
          'while :; do sleep 1; done',
          '',
        ].join('\n'),
      );
      const timeoutMs = 500;
      const graceMs = 1000;
      const t0 = Date.now();
      const pending = runProcess(spec([stubborn], { timeoutMs, graceMs }));
      const grandchild = await readPid(pidFile);
      const r = await pending;
      const took = Date.now() - t0;
      expect(took).toBeGreaterThanOrEqual(timeoutMs + graceMs - 50);
      expect(took).toBeLessThan(timeoutMs + graceMs + 1000);
      expect(r.timedOut).toBe(true);
      expect(r.signal).toBe('SIGKILL');
      expect(await waitUntilDead(grandchild)).toBe(true);
    });

    it('stops waiting for pipes held open by something the tool left behind, and kills it', async () => {
      const pidFile = join(dir, 'grandchild-3.pid');
      const leaver = script(
        'leaver.sh',
        `#!/bin/sh\nsleep 1000 &\necho $! > '${pidFile}'\necho bye\nexit 4\n`,
      );
      const t0 = Date.now();
      const r = await runProcess(spec([leaver], { timeoutMs: 20_000, graceMs: 500 }));
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(r.exitCode).toBe(4);
      expect(r.timedOut).toBe(false);
      expect(r.output).toBe(
        'bye\n[nebula-gate] processes left behind by the tool kept its output open; they were killed\n',
      );
      expect(await waitUntilDead(await readPid(pidFile))).toBe(true);
    });

    it('cleans up a leftover process that does not hold the pipes', async () => {
      const pidFile = join(dir, 'grandchild-4.pid');
      const daemon = script(
        'daemon.sh',
        `#!/bin/sh\nsleep 1000 >/dev/null 2>&1 &\necho $! > '${pidFile}'\nexit 0\n`,
      );
      const r = await runProcess(spec([daemon], { graceMs: 5000 }));
      expect(r.exitCode).toBe(0);
      expect(r.output).toBe('');
      expect(await waitUntilDead(await readPid(pidFile))).toBe(true);
    });

    it('kills a daemon that left the process group (setsid), found by the marker in its environment', async () => {
      const pidFile = join(dir, 'daemon-setsid.pid');
      // The daemon writes a file 2 s later: the way a conftest would rewrite reports after its step.
      const late = join(dir, 'written-after-the-step');
      const code = [
        'import os, sys, time',
        'if os.fork() == 0:',
        '    os.setsid()',
        '    if os.fork() == 0:',
        `        open(${JSON.stringify(pidFile)}, "w").write(str(os.getpid()))`,
        '        for fd in (0, 1, 2): os.close(fd)',
        '        time.sleep(2)',
        `        open(${JSON.stringify(late)}, "w").write("forged")`,
        '        time.sleep(1000)',
        '    os._exit(0)',
        'time.sleep(0.5)',
        'print("bye")',
      ].join('\n');
      const r = await runProcess(py(code, { graceMs: 500 }));
      expect(r.exitCode).toBe(0);
      const daemon = await readPid(pidFile);
      expect(process.platform !== 'linux' || (await waitUntilDead(daemon))).toBe(true);
      if (process.platform === 'linux') {
        expect(r.output).toContain("[nebula-gate] 1 process that left the tool's process group (a new session) was killed");
        await new Promise((done) => setTimeout(done, 2500));
        expect(() => readFileSync(late)).toThrow();
      }
    });

    it('cancels through an AbortSignal and kills the tree', async () => {
      const pidFile = join(dir, 'grandchild-5.pid');
      const hang = script('hang2.sh', `#!/bin/sh\nsleep 1000 &\necho $! > '${pidFile}'\nsleep 1000\n`);
      const controller = new AbortController();
      const t0 = Date.now();
      const pending = runProcess(spec([hang], { signal: controller.signal, timeoutMs: 60_000 }));
      const grandchild = await readPid(pidFile);
      controller.abort();
      const r = await pending;
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(r).toMatchObject({ cancelled: true, timedOut: false, exitCode: null });
      expect(r.output).toContain('[nebula-gate] cancelled; process tree killed');
      expect(await waitUntilDead(grandchild)).toBe(true);
    });

    it('does not start at all when already aborted', async () => {
      const marker = join(dir, 'should-not-exist');
      const controller = new AbortController();
      controller.abort();
      const r = await runProcess(py(`open(${JSON.stringify(marker)}, "w")`, { signal: controller.signal }));
      expect(r).toMatchObject({ cancelled: true, exitCode: null, spawnError: null, output: '' });
      expect(() => readFileSync(marker)).toThrow();
    });
  });
});
