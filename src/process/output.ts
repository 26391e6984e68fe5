import { StringDecoder } from 'node:string_decoder';

const PARTIAL_LINE_LIMIT = 64 * 1024;

/**
 * Merges stdout and stderr a whole line at a time, in the order the lines arrive, so that a partial
 * line of one stream is never glued to a line of the other (which could also hide a `::command` from
 * whoever reads the log). A partial line waits for its newline, up to 64 KiB (progress bars), and is
 * flushed at the end. Each stream is decoded as UTF-8 on its own, so a character split across reads
 * survives.
 */
export class LineMerger {
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

/** Keeps the last `limit` bytes (UTF-8) of what is pushed, and counts what it dropped. */
export class TailBuffer {
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
