/**
 * The one module that reads report files from disk. Size is checked before reading (and enforced while
 * reading, should the file grow in between); bytes are decoded strictly (UTF-8 or UTF-16 with BOM).
 * Every failure is a ReportError naming the file, so the check that needed it fails closed.
 */
import { constants, existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { parseCobertura } from './cobertura.js';
import { parseJunit } from './junit.js';
import { ReportError, type CoverageReport, type TestReport } from './model.js';
import { toPosix } from './paths.js';
import { decodeReportBytes } from './xml/decode.js';
import { DEFAULT_MAX_XML_BYTES } from './xml/parse.js';

export interface ReadReportOptions {
  /** Largest file accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
}

export async function readReportFile(path: string, opts: ReadReportOptions = {}): Promise<string> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  // stat first: a missing file, a directory, a FIFO or an oversize file is refused before it is opened.
  await asReportError(path, async () => checkRegular(path, await stat(path), maxBytes));
  let handle;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it must not hang.
    handle = await open(path, process.platform === 'win32' ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw errnoError(path, err);
  }
  try {
    // Again on what was opened: the path may have changed in between.
    const size = await asReportError(path, async () => checkRegular(path, await handle.stat(), maxBytes));

    // Read at most maxBytes + 1: a file that grew past the cap after the stat is still refused.
    const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
    const filled = await asReportError(path, async () => {
      let n = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) return n;
        n += bytesRead;
        if (n === buf.length) {
          if (n > maxBytes) throw new ReportError(path, `too large (more than ${maxBytes} bytes)`);
          return n;
        }
      }
    });
    return decodeReportBytes(buf.subarray(0, filled), path);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A regular file within the cap, or the ReportError that says why not; returns its size. */
function checkRegular(path: string, st: { isFile(): boolean; size: number }, maxBytes: number): number {
  if (!st.isFile()) throw new ReportError(path, 'unreadable (not a regular file)');
  if (st.size > maxBytes) throw new ReportError(path, `too large (${st.size} bytes > ${maxBytes})`);
  return st.size;
}

/** Runs a filesystem step; any failure but our own ReportError becomes one that names the file. */
function asReportError<T>(path: string, step: () => Promise<T>): Promise<T> {
  return step().catch((err: unknown) => {
    throw err instanceof ReportError ? err : errnoError(path, err);
  });
}

function errnoError(path: string, err: unknown): ReportError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ReportError(path, 'not found');
  return new ReportError(path, `unreadable (${code ?? (err instanceof Error ? err.message : String(err))})`);
}

/** Reads and parses a JUnit report (pytest xunit1/xunit2 or any runner's JUnit). */
export async function loadJunit(path: string, projectRoot: string, opts: ReadReportOptions = {}): Promise<TestReport> {
  return parseJunit(await readReportFile(path, opts), path, projectRoot, { xml: { maxBytes: opts.maxBytes ?? DEFAULT_MAX_XML_BYTES } });
}

/** Reads and parses a Cobertura report; class filenames are resolved against the real files when ambiguous. */
export async function loadCobertura(path: string, projectRoot: string, opts: ReadReportOptions = {}): Promise<CoverageReport> {
  return parseCobertura(await readReportFile(path, opts), path, projectRoot, {
    exists: (p) => existsSync(toNativePath(p)),
    xml: { maxBytes: opts.maxBytes ?? DEFAULT_MAX_XML_BYTES },
  });
}

/** The POSIX paths the parsers use, back in the platform's form for the filesystem. */
function toNativePath(p: string): string {
  return process.platform === 'win32' ? toPosix(p).replace(/\//g, '\\') : p;
}
