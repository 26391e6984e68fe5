import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  childEnvironment,
  emitFenced,
  isRemovedEnvName,
  runProcess,
  type LogSink,
  type ProcessSpec,
} from '../../src/checks/process.js';
import { alive } from '../support/pids.js';

import { splitArgs } from '../../src/text/split-args.js';
// Real processes throughout: python3 and sh run the child programs (a shell is fine in the test's own
// children; runProcess itself never uses one).

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nebula-process-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const baseEnv = childEnvironment(process.env);

function spec(argv: string[], over: Partial<ProcessSpec> = {}): ProcessSpec {
  return { argv, cwd: dir, env: baseEnv, timeoutMs: 30_000, ...over };
}

function py(code: string, over: Partial<ProcessSpec> = {}): ProcessSpec {
  return spec(['python3', '-c', code], over);
}

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

describe('childEnvironment', () => {
  const removed = {
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_CACHE_URL: 'https://cache',
    ACTIONS_RESULTS_URL: 'https://results',
    ACTIONS_RUNTIME_URL: 'https://runtime',
    ACTIONS_CACHE_SERVICE_V2: 'True',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token',
    INPUT_GITHUB_TOKEN: 'ghs_input',
    'INPUT_EXTRA-ARGS': '-x',
    GITHUB_TOKEN: 'ghs_secret',
    GH_TOKEN: 'ghs_secret2',
    GITHUB_OUTPUT: '/runner/out',
    GITHUB_ENV: '/runner/env',
    GITHUB_PATH: '/runner/path',
    GITHUB_STATE: '/runner/state',
    GITHUB_STEP_SUMMARY: '/runner/summary',
    // Windows-style spellings
    Github_Token: 'ghs_mixed',
    input_lower: 'x',
    Actions_Id_Token_Request_Url: 'https://oidc2',
  };
  const kept = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: '/home/runner',
    GITHUB_WORKSPACE: '/work',
    GITHUB_SHA: 'abc123',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'o/r',
    CI: 'true',
    RUNNER_TEMP: '/tmp/runner',
  };

  it('drops tokens, service URLs, inputs and file-command paths; keeps the rest', () => {
    const env = childEnvironment({ ...removed, ...kept, UNSET: undefined });
    expect(env).toEqual(kept);
  });

  it('adds extra variables but refuses removed ones', () => {
    expect(childEnvironment({ PATH: '/bin' }, { UV_NO_PROGRESS: '1' })).toEqual({ PATH: '/bin', UV_NO_PROGRESS: '1' });
    expect(() => childEnvironment({}, { GITHUB_TOKEN: 'x' })).toThrow(/GITHUB_TOKEN/);
    expect(() => childEnvironment({}, { input_x: 'x' })).toThrow(/input_x/);
  });

  it('on Windows an extra replaces a differently-cased copy', () => {
    expect(childEnvironment({ Path: 'C:\\a' }, { PATH: 'C:\\b' }, 'win32')).toEqual({ PATH: 'C:\\b' });
    expect(childEnvironment({ Path: '/a' }, { PATH: '/b' }, 'linux')).toEqual({ Path: '/a', PATH: '/b' });
  });

  it('matches names case-insensitively', () => {
    for (const k of Object.keys(removed)) {
      expect(isRemovedEnvName(k)).toBe(true);
      expect(isRemovedEnvName(k.toLowerCase())).toBe(true);
    }
    for (const k of Object.keys(kept)) expect(isRemovedEnvName(k)).toBe(false);
  });

  it('is what a real child sees', async () => {
    const env = childEnvironment({ ...process.env, ...removed, ...kept, PATH: process.env['PATH'] ?? '' });
    // Node, not python3: a pyenv shim would put its own directories on PATH.
    const r = await runProcess(spec([process.execPath, '-e', 'process.stdout.write(JSON.stringify(process.env))'], { env }));
    expect(r.exitCode).toBe(0);
    const seen = JSON.parse(r.output) as Record<string, string>;
    for (const k of Object.keys(removed)) expect(seen).not.toHaveProperty(k);
    for (const name of Object.keys(seen)) expect(isRemovedEnvName(name)).toBe(false);
    expect(seen['PATH']).toBe(process.env['PATH']);
    expect(seen['GITHUB_WORKSPACE']).toBe('/work');
    expect(seen['GITHUB_SHA']).toBe('abc123');
  });
});

describe('emitFenced', () => {
  class BufferSink implements LogSink {
    text = '';
    write(t: string): void {
      this.text += t;
    }
  }

  const hostile = [
    '::set-output name=x::y',
    '::add-mask::secret',
    '::stop-commands::abc',
    '##[error]x',
    '  ::warning file=a.py::indented',
    'text ##[set-env name=A;]b',
    '::abc::',
    '::endgroup::',
  ];

  /** Lines the runner would treat as a command: `::` after leading whitespace, or `##[` anywhere. */
  const looksLikeCommand = (line: string): boolean => line.trimStart().startsWith('::') || line.includes('##[');

  it('puts every command-like line of a real child strictly inside the fence', async () => {
    const code = [
      'import sys, json',
      `lines = ${JSON.stringify(hostile)}`,
      'for l in lines:',
      '    sys.stdout.write(l + "\\n"); sys.stdout.flush()',
      '    sys.stderr.write(l + "\\r\\n"); sys.stderr.flush()',
      'sys.stdout.write("no newline at the end ::x::")',
    ].join('\n');
    const r = await runProcess(py(code));
    expect(r.exitCode).toBe(0);
    const envDump = await runProcess(py('import os, json; print(json.dumps(dict(os.environ)))'));

    for (const group of [true, false]) {
      const sink = new BufferSink();
      emitFenced(sink, 'ruff check', r.output, { group });
      const lines = sink.text.split(/\r\n|\r|\n/);
      const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
      const token = lines[stop]!.slice('::stop-commands::'.length);
      expect(token).toMatch(/^[0-9a-f]{32}$/);
      const resume = lines.indexOf(`::${token}::`);
      expect(stop).toBeGreaterThanOrEqual(0);
      expect(resume).toBeGreaterThan(stop);
      // The token appears nowhere but in the two fence lines, and the child never had it.
      expect(r.output).not.toContain(token);
      expect(envDump.output).not.toContain(token);
      expect(sink.text.split(token).length - 1).toBe(2);

      const inside = new Set<number>();
      lines.forEach((l, i) => {
        if (looksLikeCommand(l)) inside.add(i);
      });
      const fenceLines = new Set([stop, resume]);
      if (group) {
        expect(lines[0]).toBe('::group::ruff check');
        expect(stop).toBe(1);
        expect(lines[resume + 1]).toBe('::endgroup::');
        fenceLines.add(0).add(resume + 1);
      } else {
        expect(stop).toBe(0);
        expect(sink.text).not.toContain('::group::');
        expect(sink.text.endsWith(`::${token}::\n`)).toBe(true);
      }
      const commandLines = [...inside].filter((i) => !fenceLines.has(i));
      expect(commandLines.length).toBe(hostile.length * 2);
      for (const i of commandLines) {
        expect(i).toBeGreaterThan(stop);
        expect(i).toBeLessThan(resume);
      }
    }
  });

  it('uses a new token on every call', () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const sink = new BufferSink();
      emitFenced(sink, 't', 'x', { group: false });
      tokens.add(sink.text.split('\n')[0]!);
    }
    expect(tokens.size).toBe(50);
  });

  it('writes the resume line (and endgroup) even when writing the output throws', () => {
    const written: string[] = [];
    const sink: LogSink = {
      write(t: string) {
        if (t.includes('boom')) throw new Error('sink failed');
        written.push(t);
      },
    };
    expect(() => emitFenced(sink, 'pytest', 'before\nboom\n', { group: true })).toThrow('sink failed');
    expect(written[0]).toBe('::group::pytest\n');
    const token = written[1]!.match(/^::stop-commands::([0-9a-f]{32})\n$/)![1];
    expect(written[2]).toBe(`::${token}::\n`);
    expect(written[3]).toBe('::endgroup::\n');
  });

  it('ends the output with a newline so the resume line stands alone', () => {
    const sink = new BufferSink();
    emitFenced(sink, 't', 'last line without newline', { group: false });
    expect(sink.text).toMatch(/\nlast line without newline\n::[0-9a-f]{32}::\n$/);
  });

  it('keeps a hostile title from becoming a command', () => {
    const titles = ['::set-output name=x::y', 'a\n::add-mask::s', 'x ##[error]y', 'p%0A::warning::w', '\r::error::e'];
    for (const title of titles) {
      const sink = new BufferSink();
      emitFenced(sink, title, '', { group: true });
      const lines = sink.text.split(/\r\n|\r|\n/).filter((l) => l !== '');
      expect(lines).toHaveLength(4);
      expect(lines[0]!.startsWith('::group::')).toBe(true);
      const shown = lines[0]!.slice('::group::'.length);
      expect(shown.trimStart().startsWith('::')).toBe(false);
      expect(shown).not.toContain('##[');
      expect(shown).not.toMatch(/%0[AD]/i);
    }
  });

  it('groups by default only inside GitHub Actions', () => {
    const saved = process.env['GITHUB_ACTIONS'];
    try {
      process.env['GITHUB_ACTIONS'] = 'true';
      const a = new BufferSink();
      emitFenced(a, 't', 'x');
      expect(a.text.startsWith('::group::t\n')).toBe(true);
      delete process.env['GITHUB_ACTIONS'];
      const b = new BufferSink();
      emitFenced(b, 't', 'x');
      expect(b.text.startsWith('::stop-commands::')).toBe(true);
    } finally {
      if (saved === undefined) delete process.env['GITHUB_ACTIONS'];
      else process.env['GITHUB_ACTIONS'] = saved;
    }
  });
});

describe('splitArgs', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['   \t\n ', []],
    ['--strict', ['--strict']],
    ['-x  --tb=short\t-q\n-k foo', ['-x', '--tb=short', '-q', '-k', 'foo']],
    ["-k 'not slow and not network'", ['-k', 'not slow and not network']],
    ['-k "not slow"', ['-k', 'not slow']],
    ['--x="a b"c', ['--x=a bc']],
    ["''", ['']],
    ['a "" b', ['a', '', 'b']],
    ['"say \\"hi\\""', ['say "hi"']],
    ['"C:\\dir\\file"', ['C:\\dir\\file']],
    ['"\\\\ \\$ \\`"', ['\\ $ `']],
    ["'no \\escapes in single'", ['no \\escapes in single']],
    ['a\\ b', ['a b']],
    ['\\"quoted\\"', ['"quoted"']],
    ['line\\\ncontinued', ['linecontinued']],
    ['a \\\n b', ['a', 'b']],
    ['"multi\\\nline"', ['multiline']],
    ['$HOME ~ *.py ?[ab] {a,b} `id` #x ; | & > <', ['$HOME', '~', '*.py', '?[ab]', '{a,b}', '`id`', '#x', ';', '|', '&', '>', '<']],
    ['"it\'s"\' "fine"\'', ['it\'s "fine"']],
    ['é ü 😀', ['é', 'ü', '😀']],
    ['\\😀', ['😀']],
  ])('splits %j', (input, expected) => {
    expect(splitArgs(input)).toEqual(expected);
  });

  it.each<[string, RegExp]>([
    ["-k 'oops", /unbalanced single quote \(the ' at character 4 is never closed\)/],
    ['-k "oops', /unbalanced double quote \(the " at character 4 is never closed\)/],
    ['"a\\"', /unbalanced double quote/],
    ['abc\\', /backslash at the end/],
    ['a\0b', /NUL/],
  ])('rejects %j', (input, message) => {
    expect(() => splitArgs(input)).toThrow(message);
  });

  const word = fc.string({ unit: 'binary', maxLength: 12 }).filter((w) => !w.includes('\0'));
  const separator = fc.stringMatching(/^[ \t\n]{1,3}$/);

  const quoteSingle = (w: string): string => `'${w.replace(/'/g, `'\\''`)}'`;
  const quoteDouble = (w: string): string => `"${w.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
  // Bare: backslash before every non-alphanumeric character; a line break cannot be escaped bare
  // (backslash-newline is a continuation), so those go in single quotes.
  const quoteBare = (w: string): string =>
    w === '' ? "''" : [...w].map((c) => (c === '\n' || c === '\r' ? `'${c}'` : /[A-Za-z0-9]/.test(c) ? c : `\\${c}`)).join('');
  const quoters = [quoteSingle, quoteDouble, quoteBare];

  it('round-trips any words joined after quoting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.nat(2), separator), { maxLength: 8 }),
        fc.stringMatching(/^[ \t\n]{0,2}$/),
        (parts, lead) => {
          const input = lead + parts.map(([w, q, sep]) => quoters[q]!(w) + sep).join('');
          expect(splitArgs(input)).toEqual(parts.map(([w]) => w));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits unquoted text exactly at whitespace', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[^\s'"\\\0]+$/), { maxLength: 6 }), (words) => {
        expect(splitArgs(words.join(' '))).toEqual(words);
      }),
    );
  });

  it('either returns words or throws a plain Error with a message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        try {
          const out = splitArgs(s);
          expect(Array.isArray(out)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).message).toMatch(/^cannot split arguments /);
        }
      }),
      { numRuns: 500 },
    );
  });

  (process.platform === 'win32' ? it.skip : it)('agrees with a real POSIX sh on quoting (no expansions involved)', () => {
    // Alphabet limited to characters sh does not expand, so only quoting and splitting are compared.
    // No newline either: to `eval` it separates commands.
    const input = fc.stringMatching(/^[ab'" \\\t]{0,12}$/).filter((s) => !/\\$/.test(s));
    const samples = fc.sample(input, { numRuns: 150, seed: 42 });
    for (const s of samples) {
      let expected: string[] | 'error';
      try {
        const raw = execFileSync('sh', ['-c', 'eval "set -- $1" && printf "%s\\0" "$#" "$@"', 'sh', s], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        const fields = raw.split('\0').slice(0, -1);
        expected = fields.slice(1);
      } catch {
        expected = 'error';
      }
      let actual: string[] | 'error';
      try {
        actual = splitArgs(s);
      } catch {
        actual = 'error';
      }
      expect({ s, actual }).toEqual({ s, actual: expected });
    }
  });
});
