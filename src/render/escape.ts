/**
 * The one escaping module (SECURITY.md R4.1). Every untrusted string that reaches Markdown or HTML goes
 * through a function here; nothing else in the renderer builds escapes of its own.
 *
 * Why a zero-width space (U+200B) after `@` and between `#` and a digit: GitHub finds mentions and issue
 * references in the *rendered* text, after Markdown escapes and HTML entities are decoded, so `\@` or
 * `&#64;` would still ping. A real U+200B character survives rendering and is not a username or number
 * character, so `@\u200bteam` and `#\u200b12` render as plain text (the long-standing practice of bots
 * such as Renovate). Inside fenced code blocks GitHub links neither mentions nor references, so
 * `codeBlock` leaves `@` and `#12` alone: people can copy a traceback exactly.
 */

export const ZWSP = '\u200b';

const MARKER_NOTE = '[marker removed]';

/** ANSI/VT escape sequences: CSI (7- and 8-bit), OSC (BEL or ST terminated), and two-byte ESC sequences. */
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
/** Every line terminator a reader (Markdown, .NET's ReadLine, a terminal) might honour. */
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/** C0/C1 controls except tab and newline, DEL, and the bidi overrides/isolates (visual spoofing). */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_CLEANING = /[^\t\n\x20-\x7e]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const str = (s: unknown): string => (typeof s === 'string' ? s : s === null || s === undefined ? '' : String(s));

/**
 * Removes ANSI sequences and control characters, turns every line terminator into `\n`, and replaces
 * lone surrogates with U+FFFD (they would not survive JSON to the API). Tabs and `\n` are kept.
 */
export function stripControl(input: string): string {
  const s = str(input);
  if (!NEEDS_CLEANING.test(s)) return s; // the common case: printable ASCII, tabs and newlines
  return s.replace(ANSI, '').replace(LINE_BREAKS, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}

/** stripControl, then every newline and tab becomes one space: for text placed inside one line. */
export function oneLine(input: string): string {
  return stripControl(input).replace(/[\n\t]/g, ' ');
}

/** Anything that looks like the start of our hidden marker, up to its `-->` on the same line (or the line end). */
const MARKER_LIKE = /<!--\s*nebula[^\n]*?(?:-->|(?=\n)|$)/gi;

/**
 * Removes marker-like hidden comments (`<!-- nebula-gate…-->`) from untrusted text (R4.4), so a test name
 * cannot make another comment look like ours. Repeats until stable, so removal cannot splice a new one.
 */
export function stripMarker(input: string): string {
  let s = str(input);
  for (let i = 0; i < 8; i++) {
    const next = s.replace(MARKER_LIKE, MARKER_NOTE);
    if (next === s) return s;
    s = next;
  }
  // Pathological nesting: break every remaining comment opener instead.
  return s.replace(/<!--/g, `<!-${ZWSP}-`);
}

/*
 * One pass over the string. Escapes:
 *  - HTML: & < > " '  (entities; `'` as &#x27; so no `#<digit>` appears in our own output)
 *  - Markdown: \ ` * _ [ ] ~ | # as backslash escapes (no emphasis, code spans, links, images, tables, headings)
 *  - `$` as &dollar; (GitHub math is parsed from the source; a backslash is not enough outside math)
 *  - `@` → `@` + ZWSP (no mention, no e-mail autolink); `#<digit>` and `GH-<digit>` → ZWSP before the digit
 *  - `://` and `www.` broken with ZWSP: links are only built by the action (no bare-URL autolinks)
 */
const MD_SPECIAL = /[&<>"'\\`*_[\]~|$@#]|gh-(?=\d)|:\/\/|www\./gi;
const HTML_SPECIAL = /[&<>"'$@#]|gh-(?=\d)|:\/\/|www\./gi;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', $: '&dollar;' };

function escapeWith(input: string, re: RegExp, markdown: boolean): string {
  const s = stripMarker(oneLine(input));
  return s.replace(re, (m: string, offset: number) => {
    const entity = ENTITIES[m];
    if (entity !== undefined) return entity;
    if (m === '@') return `@${ZWSP}`;
    if (m === '#') {
      const next = s.charCodeAt(offset + 1);
      const digit = next >= 48 && next <= 57;
      return `${markdown ? '\\#' : '#'}${digit ? ZWSP : ''}`;
    }
    if (m === '://') return `:/${ZWSP}/`;
    if (m.length === 1) return `\\${m}`; // Markdown punctuation
    if (m.length === 3) return `${m}${ZWSP}`; // gh- before a digit
    return `${m.slice(0, 3)}${ZWSP}.`; // www.
  });
}

/**
 * Escapes untrusted text for inline Markdown (a paragraph, a list line, a heading, a link text).
 * Newlines collapse to spaces. The result contains no raw `<`, `|`, mention, or `#<digit>`.
 * Place it after some trusted text on its line: a leading `-`, `+` or `1.` is not escaped.
 */
export function escapeText(input: string): string {
  return escapeWith(input, MD_SPECIAL, true);
}

/**
 * Escapes untrusted text for a raw-HTML context where Markdown is not parsed (`<summary>` on the
 * `<details>` line): entities only (a backslash would show), plus the same mention/reference defusal.
 */
export function escapeHtml(input: string): string {
  return escapeWith(input, HTML_SPECIAL, false);
}

/**
 * Escapes untrusted text for a GFM table cell. escapeText already escapes every `|` (GFM treats any `\|`
 * as a literal pipe in a cell, even inside code spans), so this is escapeText under the name callers
 * should reach for; kept separate so the rule "every `|` in a cell is escaped" has one obvious home.
 */
export function escapeTableCell(input: string): string {
  return escapeText(input);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The largest cut index ≤ i that does not split a surrogate pair. */
function cutBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= s.length) return s.length;
  return isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)) ? i - 1 : i;
}

/** The smallest cut index ≥ i that does not split a surrogate pair. */
function cutAfter(s: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= s.length) return s.length;
  return isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)) ? i + 1 : i;
}

function codePoints(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!(isLow(s.charCodeAt(i)) && i > from && isHigh(s.charCodeAt(i - 1)))) n++;
  }
  return n;
}

const fmtCount = (n: number): string => n.toLocaleString('en-US');

/** Keeps at most `max` UTF-16 units, ending with `…` when cut; never splits a surrogate pair. */
export function truncateEnd(input: string, max: number): string {
  const s = str(input);
  if (s.length <= max) return s;
  if (max <= 0) return '';
  return `${s.slice(0, cutBefore(s, max - 1))}…`;
}

/**
 * Keeps the head and the tail of `s` (the start of a traceback and the exception at its end), at most
 * `max` UTF-16 units in all, with `… N characters cut …` between them (on its own line when `s` has
 * several lines). N counts code points. Never splits a surrogate pair. R4.3.
 */
export function truncateMiddle(input: string, max: number): string {
  const s = str(input);
  if (!Number.isFinite(max) || s.length <= max) return s;
  const multiline = s.includes('\n');
  const note = (n: number): string => (multiline ? `\n… ${fmtCount(n)} characters cut …\n` : ` … ${fmtCount(n)} characters cut … `);
  const room = max - note(s.length).length; // N ≤ s.length, so this note is the longest it can be
  if (room < 2) return truncateEnd(s, max);
  const headEnd = cutBefore(s, Math.ceil(room / 2));
  const tailStart = cutAfter(s, s.length - Math.floor(room / 2));
  return `${s.slice(0, headEnd)}${note(codePoints(s, headEnd, tailStart))}${s.slice(tailStart)}`;
}

/** The longest run of backticks in s. */
function longestBacktickRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 96) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}

/**
 * A fenced code block whose fence is longer than any backtick run inside, so the content cannot close
 * it. Content is shown verbatim (code blocks are not linked for mentions or references on GitHub), with
 * controls, ANSI sequences and marker-like comments removed. `lang` keeps only [A-Za-z0-9_+.-].
 * The result has no trailing newline.
 */
export function codeBlock(input: string, lang = ''): string {
  let body = stripMarker(stripControl(input));
  if (body.endsWith('\n')) body = body.slice(0, -1);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  const info = /^[A-Za-z0-9_+.-]{1,32}$/.test(lang) ? lang : '';
  return `${fence}${info}\n${body}\n${fence}`;
}
