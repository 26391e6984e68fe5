import { tmpdir } from 'node:os';
import { emitFenced, type LogSink } from '../../src/process/fence.js';
import { runProcess } from '../../src/process/run.js';
import { pyIn } from './helpers.js';

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
    const r = await runProcess(pyIn(tmpdir(), code));
    expect(r.exitCode).toBe(0);
    const envDump = await runProcess(pyIn(tmpdir(), 'import os, json; print(json.dumps(dict(os.environ)))'));

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
