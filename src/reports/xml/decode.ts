/**
 * Report bytes → text (SECURITY.md R5): UTF-8 or UTF-16, strictly. Kept apart from the XML parse so that the loader
 * (the one module that reads files) can decode without parsing.
 */
import { ReportError } from '../model.js';

/**
 * Decodes the raw bytes of a report: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one when
 * the document starts with `<?`/`<` as the XML spec's autodetection allows). Invalid byte sequences are
 * rejected, not replaced. The returned string has no BOM.
 */
export function decodeReportBytes(buf: Uint8Array, path: string): string {
  const b0 = buf[0];
  const b1 = buf[1];
  if (buf.length >= 4 && b0 === 0xff && b1 === 0xfe && buf[2] === 0 && buf[3] === 0) {
    throw new ReportError(path, 'UTF-32 encoding is not supported (use UTF-8)');
  }
  if (buf.length >= 4 && b0 === 0 && b1 === 0 && buf[2] === 0xfe && buf[3] === 0xff) {
    throw new ReportError(path, 'UTF-32 encoding is not supported (use UTF-8)');
  }
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let start = 0;
  if (b0 === 0xef && b1 === 0xbb && buf[2] === 0xbf) {
    start = 3;
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  } else if (b0 === 0x3c && b1 === 0x00 && buf.length >= 4 && buf[3] === 0x00) {
    encoding = 'utf-16le';
  } else if (b0 === 0x00 && b1 === 0x3c && buf.length >= 4 && buf[2] === 0x00) {
    encoding = 'utf-16be';
  }
  const body = buf.subarray(start);
  if (encoding !== 'utf-8' && body.length % 2 !== 0) {
    throw new ReportError(path, `invalid ${encoding.toUpperCase()}: odd number of bytes`);
  }
  try {
    if (encoding === 'utf-16be') {
      // Swap to little-endian: every Node build decodes utf-16le; utf-16be needs full ICU.
      const swapped = Buffer.from(body);
      swapped.swap16();
      return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(swapped);
    }
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new ReportError(path, `not valid ${encoding.toUpperCase()} text`);
  }
}
