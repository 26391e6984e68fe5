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
import { decodeReportBytes, DEFAULT_MAX_XML_BYTES } from './xml.js';

export interface ReadReportOptions {
  /** Largest file accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
}

export async function readReportFile(path: string, opts: ReadReportOptions = {}): Promise<string> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  // stat first: a missing file, a directory, a FIFO or an oversize file is refused before it is opened.
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new ReportError(path, 'unreadable (not a regular file)');
    if (st.size > maxBytes) throw new ReportError(path, `too large (${st.size} bytes > ${maxBytes})`);
  } catch (err) {
    if (err instanceof ReportError) throw err;
    throw errnoError(path, err);
  }
  let handle;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it must not hang.
    handle = await open(path, process.platform === 'win32' ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw errnoError(path, err);
  }
  try {
    let size: number;
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new ReportError(path, 'unreadable (not a regular file)');
      size = st.size;
    } catch (err) {
      if (err instanceof ReportError) throw err;
      throw errnoError(path, err);
    }
    if (size > maxBytes) throw new ReportError(path, `too large (${size} bytes > ${maxBytes})`);

    // Read at most maxBytes + 1: a file that grew past the cap after the stat is still refused.
    const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let filled = 0;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled === buf.length) {
          if (filled > maxBytes) throw new ReportError(path, `too large (more than ${maxBytes} bytes)`);
          break;
        }
      }
    } catch (err) {
      if (err instanceof ReportError) throw err;
      throw errnoError(path, err);
    }
    return decodeReportBytes(buf.subarray(0, filled), path);
  } finally {
    await handle.close().catch(() => undefined);
  }
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
